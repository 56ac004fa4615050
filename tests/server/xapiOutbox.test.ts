import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { LearnerRun } from "../../shared/src/learning/learnerDecision";
import { learner, ruinedHatRun } from "../../shared/src/learning/learnerRecordFixtures";
import { asAsyncStore } from "../../server/src/store/AsyncSessionStore";
import { SqliteSessionStore } from "../../server/src/store/SqliteSessionStore";
import { LrsSender } from "../../server/src/xapi/lrsSender";
import { statementProblems } from "../../server/src/xapi/validateStatement";
import { XapiOutbox } from "../../server/src/xapi/xapiOutbox";
import { answeredIdOf, statementsOfRun } from "../../server/src/xapi/xapiStatements";
import { TestLrs } from "./testLrs";

const dir = mkdtempSync(join(tmpdir(), "hotseat-xapi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const origin = "https://hotseat.example.org";
const group = "g-sales";
const anna = learner("l-anna", "Anna Kowalska", { email: "anna@example.com" });
const bob = learner("l-bob", "Bob");
const cleo = learner("l-cleo", "Cleo");

const fullPath: [string, string][] = [
  ["review-posted", "apologise-and-invite"],
  ["first-contact", "ask-what-happened"],
  ["wash-story", "explain-without-blame"],
];

/** The runs a learner's record holds after each of their decisions, as the integration would pass them. */
function runsAfterEachDecision(sessionId: string, firstSeq: number): LearnerRun[] {
  return fullPath.map((_, i) =>
    ruinedHatRun(sessionId, fullPath.slice(0, i + 1), {
      firstSeq,
      ended: i === fullPath.length - 1,
      ...(i === fullPath.length - 1 ? { scaledScore: 400 / 600 } : {}),
    }),
  );
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startLrs(): Promise<TestLrs> {
  const lrs = new TestLrs();
  await lrs.start();
  cleanups.push(() => lrs.stop());
  return lrs;
}

/** The server's side: a store on disk, the outbox and the sender, as a (re)started server has them. */
function startServer(path: string) {
  const store = asAsyncStore(new SqliteSessionStore(path));
  const sender = new LrsSender({ store: store.xapi, batchSize: 4, backoffMs: 5, maxBackoffMs: 40 });
  const outbox = new XapiOutbox(
    store.xapi,
    { origin, language: "en", groupName: () => Promise.resolve("Sales") },
    Date.now,
    () => sender.kick(),
  );
  sender.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await sender.stop();
    await store.close();
  };
  cleanups.push(stop);
  return { store, sender, outbox, stop };
}

const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

describe("xAPI outbox against a real LRS", () => {
  it("delivers every statement, valid and in order, through an LRS crash and a server restart", async () => {
    const lrs = await startLrs();
    const path = join(dir, "restart.sqlite");
    let server = startServer(path);
    await server.store.xapi.setLrs(
      group,
      { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret },
      Date.now(),
    );

    // Anna's record after each of her three decisions: each call adds only what is new.
    const added: number[] = [];
    for (const run of runsAfterEachDecision("s-1", 10))
      added.push((await server.outbox.record(anna, run)).added.length);
    expect(added).toEqual([1, 1, 2]);
    await until(() => expect(lrs.stored).toHaveLength(4));

    // The LRS stores the next batch, then dies before answering: the sender cannot know it arrived.
    lrs.crashAfterStored = 6;
    await server.outbox.record(bob, runsAfterEachDecision("s-1", 11).at(-1)!);
    await server.outbox.record(cleo, runsAfterEachDecision("s-1", 12).at(-1)!);
    await until(() => expect(lrs.running).toBe(false));
    await until(() => expect(server.sender.healthOf(group).failures).toBeGreaterThanOrEqual(2));
    expect(server.sender.healthOf(group).lastError).toMatch(/fetch failed|ECONNREFUSED|socket/i);
    expect(lrs.stored).toHaveLength(8);

    // The Hotseat server restarts too, while the LRS is still down; the integration records Bob again.
    await server.stop();
    server = startServer(path);
    expect((await server.outbox.record(bob, runsAfterEachDecision("s-1", 11).at(-1)!)).added).toEqual([]);
    await until(() => expect(server.sender.healthOf(group).failures).toBeGreaterThanOrEqual(1));

    // The LRS comes back with a stricter policy about one of Cleo's statements.
    const refusedId = answeredIdOf("s-1", "l-cleo", 15);
    lrs.refuse.add(refusedId);
    await lrs.start();
    await until(async () => expect(await server.store.xapi.queued(group, 100)).toEqual([]));

    const entries = await server.store.xapi.entries(group);
    expect(entries).toHaveLength(12);
    const sent = entries.filter((e) => e.status === "sent").map((e) => e.statementId);
    const storedIds = lrs.stored.map((s) => s.id);
    // None lost, none duplicated, in the order they were recorded.
    expect(storedIds).toEqual(sent);
    expect(new Set(storedIds).size).toBe(11);
    expect(lrs.received).toBeGreaterThan(lrs.stored.length);
    for (const statement of lrs.stored) expect(statementProblems(statement)).toEqual([]);
    // The one the LRS refused is set aside with its reason; it did not hold up the statements after it.
    expect(await server.store.xapi.entries(group, "rejected")).toEqual([
      expect.objectContaining({
        statementId: refusedId,
        reason: expect.stringMatching(/400.*refused by policy/),
      }),
    ]);
    expect(storedIds.indexOf(answeredIdOf("s-1", "l-cleo", 18))).toBe(storedIds.length - 2);
  });

  it("waits, setting nothing aside, while the LRS refuses the credentials, and sends once they are fixed", async () => {
    const lrs = await startLrs();
    const server = startServer(join(dir, "credentials.sqlite"));
    await server.store.xapi.setLrs(
      group,
      { endpoint: lrs.endpoint, key: lrs.key, secret: "wrong" },
      Date.now(),
    );
    await server.outbox.record(anna, runsAfterEachDecision("s-2", 10).at(-1)!);
    await until(() => expect(server.sender.healthOf(group).failures).toBeGreaterThanOrEqual(2));
    expect(server.sender.healthOf(group).lastError).toMatch(/401/);
    expect(await server.store.xapi.entries(group, "rejected")).toEqual([]);
    expect(lrs.stored).toEqual([]);

    await server.store.xapi.setLrs(
      group,
      { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret },
      Date.now(),
    );
    server.sender.retryNow(group);
    await until(async () => expect(await server.store.xapi.entries(group, "sent")).toHaveLength(4));
    expect(lrs.stored).toHaveLength(4);
    await until(() => expect(server.sender.healthOf(group)).toEqual({ failures: 0 }));
  });

  it("never lets an invalid statement leave: it is set aside when recorded, with the validator's reasons", async () => {
    const lrs = await startLrs();
    const store = asAsyncStore(new SqliteSessionStore(join(dir, "invalid.sqlite")));
    const sender = new LrsSender({ store: store.xapi, backoffMs: 5 });
    cleanups.push(async () => {
      await sender.stop();
      await store.close();
    });
    // An origin that is no IRI makes every actor's homePage and activity id invalid.
    const outbox = new XapiOutbox(store.xapi, { origin: "hotseat" }, Date.now, () => sender.kick());
    await store.xapi.setLrs(group, { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret }, Date.now());
    const outcome = await outbox.record(anna, runsAfterEachDecision("s-3", 10).at(-1)!);
    expect(outcome.invalid).toHaveLength(4);
    expect(outcome.invalid[0]!.problems.join("\n")).toMatch(/actor\.account\.homePage/);
    expect(await store.xapi.queued(group, 10)).toEqual([]);
    expect((await store.xapi.entries(group, "rejected"))[0]?.reason).toMatch(/^invalid xAPI: /);
    sender.start();
    // With a good statement behind them, the sender delivers it alone: the invalid ones were never sent.
    await new XapiOutbox(store.xapi, { origin }, Date.now, () => sender.kick()).record(
      bob,
      ruinedHatRun("s-3", fullPath.slice(0, 1), { ended: false }),
    );
    await until(() => expect(lrs.stored).toHaveLength(1));
    expect(lrs.received).toBe(1);
  });

  it("is tested against an LRS that keeps ids once: PUT again is accepted, other content is a conflict", async () => {
    const lrs = await startLrs();
    const [statement] = statementsOfRun(anna, runsAfterEachDecision("s-4", 10)[0]!, { origin });
    const put = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${lrs.endpoint}statements?statementId=${statement!.id}`, {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          "x-experience-api-version": "1.0.3",
          authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString("base64")}`,
          ...headers,
        },
        body: JSON.stringify(body),
      });
    expect((await put(statement)).status).toBe(204);
    expect((await put(statement)).status).toBe(204);
    expect((await put({ ...statement, result: { response: "report-the-review" } })).status).toBe(409);
    expect((await put(statement, { "x-experience-api-version": "0.95" })).status).toBe(400);
    expect((await put(statement, { authorization: "Basic eDp5" })).status).toBe(401);
    expect((await put({ ...statement, verb: { id: "answered" } })).status).toBe(400);
    expect(lrs.stored).toEqual([statement]);
  });
});
