import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import {
  createGroupResponseSchema,
  groupRecordsAnswerSchema,
  learnerKeyResponseSchema,
  learnerRecordSchema,
  scoreRun,
  scoreSkills,
  sessionRosterSchema,
} from "@hotseat/shared";
import type { LearnerRecord, ProjectorView, TechniqueTag, TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, Peer, startTestServer } from "./harness";
import { apiCall } from "./apiCall";
import type { ApiAnswer } from "./apiCall";

let server: RunningServer;
beforeAll(async () => {
  // Many refusals on purpose from one address: the guess throttle is tested elsewhere (httpSafety).
  server = await startTestServer({
    httpLimits: { guesses: { burst: 10_000, perSecond: 100, failureCost: 1 } },
  });
});
afterAll(async () => {
  await server.stop();
});

const call = (path: string, init: Parameters<typeof apiCall>[2] = {}) => apiCall(server.url, path, init);

const codeOf = (a: ApiAnswer) => (a.body as { error?: { code: string } }).error?.code;

async function createGroup(name: string, roster: string[], openRoster = false) {
  const a = await call("/api/groups", {
    body: { name, openRoster, roster: roster.map((displayName) => ({ displayName })) },
  });
  expect(a.status).toBe(201);
  return createGroupResponseSchema.parse(a.body);
}

async function claim(code: string, pick: { learnerId?: string; displayName?: string }) {
  const a = await call(`/api/sessions/${code}/learners`, { body: pick });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  return learnerKeyResponseSchema.parse(a.body);
}

async function groupSession(groupId: string, groupKey: string) {
  const hosted = await hostSession(server.url, { scenarioId: "short-call", groupId, groupKey } as never);
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  return { hosted, trainer };
}

const learnerPeer = (code: string, learnerKey: string, device: string) =>
  Peer.join<TraineeView>(server.url, code, {
    role: "trainee",
    learnerKey,
    reconnectKey: `${device}-${code}`,
  });

async function myRecord(key: string): Promise<LearnerRecord> {
  const a = await call("/api/learning/me", { key });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return learnerRecordSchema.parse(a.body);
}

const choicesOf = (r: LearnerRecord) => r.runs.map((run) => run.decisions.map((d) => [d.role, d.optionId]));

describe("the learning record", () => {
  it("follows one learner through a class vote, a hot seat and solo practice, and no one else", async () => {
    const g = await createGroup("Support team A", ["Ann Nowak", "Bob Lis"]);
    const other = await createGroup("Team B", ["Zed"]);
    const [annLine, bobLine] = g.roster;

    // Workshop 1: a class vote. Ann and Bob pick their names; Cat plays anonymously.
    const s1 = await groupSession(g.group.groupId, g.groupKey);
    const roster = sessionRosterSchema.parse((await call(`/api/sessions/${s1.hosted.code}/roster`)).body);
    expect(roster.learners).toEqual([
      { learnerId: annLine!.learnerId, displayName: "Ann Nowak", claimed: false },
      { learnerId: bobLine!.learnerId, displayName: "Bob Lis", claimed: false },
    ]);
    const ann = await claim(s1.hosted.code, { learnerId: annLine!.learnerId });
    const bob = await claim(s1.hosted.code, { learnerId: bobLine!.learnerId });
    // A name a phone holds is not given to another phone.
    const again = await call(`/api/sessions/${s1.hosted.code}/learners`, {
      body: { learnerId: annLine!.learnerId },
    });
    expect([again.status, codeOf(again)]).toEqual([409, "learner.taken"]);
    const closed = await call(`/api/sessions/${s1.hosted.code}/learners`, { body: { displayName: "Eve" } });
    expect([closed.status, codeOf(closed)]).toEqual([403, "roster.closed"]);
    // A key of another group's learner does not seat anyone here.
    const zed = await claimForeign(other.group.groupId, other.groupKey, other.roster[0]!.learnerId);
    await expect(learnerPeer(s1.hosted.code, zed, "zed")).rejects.toThrow(/join\.bad-learner/);

    const projector = await Peer.join<ProjectorView>(server.url, s1.hosted.code, { role: "projector" });
    const annPhone = await learnerPeer(s1.hosted.code, ann.learnerKey, "ann");
    const bobPhone = await learnerPeer(s1.hosted.code, bob.learnerKey, "bob");
    const cat = await Peer.join<TraineeView>(server.url, s1.hosted.code, { role: "trainee", name: "Cat" });
    expect(annPhone.view.me.name).toBe("Ann Nowak");
    await s1.trainer.viewWhere((v) => v.roster.length === 3);
    s1.trainer.send({ type: "trainer.start" });
    const vote = async (choices: [Peer<TraineeView>, string][], step: number) => {
      s1.trainer.send({ type: "trainer.openVote" });
      await Promise.all(choices.map(([p]) => p.viewWhere((v) => v.can === "vote" && v.stepIndex === step)));
      for (const [p, optionId] of choices) p.send({ type: "trainee.vote", optionId, stepIndex: step });
      await s1.trainer.viewWhere((v) => Object.keys(v.votes).length === choices.length);
      s1.trainer.send({ type: "trainer.reveal" });
      await s1.trainer.viewWhere((v) => v.history.length === step + 1);
    };
    await vote(
      [
        [annPhone, "listen"],
        [bobPhone, "blame"],
        [cat, "listen"],
      ],
      0,
    );
    await vote(
      [
        [annPhone, "promise"],
        [bobPhone, "shrug"],
        [cat, "promise"],
      ],
      1,
    );
    // Nothing personal reaches the wall: no learner id, no key.
    const wall = JSON.stringify(projector.view);
    for (const secret of [annLine!.learnerId, ann.learnerKey, bob.learnerKey])
      expect(wall).not.toContain(secret);

    // Workshop 2: hot seat, with the same phones' keys; Ann holds the seat, Bob marks.
    const s2 = await groupSession(g.group.groupId, g.groupKey);
    const annPhone2 = await learnerPeer(s2.hosted.code, ann.learnerKey, "ann");
    const bobPhone2 = await learnerPeer(s2.hosted.code, bob.learnerKey, "bob");
    s2.trainer.send({ type: "trainer.setStyle", style: "hot-seat" });
    s2.trainer.send({ type: "trainer.passSeat", traineeId: annPhone2.view.me.id });
    s2.trainer.send({ type: "trainer.start" });
    await annPhone2.viewWhere((v) => v.can === "choose");
    await bobPhone2.viewWhere((v) => v.can === "mark");
    bobPhone2.send({ type: "trainee.mark", optionId: "refund", stepIndex: 0 });
    await bobPhone2.viewWhere((v) => v.myMark === "refund");
    annPhone2.send({ type: "trainee.choose", optionId: "blame", stepIndex: 0 });
    await s2.trainer.viewWhere((v) => v.history.length === 1);
    s2.trainer.send({ type: "trainer.next" });
    await annPhone2.viewWhere((v) => v.can === "choose" && v.stepIndex === 1);
    annPhone2.send({ type: "trainee.choose", optionId: "shrug", stepIndex: 1 });
    await s2.trainer.viewWhere((v) => v.history.length === 2);

    // Workshop 3: Ann practises alone.
    const s3 = await groupSession(g.group.groupId, g.groupKey);
    s3.trainer.send({ type: "trainer.setStyle", style: "solo" });
    await s3.trainer.viewWhere((v) => v.style === "solo");
    const annPhone3 = await learnerPeer(s3.hosted.code, ann.learnerKey, "ann");
    s3.trainer.send({ type: "trainer.start" });
    await annPhone3.viewWhere((v) => v.can === "choose");
    annPhone3.send({ type: "trainee.choose", optionId: "refund", stepIndex: 0 });
    await annPhone3.viewWhere((v) => v.can === "choose" && v.stepIndex === 1);
    annPhone3.send({ type: "trainee.choose", optionId: "promise", stepIndex: 1 });
    await s3.trainer.viewWhere((v) => v.history.length === 2);

    const annRecord = await myRecord(ann.learnerKey);
    expect(annRecord.learner).toEqual({
      learnerId: annLine!.learnerId,
      groupId: g.group.groupId,
      displayName: "Ann Nowak",
    });
    // In the phone's language where the scenario is written in it; any other reads as the default.
    const inPolish = learnerRecordSchema.parse(
      (await call("/api/learning/me?locale=pl", { key: ann.learnerKey })).body,
    );
    expect(inPolish.runs[0]!.decisions[0]).toMatchObject({
      optionLabel: "Proszę powiedzieć, co się stało.",
      feedback: "Słuchanie najpierw go uspokaja.",
    });
    const unwritten = await call("/api/learning/me?locale=ro", { key: ann.learnerKey });
    expect(unwritten.body).toEqual(annRecord);
    const badLocale = await call("/api/learning/me?locale=Polish", { key: ann.learnerKey });
    expect([badLocale.status, codeOf(badLocale)]).toEqual([400, "message.malformed"]);
    expect(choicesOf(annRecord)).toEqual([
      [
        ["class-vote", "listen"],
        ["class-vote", "promise"],
      ],
      [
        ["hot-seat", "blame"],
        ["hot-seat", "shrug"],
      ],
      [
        ["solo", "refund"],
        ["solo", "promise"],
      ],
    ]);
    expect(annRecord.runs.map((r) => [r.sessionId, r.ending?.endingId, r.customerType])).toEqual([
      [s1.hosted.sessionId, "calm", "aggressive"],
      [s2.hosted.sessionId, "gone", "aggressive"],
      [s3.hosted.sessionId, "gone", "aggressive"],
    ]);
    const first = annRecord.runs[0]!.decisions[0]!;
    expect(first).toMatchObject({
      stateId: "opening",
      optionLabel: "Tell me what happened.",
      tags: ["listens"],
      effect: { mood: 20, cost: 2 },
      feedback: "Listening first calms him.",
      comparedWithBest: { moodGap: 0, costGap: 2, bestOptionId: "listen" },
    });
    expect(first.open.map((o) => [o.optionId, o.reachable])).toEqual([
      ["listen", { bestMood: 70, leastCost: 2 }],
      ["blame", { bestMood: 0, leastCost: 0 }],
      ["refund", { bestMood: 25, leastCost: 30 }],
    ]);
    // Skills: exactly what scoreSkills makes of the tags open and chosen at each of her decisions.
    const opening: TechniqueTag[][] = [["listens"], ["blames-customer"], ["over-gives"]];
    const middle: TechniqueTag[][] = [["offers-solution"], ["denies-emotion"]];
    const expected = [
      [
        { available: opening, chosen: ["listens"] },
        { available: middle, chosen: ["offers-solution"] },
      ],
      [
        { available: opening, chosen: ["blames-customer"] },
        { available: middle, chosen: ["denies-emotion"] },
      ],
      [
        { available: opening, chosen: ["over-gives"] },
        { available: middle, chosen: ["offers-solution"] },
      ],
    ] satisfies { available: TechniqueTag[][]; chosen: TechniqueTag[] }[][];
    annRecord.runs.forEach((run, i) => {
      const scored = scoreSkills(
        run.decisions.map((d) => ({ available: d.open.map((o) => o.tags), chosen: d.tags })),
      );
      expect(scored).toEqual(scoreSkills(expected[i]!));
      const mean = Math.round(scored.skills.reduce((s, k) => s + k.score, 0) / scored.skills.length);
      // The same number My practice shows for the run (scoreRun), on the 0–1 scale.
      expect(run.scaledScore).toBe(mean / 100);
      expect(run.scaledScore).toBe(scoreRun(run).score! / 100);
    });
    expect(annRecord.runs[0]!.scaledScore).toBe(1);
    expect(annRecord.runs[1]!.scaledScore).toBeLessThan(annRecord.runs[2]!.scaledScore!);

    // Bob's record holds his own choices only; Ann's never shows in it.
    const bobRecord = await myRecord(bob.learnerKey);
    expect(choicesOf(bobRecord)).toEqual([
      [
        ["class-vote", "blame"],
        ["class-vote", "shrug"],
      ],
      [["observer", "refund"]],
    ]);
    expect(JSON.stringify(bobRecord)).not.toContain(annLine!.learnerId);

    // The group's trainer reads both records; another trainer's key does not open this group.
    const records = await call(`/api/groups/${g.group.groupId}/records`, { key: g.groupKey });
    expect(records.status).toBe(200);
    const parsed = groupRecordsAnswerSchema.parse(records.body);
    expect(parsed.records.map((r) => [r.learner.displayName, r.runs.length])).toEqual([
      ["Ann Nowak", 3],
      ["Bob Lis", 2],
    ]);
    const foreign = await call(`/api/groups/${g.group.groupId}/records`, { key: other.groupKey });
    expect([foreign.status, codeOf(foreign)]).toEqual([403, "group.not-yours"]);
    const none = await call(`/api/groups/${g.group.groupId}/records`);
    expect([none.status, codeOf(none)]).toEqual([401, "group.key-missing"]);
    const listed = await call("/api/groups", { key: other.groupKey });
    expect((listed.body as { groups: { name: string }[] }).groups.map((x) => x.name)).toEqual(["Team B"]);

    // Export is the record; deleting Bob removes his identity, his runs stay in the aggregates unnamed.
    const exported = await call(`/api/groups/${g.group.groupId}/learners/${bobLine!.learnerId}/export`, {
      key: g.groupKey,
    });
    expect(exported.body).toEqual(bobRecord);
    const gone = await call(`/api/groups/${g.group.groupId}/learners/${bobLine!.learnerId}`, {
      method: "DELETE",
      key: g.groupKey,
    });
    expect(gone.status).toBe(200);
    const after = groupRecordsAnswerSchema.parse(
      (await call(`/api/groups/${g.group.groupId}/records`, { key: g.groupKey })).body,
    );
    expect(after.records.map((r) => r.learner.displayName)).toEqual(["Ann Nowak"]);
    expect(after.anonymousRuns?.map((r) => r.decisions.map((d) => d.optionId))).toEqual([
      ["blame", "shrug"],
      ["refund"],
    ]);
    expect(JSON.stringify(after)).not.toContain("Bob");
    const bobAfter = await call("/api/learning/me", { key: bob.learnerKey });
    expect([bobAfter.status, codeOf(bobAfter)]).toEqual([401, "learner.key-invalid"]);
  });

  it("renews a phone's key from a one-time link, and an open roster takes new names", async () => {
    const g = await createGroup("Open cohort", ["Dana"], true);
    const s = await groupSession(g.group.groupId, g.groupKey);
    const dana = await claim(s.hosted.code, { learnerId: g.roster[0]!.learnerId });
    const eve = await claim(s.hosted.code, { displayName: "Eve" });
    expect(eve.displayName).toBe("Eve");
    const dup = await call(`/api/sessions/${s.hosted.code}/learners`, { body: { displayName: "eve" } });
    expect([dup.status, codeOf(dup)]).toEqual([409, "learner.name-taken"]);

    const link = await call(`/api/groups/${g.group.groupId}/learners/${g.roster[0]!.learnerId}/renew`, {
      method: "POST",
      key: g.groupKey,
    });
    expect(link.status).toBe(201);
    const token = (link.body as { renewUrl: string }).renewUrl.split("#renew=")[1]!;
    const renewed = await call("/api/learning/renew", { body: { token } });
    expect(renewed.status).toBe(200);
    const fresh = learnerKeyResponseSchema.parse(renewed.body);
    expect(fresh.learnerId).toBe(dana.learnerId);
    expect((await myRecord(fresh.learnerKey)).learner.displayName).toBe("Dana");
    expect(codeOf(await call("/api/learning/me", { key: dana.learnerKey }))).toBe("learner.key-invalid");
    expect(codeOf(await call("/api/learning/renew", { body: { token } }))).toBe("learner.renew-invalid");
  });

  it("refuses bad input with clear errors and changes nothing", async () => {
    const empty = await call("/api/groups", { body: { name: "" } });
    expect([empty.status, codeOf(empty)]).toEqual([400, "message.malformed"]);
    const badMail = await call("/api/groups", {
      body: { name: "X", roster: [{ displayName: "A", email: "nope" }] },
    });
    expect([badMail.status, codeOf(badMail)]).toEqual([400, "message.malformed"]);
    const g = await createGroup("Checked", ["Fay"]);
    const wrongHost = await call("/api/sessions", {
      body: { scenarioId: "short-call", groupId: g.group.groupId, groupKey: "nope" },
    });
    expect([wrongHost.status, codeOf(wrongHost)]).toEqual([403, "group.not-yours"]);
    const unknown = await call("/api/groups/no-such-group", { key: g.groupKey });
    expect([unknown.status, codeOf(unknown)]).toEqual([404, "group.unknown"]);
    const both = await call("/api/groups/" + g.group.groupId + "/learners", {
      key: g.groupKey,
      body: { learners: [] },
    });
    expect([both.status, codeOf(both)]).toEqual([400, "message.malformed"]);
    const anonymous = await hostSession(server.url);
    const noGroup = await call(`/api/sessions/${anonymous.code}/roster`);
    expect([noGroup.status, codeOf(noGroup)]).toEqual([404, "session.no-group"]);
    const detail = await call(`/api/groups/${g.group.groupId}`, { key: g.groupKey });
    expect((detail.body as { roster: unknown[] }).roster).toHaveLength(1);
  });
});

async function claimForeign(groupId: string, groupKey: string, learnerId: string): Promise<string> {
  const s = await groupSession(groupId, groupKey);
  const key = await claim(s.hosted.code, { learnerId });
  return key.learnerKey;
}
