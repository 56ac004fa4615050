import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "@hotseat/server";
import {
  createGroupResponseSchema,
  hostResponseSchema,
  learnerKeyResponseSchema,
  lrsStatusSchema,
} from "@hotseat/shared";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, Peer, startTestServer } from "./harness";
import { TestLrs } from "./testLrs";

let server: RunningServer | undefined;
let lrs: TestLrs | undefined;
afterEach(async () => {
  await server?.stop();
  await lrs?.stop();
  server = lrs = undefined;
});

type Call = { status: number; text: string; json: () => unknown; headers: Headers };
async function call(path: string, init: { method?: string; key?: string; body?: unknown } = {}) {
  const res = await fetch(`${server!.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.key !== undefined ? { authorization: `Bearer ${init.key}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: res.status, text, json: () => JSON.parse(text) as unknown, headers: res.headers, bytes };
}
const codeOf = (c: Call) => (c.json() as { error?: { code?: string } }).error?.code;

async function createGroup(
  name: string,
  roster: { displayName: string; employeeId?: string; email?: string }[],
) {
  const created = await call("/api/groups", { body: { name, roster } });
  expect(created.status).toBe(201);
  return createGroupResponseSchema.parse(created.json());
}

/**
 * Sales, Kraków in a hot-seat session: Anna holds the seat, Łukasz watches and marks what he would say.
 * Returns when the first step is open, so a test can watch statements arrive as each decision is made.
 */
async function hotSeatSession() {
  server = await startTestServer({
    publicUrl: "https://hotseat.example.org/",
    lrsBackoffMs: { first: 5, max: 40 },
    httpLimits: { guesses: { burst: 10_000, perSecond: 100, failureCost: 1 } },
  });
  const sales = await createGroup("Sales, Kraków", [
    { displayName: "Anna", employeeId: "E-1", email: "anna@example.com" },
    { displayName: "Łukasz" },
  ]);
  const other = await createGroup("Other team", [{ displayName: "Zed" }]);
  const hosted = hostResponseSchema.parse(
    (
      await call("/api/sessions", {
        body: { scenarioId: "short-call", groupId: sales.group.groupId, groupKey: sales.groupKey },
      })
    ).json(),
  );
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const phones: Peer<TraineeView>[] = [];
  for (const line of sales.roster) {
    const claimed = await call(`/api/sessions/${hosted.code}/learners`, {
      body: { learnerId: line.learnerId },
    });
    const { learnerKey } = learnerKeyResponseSchema.parse(claimed.json());
    phones.push(
      await Peer.join<TraineeView>(server.url, hosted.code, {
        role: "trainee",
        learnerKey,
        reconnectKey: `phone-${line.learnerId}`,
      }),
    );
  }
  const [anna, lukasz] = phones as [Peer<TraineeView>, Peer<TraineeView>];
  trainer.send({ type: "trainer.setStyle", style: "hot-seat" });
  trainer.send({ type: "trainer.passSeat", traineeId: anna.view.me.id });
  trainer.send({ type: "trainer.start" });
  await anna.viewWhere((v) => v.can === "choose");
  await lukasz.viewWhere((v) => v.can === "mark");
  const [annaLine, lukaszLine] = sales.roster as [(typeof sales.roster)[0], (typeof sales.roster)[0]];
  return {
    sales,
    other,
    hosted,
    trainer,
    anna,
    lukasz,
    annaId: annaLine.learnerId,
    lukaszId: lukaszLine.learnerId,
  };
}

type Session = Awaited<ReturnType<typeof hotSeatSession>>;

/** Step 1: Łukasz marks "refund", Anna answers "blame". */
async function firstStep(s: Session): Promise<void> {
  s.lukasz.send({ type: "trainee.mark", optionId: "refund", stepIndex: 0 });
  await s.lukasz.viewWhere((v) => v.myMark === "refund");
  s.anna.send({ type: "trainee.choose", optionId: "blame", stepIndex: 0 });
  await s.trainer.viewWhere((v) => v.history.length === 1);
}

/** Step 2: Anna answers "shrug", which ends the call (Łukasz marks nothing). */
async function secondStep(s: Session): Promise<void> {
  s.trainer.send({ type: "trainer.next" });
  await s.anna.viewWhere((v) => v.can === "choose" && v.stepIndex === 1);
  s.anna.send({ type: "trainee.choose", optionId: "shrug", stepIndex: 1 });
  await s.trainer.viewWhere((v) => v.history.length === 2);
}

const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

describe("LMS files over HTTP, from the learning record", () => {
  it("serves a session's CSV to its trainer and a group's to the group's key holder", async () => {
    const s = await hotSeatSession();
    await firstStep(s);
    await secondStep(s);

    const path = `/api/sessions/${s.hosted.code}/lms.csv`;
    const anonymous = await call(path);
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, "join.bad-token"]);
    const res = await call(`${path}?token=${s.hosted.trainerToken}&trainer=Jan%20Nowak`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`hotseat-lms-${s.hosted.code}.csv`);
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^E-1,Anna,anna@example.com,"Sales, Kraków",.+,\d{4}-\d\d-\d\d,yes,\d+,.*,Jan Nowak$/,
    );
    expect(lines[2]).toMatch(/^,Łukasz,,"Sales, Kraków",.+,yes,\d+,/);
    const badZone = await call(`${path}?token=${s.hosted.trainerToken}&tz=Mars/Olympus`);
    expect([badZone.status, codeOf(badZone)]).toEqual([400, "message.malformed"]);

    // A session hosted for no group has no learners' records to export.
    const plain = await hostSession(server!.url);
    const none = await call(`/api/sessions/${plain.code}/lms.csv?token=${plain.trainerToken}`);
    expect([none.status, codeOf(none)]).toEqual([404, "session.no-group"]);

    const groupPath = `/api/groups/${s.sales.group.groupId}/lms.csv`;
    const noKey = await call(groupPath);
    expect([noKey.status, codeOf(noKey)]).toEqual([401, "group.key-missing"]);
    const otherKey = await call(groupPath, { key: s.other.groupKey });
    expect([otherKey.status, codeOf(otherKey)]).toEqual([403, "group.not-yours"]);
    const unknown = await call("/api/groups/nobody/lms.csv", { key: s.sales.groupKey });
    expect([unknown.status, codeOf(unknown)]).toEqual([404, "group.unknown"]);
    const group = await call(`${groupPath}?tz=Europe/Warsaw`, { key: s.sales.groupKey });
    expect(group.status).toBe(200);
    expect(group.text.split("\r\n").slice(1, 3)).toEqual(
      lines.slice(1, 3).map((l) => l.replace(/Jan Nowak$/, "")),
    );
    // A download link carries the key in the query, like a session report's token.
    expect((await call(`${groupPath}?token=${s.sales.groupKey}`)).status).toBe(200);
    // One of the group's sessions with the group key; another group's session is not there.
    const one = await call(`${groupPath}?session=${s.hosted.sessionId}&trainer=Jan%20Nowak`, {
      key: s.sales.groupKey,
    });
    expect(one.text).toBe(res.text);
    const foreign = await call(`${groupPath}?session=${plain.sessionId}`, { key: s.sales.groupKey });
    expect([foreign.status, codeOf(foreign)]).toEqual([404, "session.no-group"]);
  });

  it("sends a group's record so far to the LRS its trainer sets after the workshop", async () => {
    const s = await hotSeatSession();
    await firstStep(s);
    await secondStep(s);
    lrs = new TestLrs();
    await lrs.start();
    const lrsPath = `/api/groups/${s.sales.group.groupId}/lrs`;
    const status = async () => lrsStatusSchema.parse((await call(lrsPath, { key: s.sales.groupKey })).json());
    // Nothing is kept for xAPI while the group has no LRS.
    expect(await status()).toEqual({ queued: 0, sent: 0, rejected: [] });
    const config = { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret };
    expect((await call(lrsPath, { method: "PUT", body: config, key: s.sales.groupKey })).status).toBe(200);
    await until(() => expect(lrs!.stored).toHaveLength(5));
    const told = lrs.stored.map((st) => st as { verb: { id: string }; actor: { account: { name: string } } });
    expect(told.map((st) => [st.verb.id.split("/").at(-1), st.actor.account.name])).toEqual([
      ["answered", s.annaId],
      ["answered", s.lukaszId],
      ["answered", s.annaId],
      ["completed", s.annaId],
      ["completed", s.lukaszId],
    ]);
    // "Send now" answers the outbox's state.
    const retried = await call(`${lrsPath}/retry`, { method: "POST", key: s.sales.groupKey });
    expect(retried.status).toBe(200);
    expect(lrsStatusSchema.parse(retried.json())).toMatchObject({ queued: 0, sent: 5 });
    const refused = await call(`${lrsPath}/retry`, { method: "POST", key: s.other.groupKey });
    expect([refused.status, codeOf(refused)]).toEqual([403, "group.not-yours"]);
  });
});

describe("a group's LRS over HTTP", () => {
  it("is set with the group's key, gets each decision as it is made, and loses a deleted learner's statements", async () => {
    const s = await hotSeatSession();
    lrs = new TestLrs();
    await lrs.start();
    const lrsPath = `/api/groups/${s.sales.group.groupId}/lrs`;
    const config = { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret };
    const put = (body: unknown, key?: string) =>
      call(lrsPath, { method: "PUT", body, ...(key !== undefined ? { key } : {}) });
    const noKey = await put(config);
    expect([noKey.status, codeOf(noKey)]).toEqual([401, "group.key-missing"]);
    const otherKey = await put(config, s.other.groupKey);
    expect([otherKey.status, codeOf(otherKey)]).toEqual([403, "group.not-yours"]);
    const bad = await put({ ...config, endpoint: "ftp://lrs.example.org/" }, s.sales.groupKey);
    expect([bad.status, codeOf(bad)]).toEqual([400, "message.malformed"]);

    const saved = await put(config, s.sales.groupKey);
    expect(saved.status).toBe(200);
    expect(saved.text).not.toContain(lrs.secret);
    expect(lrsStatusSchema.parse(saved.json())).toEqual({
      lrs: { endpoint: lrs.endpoint, key: lrs.key },
      queued: 0,
      sent: 0,
      rejected: [],
    });

    // Each decision reaches the LRS as it is made, not when the session ends: the seat's and the mark.
    await firstStep(s);
    await until(() => expect(lrs!.stored).toHaveLength(2));
    expect(lrs.stored).toMatchObject([
      {
        actor: { account: { homePage: "https://hotseat.example.org", name: s.annaId }, name: "Anna" },
        verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
        result: { response: "blame" },
      },
      { actor: { account: { name: s.lukaszId } }, result: { response: "refund" } },
    ]);
    const status = async () => lrsStatusSchema.parse((await call(lrsPath, { key: s.sales.groupKey })).json());
    await until(async () => expect(await status()).toMatchObject({ queued: 0, sent: 2 }));

    // Deleting Łukasz deletes his statement from the outbox, and the ending makes none for him.
    const deleted = await call(`/api/groups/${s.sales.group.groupId}/learners/${s.lukaszId}`, {
      method: "DELETE",
      key: s.sales.groupKey,
    });
    expect(deleted.status).toBe(200);
    expect(await status()).toMatchObject({ queued: 0, sent: 1 });
    await secondStep(s);
    await until(() => expect(lrs!.stored).toHaveLength(4));
    await server!.xapi.feed.flush();
    expect(await status()).toMatchObject({ queued: 0, sent: 3, rejected: [] });
    const told = lrs.stored.map((st) => st as { verb: { id: string }; actor: { account: { name: string } } });
    expect(told.slice(2).map((st) => [st.verb.id.split("/").at(-1), st.actor.account.name])).toEqual([
      ["answered", s.annaId],
      ["completed", s.annaId],
    ]);

    const removed = await call(lrsPath, { method: "DELETE", key: s.sales.groupKey });
    expect(lrsStatusSchema.parse(removed.json()).lrs).toBeUndefined();
  });
});
