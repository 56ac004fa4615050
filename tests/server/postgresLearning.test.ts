import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, startTestPostgres } from "@hotseat/server";
import type { TestPostgres } from "@hotseat/server";
import {
  createGroupResponseSchema,
  groupRecordsAnswerSchema,
  learnerKeyResponseSchema,
  learnerRecordSchema,
  lrsStatusSchema,
} from "@hotseat/shared";
import type { LearnerRecord } from "@hotseat/shared";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import { fixtureScenariosDir, hostSession, joinGroupClass, until } from "./harness";
import { TestLrs } from "./testLrs";
import { apiCall } from "./apiCall";

// Real server processes on a real PostgreSQL: the learning record and the xAPI outbox live in the database,
// so any process answers for any group, and a restart finds them where they were.
let postgres: TestPostgres;
const dataDir = mkdtempSync(join(tmpdir(), "hotseat-pg-learning-"));
const running: ServerProcess[] = [];
const lrs = new TestLrs();
beforeAll(async () => {
  postgres = await startTestPostgres();
  await lrs.start();
}, 60_000);
afterAll(async () => {
  await Promise.all(running.map((s) => s.kill()));
  await lrs.stop();
  postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number, url: string): Promise<ServerProcess> {
  const server = await startServerProcess(port, {
    HOTSEAT_DATABASE_URL: url,
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: fixtureScenariosDir,
  });
  running.push(server);
  return server;
}

async function myRecord(base: string, learnerKey: string): Promise<LearnerRecord> {
  const a = await apiCall(base, "/api/learning/me", { key: learnerKey });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return learnerRecordSchema.parse(a.body);
}

const choicesOf = (r: LearnerRecord) => r.runs.map((run) => run.decisions.map((d) => d.optionId));

describe("the learning record on PostgreSQL", () => {
  it("records a group's class vote on one process, answers it from another, sends its xAPI once, and keeps it over a restart", async () => {
    const url = await createTestDatabase(postgres, "learning_1");
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await start(portA, url);
    const b = await start(portB, url);

    // The trainer makes the group on a, and sets its LRS on b: one database behind both.
    const created = await apiCall(a.url, "/api/groups", {
      body: { name: "Support", openRoster: false, roster: [{ displayName: "Ann" }, { displayName: "Bob" }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const group = createGroupResponseSchema.parse(created.body);
    const groupId = group.group.groupId;
    const setLrs = await apiCall(b.url, `/api/groups/${groupId}/lrs`, {
      method: "PUT",
      key: group.groupKey,
      body: { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret },
    });
    expect(setLrs.status, JSON.stringify(setLrs.body)).toBe(200);

    // A class vote of the group on a; Ann and Bob pick their names on their phones.
    const hosted = await hostSession(a.url, {
      scenarioId: "short-call",
      groupId,
      groupKey: group.groupKey,
    } as never);
    const keys = [];
    for (const line of group.roster) {
      const claimed = await apiCall(a.url, `/api/sessions/${hosted.code}/learners`, {
        body: { learnerId: line.learnerId },
      });
      expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
      keys.push(learnerKeyResponseSchema.parse(claimed.body).learnerKey);
    }
    const [annKey, bobKey] = keys as [string, string];
    // The name Ann holds is not given to another phone, whichever process is asked.
    const twice = await apiCall(b.url, `/api/sessions/${hosted.code}/learners`, {
      body: { learnerId: group.roster[0]!.learnerId },
    });
    expect(twice.status).toBe(409);
    const { trainer, phones } = await joinGroupClass(a.url, hosted, [annKey, bobKey], "phone");
    expect(phones.map((p) => p.view.me.name)).toEqual(["Ann", "Bob"]);
    trainer.send({ type: "trainer.start" });
    const vote = async (choices: string[], step: number) => {
      trainer.send({ type: "trainer.openVote" });
      await Promise.all(phones.map((p) => p.viewWhere((v) => v.can === "vote" && v.stepIndex === step)));
      phones.forEach((p, i) => p.send({ type: "trainee.vote", optionId: choices[i]!, stepIndex: step }));
      await trainer.viewWhere((v) => Object.keys(v.votes).length === phones.length);
      trainer.send({ type: "trainer.reveal" });
      await trainer.viewWhere((v) => v.history.length === step + 1);
    };
    // The same choices (a split class vote would wait for the trainer's tie-break).
    await vote(["listen", "listen"], 0);
    await vote(["promise", "promise"], 1);

    // My practice and the group page, read through b while a runs the session.
    expect(choicesOf(await myRecord(b.url, annKey))).toEqual([["listen", "promise"]]);
    expect(choicesOf(await myRecord(b.url, bobKey))).toEqual([["listen", "promise"]]);
    const records = await apiCall(b.url, `/api/groups/${groupId}/records`, { key: group.groupKey });
    expect(records.status).toBe(200);
    const page = groupRecordsAnswerSchema.parse(records.body);
    expect(page.records.map((r) => [r.learner.displayName, r.runs.length])).toEqual([
      ["Ann", 1],
      ["Bob", 1],
    ]);

    // The statements reach the LRS, each once, and the outbox says so (asked of the other process).
    const status = async (base: string) =>
      lrsStatusSchema.parse(
        (await apiCall(base, `/api/groups/${groupId}/lrs`, { key: group.groupKey })).body,
      );
    await until(() => lrs.stored.length >= 4, "the four answers to reach the LRS");
    await until(() => lrs.stored.length === lrs.received, "no resend");
    const sent = await status(b.url);
    expect([sent.queued, sent.sent, sent.rejected]).toEqual([0, lrs.stored.length, []]);
    const ids = lrs.stored.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);

    // a stops and starts again: everything is read back from the database.
    await Promise.all([trainer, ...phones].map((p) => p.leave()));
    await a.kill("SIGTERM");
    const again = await start(portA, url);
    expect(choicesOf(await myRecord(again.url, annKey))).toEqual([["listen", "promise"]]);
    const after = groupRecordsAnswerSchema.parse(
      (await apiCall(again.url, `/api/groups/${groupId}/records`, { key: group.groupKey })).body,
    );
    expect(after).toEqual(page);
    expect(await status(again.url)).toEqual(sent);
    // Nothing was sent twice by the restarted process either.
    expect(lrs.received).toBe(lrs.stored.length);
    await again.kill("SIGTERM");
    await b.kill("SIGTERM");
  });
});
