import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { asAsyncStore, SqliteSessionStore } from "@hotseat/server";
import type { RunningServer } from "@hotseat/server";
import {
  createGroupResponseSchema,
  hostResponseSchema,
  learnerKeyResponseSchema,
  lrsStatusSchema,
} from "@hotseat/shared";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { statementProblems } from "../../server/src/xapi/validateStatement";
import { registrationOf } from "../../server/src/xapi/xapiStatements";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import { fixtureScenariosDir, Peer, startTestServer } from "./harness";
import { TestLrs } from "./testLrs";

const dir = mkdtempSync(join(tmpdir(), "hotseat-xapi-group-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const origin = "https://hotseat.example.org";
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const lines: string[] = [];
/** A server on a SQLite file (so it can be stopped and started again on the same data), LRS retries fast. */
async function serverOn(path: string): Promise<RunningServer> {
  const server = await startTestServer({
    store: asAsyncStore(new SqliteSessionStore(path)),
    publicUrl: origin,
    lrsBackoffMs: { first: 5, max: 40 },
    log: (line) => lines.push(line),
    httpLimits: { guesses: { burst: 10_000, perSecond: 100, failureCost: 1 } },
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  cleanups.push(stop);
  return { ...server, stop };
}

async function startLrs(): Promise<TestLrs> {
  const lrs = new TestLrs();
  await lrs.start();
  cleanups.push(() => lrs.stop());
  return lrs;
}

type Call = { status: number; body: unknown };
async function call(
  url: string,
  init: { method?: string; key?: string; body?: unknown } = {},
): Promise<Call> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.key !== undefined ? { authorization: `Bearer ${init.key}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text };
}

/** A group with Ann and Bob, its LRS, and a class-vote session of it with both phones and the trainer in. */
async function groupSessionWithPhones(server: { url: string }, lrs: TestLrs) {
  const created = await call(`${server.url}/api/groups`, {
    body: { name: "Support, Kraków", roster: [{ displayName: "Ann Nowak" }, { displayName: "Bob Lis" }] },
  });
  expect(created.status).toBe(201);
  const group = createGroupResponseSchema.parse(created.body);
  const put = await call(`${server.url}/api/groups/${group.group.groupId}/lrs`, {
    method: "PUT",
    key: group.groupKey,
    body: { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const hosted = hostResponseSchema.parse(
    (
      await call(`${server.url}/api/sessions`, {
        body: { scenarioId: "short-call", groupId: group.group.groupId, groupKey: group.groupKey },
      })
    ).body,
  );
  const keys = [];
  for (const line of group.roster) {
    const claimed = await call(`${server.url}/api/sessions/${hosted.code}/learners`, {
      body: { learnerId: line.learnerId },
    });
    keys.push(learnerKeyResponseSchema.parse(claimed.body));
  }
  return { group, hosted, keys };
}

async function joinAll(url: string, code: string, trainerToken: string, learnerKeys: string[]) {
  const trainer = await Peer.join<TrainerView>(url, code, { role: "trainer", trainerToken });
  const phones = await Promise.all(
    learnerKeys.map((learnerKey, i) =>
      Peer.join<TraineeView>(url, code, { role: "trainee", learnerKey, reconnectKey: `phone-${i}-${code}` }),
    ),
  );
  return { trainer, phones };
}

async function classVote(
  trainer: Peer<TrainerView>,
  votes: [Peer<TraineeView>, string][],
  step: number,
): Promise<void> {
  trainer.send({ type: "trainer.openVote" });
  await Promise.all(votes.map(([p]) => p.viewWhere((v) => v.can === "vote" && v.stepIndex === step)));
  for (const [p, optionId] of votes) p.send({ type: "trainee.vote", optionId, stepIndex: step });
  await trainer.viewWhere((v) => Object.keys(v.votes).length === votes.length);
  trainer.send({ type: "trainer.reveal" });
  // Two learners voting apart is a tie: the trainer plays the first one's choice.
  const shown = await trainer.viewWhere((v) => v.history.length === step + 1 || v.controls.breakTie);
  if (shown.history.length === step) trainer.send({ type: "trainer.breakTie", optionId: votes[0]![1] });
  await trainer.viewWhere((v) => v.history.length === step + 1);
}

const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 10 });

type Stored = {
  id: string;
  actor: { account: { name: string } };
  verb: { id: string };
  result?: { response?: string; score?: { scaled: number } };
  context: { registration: string; contextActivities: { grouping: { id: string }[] } };
};

describe("xAPI from a group session played on phones", () => {
  it("sends each learner's decisions and completions in log order; an LRS and a server restart lose and double none", async () => {
    const lrs = await startLrs();
    const path = join(dir, "group.sqlite");
    let server = await serverOn(path);
    const { group, hosted, keys } = await groupSessionWithPhones(server, lrs);
    const status = async () =>
      lrsStatusSchema.parse(
        (await call(`${server.url}/api/groups/${group.group.groupId}/lrs`, { key: group.groupKey })).body,
      );
    const [ann, bob] = keys.map((k) => k.learnerId) as [string, string];
    const first = await joinAll(
      server.url,
      hosted.code,
      hosted.trainerToken,
      keys.map((k) => k.learnerKey),
    );
    first.trainer.send({ type: "trainer.start" });

    // The LRS stores the first decision's two statements, then dies before answering.
    lrs.crashAfterStored = 2;
    await classVote(
      first.trainer,
      [
        [first.phones[0]!, "listen"],
        [first.phones[1]!, "blame"],
      ],
      0,
    );
    await until(() => expect(lrs.running).toBe(false));
    expect(lrs.stored).toHaveLength(2);

    // The second decision ends the scenario while the LRS is down: answered ×2 and completed ×2 wait.
    await classVote(
      first.trainer,
      [
        [first.phones[0]!, "promise"],
        [first.phones[1]!, "shrug"],
      ],
      1,
    );
    await until(() => expect(server.xapi.sender.healthOf(group.group.groupId).failures).toBeGreaterThan(0));
    const waiting = await status();
    expect(waiting).toMatchObject({ queued: 6, sent: 0, rejected: [] });
    expect(waiting.lastError).toMatch(/fetch failed|ECONNREFUSED|socket/i);

    // The Hotseat server restarts too, with the LRS still down; the session resumes from its log when
    // the class comes back by code (lazily, not at start).
    for (const p of [first.trainer, ...first.phones]) p.room.reconnection.enabled = false;
    await server.stop();
    server = await serverOn(path);
    expect(lines).not.toContain(`[${hosted.code}] resumed from its log`);
    const again = await joinAll(
      server.url,
      hosted.code,
      hosted.trainerToken,
      keys.map((k) => k.learnerKey),
    );
    expect(lines).toContain(`[${hosted.code}] resumed from its log`);
    expect(again.trainer.view.history).toHaveLength(2);

    await lrs.start();
    await until(async () => expect(await status()).toMatchObject({ queued: 0, sent: 6, rejected: [] }));
    const stored = lrs.stored as unknown as Stored[];
    // None lost, none doubled: six ids, each once, although the first two were sent twice.
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((s) => s.id)).size).toBe(6);
    expect(lrs.received).toBeGreaterThan(6);
    for (const s of stored) expect(statementProblems(s)).toEqual([]);
    // In the log's order: both votes of step 1 (roster order), both of step 2, then each completion.
    expect(
      stored.map((s) => [s.verb.id.split("/").at(-1), s.actor.account.name, s.result?.response]),
    ).toEqual([
      ["answered", ann, "listen"],
      ["answered", bob, "blame"],
      ["answered", ann, "promise"],
      ["answered", bob, "shrug"],
      ["completed", ann, undefined],
      ["completed", bob, undefined],
    ]);
    for (const s of stored) {
      expect(s.context.registration).toBe(registrationOf(hosted.sessionId));
      expect(s.context.contextActivities.grouping[0]!.id).toBe(
        `${origin}/xapi/groups/${group.group.groupId}`,
      );
    }
    const annScore = stored[4]!.result?.score?.scaled;
    expect(annScore).toBeGreaterThan(stored[5]!.result?.score?.scaled ?? 1);

    // Nothing personal in the server's log: no learner's name, id or key.
    const log = lines.join("\n");
    for (const secret of [ann, bob, "Ann Nowak", "Bob Lis", ...keys.map((k) => k.learnerKey)])
      expect(log).not.toContain(secret);
  });

  it("keeps what a killed server queued: after a crash and a restart the LRS gets it all, once", async () => {
    const lrs = await startLrs();
    const port = await freePort();
    const dataDir = mkdtempSync(join(dir, "killed-"));
    const start = async () => {
      const server = await startServerProcess(port, {
        HOTSEAT_DATA_DIR: dataDir,
        HOTSEAT_SCENARIOS_DIR: fixtureScenariosDir,
        HOTSEAT_PUBLIC_URL: origin,
      });
      cleanups.push(() => server.kill());
      return server;
    };
    const first = await start();
    const { group, hosted, keys } = await groupSessionWithPhones(first, lrs);
    const lrsPath = `/api/groups/${group.group.groupId}/lrs`;
    const status = async () =>
      lrsStatusSchema.parse((await call(`${first.url}${lrsPath}`, { key: group.groupKey })).body);
    const peers = await joinAll(
      first.url,
      hosted.code,
      hosted.trainerToken,
      keys.map((k) => k.learnerKey),
    );
    peers.trainer.send({ type: "trainer.start" });
    await classVote(
      peers.trainer,
      [
        [peers.phones[0]!, "listen"],
        [peers.phones[1]!, "listen"],
      ],
      0,
    );
    await until(() => expect(lrs.stored).toHaveLength(2));
    await lrs.stop();
    await classVote(
      peers.trainer,
      [
        [peers.phones[0]!, "promise"],
        [peers.phones[1]!, "shrug"],
      ],
      1,
    );
    await until(async () => expect(await status()).toMatchObject({ queued: 4, sent: 2 }));
    for (const p of [peers.trainer, ...peers.phones]) p.room.reconnection.enabled = false;

    await first.kill("SIGKILL");
    const second = await start();
    await lrs.start();
    // The trainer's "send now": the queue stops waiting out the backoff it was in when the server died.
    const retried = await call(`${second.url}${lrsPath}/retry`, { method: "POST", key: group.groupKey });
    expect(retried.status).toBe(200);
    await until(() => expect(lrs.stored).toHaveLength(6));
    const stored = lrs.stored as unknown as Stored[];
    expect(new Set(stored.map((s) => s.id)).size).toBe(6);
    expect(stored.map((s) => [s.verb.id.split("/").at(-1), s.result?.response])).toEqual([
      ["answered", "listen"],
      ["answered", "listen"],
      ["answered", "promise"],
      ["answered", "shrug"],
      ["completed", undefined],
      ["completed", undefined],
    ]);
    const after = lrsStatusSchema.parse(
      (await call(`${second.url}${lrsPath}`, { key: group.groupKey })).body,
    );
    expect(after).toMatchObject({ queued: 0, sent: 6, rejected: [] });
  });
});
