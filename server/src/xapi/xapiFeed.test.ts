import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionEvent } from "@hotseat/shared";
import { LearningService } from "../learning/LearningService";
import { ScenarioLibrary } from "../scenarioLibrary";
import { ScenarioVersions } from "../sessions/ScenarioVersions";
import { SessionRuntime } from "../sessions/SessionRuntime";
import { asAsyncStore } from "../store/AsyncSessionStore";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import { SqliteSessionStore } from "../store/SqliteSessionStore";
import { XapiFeed } from "./xapiFeed";
import { XapiOutbox } from "./xapiOutbox";
import { answeredIdOf, completedIdOf } from "./xapiStatements";

const fixtures = join(import.meta.dirname, "..", "..", "..", "tests", "server", "fixtures", "scenarios");
const dir = mkdtempSync(join(tmpdir(), "hotseat-feed-"));
let files: ScenarioLibrary;
beforeAll(async () => {
  files = await ScenarioLibrary.fromDirectory(fixtures);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const trainer = { role: "trainer" } as const;
// An event before the runtime stamps its time (Omit of each member of the union).
type Unstamped = SessionEvent extends infer E ? (E extends SessionEvent ? Omit<E, "at"> : never) : never;
const server = { role: "server" } as const;

/** A server's xAPI side on a store, with a scheduler the test runs (or, for a crash, never runs). */
function feedOn(store: AsyncSessionStore) {
  const learning = new LearningService(store, () => 1);
  const outbox = new XapiOutbox(store.xapi, { origin: "https://hotseat.example.org" });
  const deferred: (() => void)[] = [];
  const feed = new XapiFeed({
    learning,
    groupSessions: (groupId) => store.learning.groupSessions(groupId),
    outbox,
    store: store.xapi,
    defer: (run) => deferred.push(run),
  });
  return { learning, feed, deferred };
}

/** A group (Ann on its roster) and a session of it on `store`, its runtime telling the feed. */
async function groupSession(store: AsyncSessionStore, on: ReturnType<typeof feedOn>, sessionId = "s1") {
  const { learning, feed } = on;
  const pin = await new ScenarioVersions(store).publish(files, 1);
  const group = await learning.createGroup({
    name: "Support",
    openRoster: false,
    roster: [{ displayName: "Ann" }],
  });
  const ann = group.roster[0]!.learnerId;
  const record = await store.createSession({
    id: sessionId,
    code: "KQWXYR",
    scenarioId: "short-call",
    library: pin,
    trainerTokenHash: "hash",
    createdAt: 1,
  });
  await learning.attachSession(sessionId, await learning.authorize(group.group.groupId, group.groupKey));
  const runtime = await SessionRuntime.resume(
    record,
    store,
    (await new ScenarioVersions(store).resolve(pin)).library,
    (id, before, after) => feed.logged(id, before, after),
  );
  // Each event is awaited until durable: the feed is told only then.
  const submit = async (events: Unstamped[]) => {
    for (const event of events) {
      const submitted = runtime.submit({ ...event, at: (await store.events(sessionId)).length + 1 });
      expect(submitted).toMatchObject({ accepted: true });
      if (submitted.accepted) await submitted.durable;
    }
  };
  await submit([
    { type: "session.created", joinCode: "KQWXYR", seed: 7, by: server },
    { type: "trainer.selectScenario", scenarioId: "short-call", by: server },
    { type: "session.joined", role: "trainee", traineeId: "t-ann", name: "Ann", learnerId: ann, by: server },
  ]);
  return { groupId: group.group.groupId, ann, submit };
}

const lrs = { endpoint: "https://lrs.example.org/xapi/", key: "k", secret: "s" };

const vote = (optionId: string): Unstamped[] => [
  { type: "trainer.openVote", by: trainer },
  { type: "trainee.vote", optionId, by: { role: "trainee", traineeId: "t-ann" } },
  { type: "trainer.reveal", by: trainer },
];

describe("the xAPI feed", () => {
  it("records a group session's decisions after deciding events only, and what a crash left pending on the next start", async () => {
    const path = join(dir, "crash.sqlite");
    const store = asAsyncStore(new SqliteSessionStore(path));
    const on = feedOn(store);
    const { deferred } = on;
    const { groupId, ann, submit } = await groupSession(store, on);
    await store.xapi.setLrs(groupId, lrs, 1);
    // Joining decides nothing: nothing is scheduled or marked.
    expect(deferred).toHaveLength(0);
    expect(await store.xapi.pendingSessions()).toEqual([]);

    await submit([{ type: "trainer.start", by: trainer }, ...vote("listen")]);
    await vi.waitFor(async () => expect(await store.xapi.pendingSessions()).toEqual(["s1"]));
    // One scheduled recording for the burst, whatever the number of deciding events in it.
    await vi.waitFor(() => expect(deferred).toHaveLength(1));
    deferred.shift()!();
    await vi.waitFor(async () => expect(await store.xapi.pendingSessions()).toEqual([]));
    const revealSeq = (await store.events("s1")).length;
    expect((await store.xapi.entries(groupId)).map((e) => e.statementId)).toEqual([
      answeredIdOf("s1", ann, revealSeq),
    ]);
    expect(await store.xapi.pendingSessions()).toEqual([]);

    // The second vote ends the call; the server dies before its scheduled recording runs.
    await submit(vote("promise"));
    await vi.waitFor(() => expect(deferred).toHaveLength(1));
    expect(await store.xapi.entries(groupId)).toHaveLength(1);
    await store.close();

    const reopened = asAsyncStore(new SqliteSessionStore(path));
    const next = feedOn(reopened);
    expect(await reopened.xapi.pendingSessions()).toEqual(["s1"]);
    await next.feed.catchUp();
    const [run] = (await next.learning.sessionRecords("s1"))!.records[0]!.runs;
    expect((await reopened.xapi.entries(groupId)).map((e) => e.statementId)).toEqual([
      answeredIdOf("s1", ann, revealSeq),
      answeredIdOf("s1", ann, (await reopened.events("s1")).length),
      completedIdOf(run!, ann),
    ]);
    expect(await reopened.xapi.pendingSessions()).toEqual([]);
    await reopened.close();
  });

  it("keeps nothing for a group without an LRS, and records its sessions so far once one is set", async () => {
    const store = asAsyncStore(new SqliteSessionStore(join(dir, "no-lrs.sqlite")));
    const on = feedOn(store);
    const { groupId, ann, submit } = await groupSession(store, on);
    await submit([{ type: "trainer.start", by: trainer }, ...vote("listen"), ...vote("promise")]);
    // Every note of those events has looked up the group and found no LRS.
    await on.feed.flush();
    expect(on.deferred).toHaveLength(0);
    expect(await store.xapi.pendingSessions()).toEqual([]);
    expect(await store.xapi.entries(groupId)).toEqual([]);

    await store.xapi.setLrs(groupId, lrs, 2);
    const recorded = on.feed.recordGroup(groupId);
    // One session per turn of the event loop (the group has one).
    await vi.waitFor(() => expect(on.deferred).toHaveLength(1));
    on.deferred.shift()!();
    await recorded;
    expect((await store.xapi.entries(groupId)).map((e) => [e.learnerId, e.statement])).toEqual([
      [ann, expect.objectContaining({ verb: expect.objectContaining({ display: { "en-US": "answered" } }) })],
      [ann, expect.objectContaining({ result: expect.objectContaining({ response: "promise" }) })],
      [
        ann,
        expect.objectContaining({ verb: expect.objectContaining({ display: { "en-US": "completed" } }) }),
      ],
    ]);
    await store.close();
  });
});
