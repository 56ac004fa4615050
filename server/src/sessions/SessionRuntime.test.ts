import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionEvent } from "@hotseat/shared";
import { ScenarioLibrary } from "../scenarioLibrary";
import { AppendConflictError } from "../store/AppendConflictError";
import { asAsyncStore } from "../store/AsyncSessionStore";
import { MemorySessionStore } from "../store/MemorySessionStore";
import type { SessionRecord } from "../store/SessionStore";
import { SessionRuntime } from "./SessionRuntime";

const fixtures = join(import.meta.dirname, "..", "..", "..", "tests", "server", "fixtures", "scenarios");
let library: ScenarioLibrary;
beforeAll(async () => {
  library = await ScenarioLibrary.fromDirectory(fixtures);
});

const server = { role: "server" } as const;

function newRecord(store: MemorySessionStore): SessionRecord {
  return store.createSession({
    id: "s1",
    code: "KQWXYR",
    scenarioId: "short-call",
    library: {},
    trainerTokenHash: "hash",
    createdAt: 1,
  });
}

async function opening(runtime: SessionRuntime): Promise<void> {
  const events: SessionEvent[] = [
    { type: "session.created", joinCode: "KQWXYR", seed: 7, at: 1, by: server },
    { type: "trainer.selectScenario", scenarioId: "short-call", at: 2, by: server },
    { type: "session.joined", role: "trainee", traineeId: "t-ana", name: "Ana", at: 3, by: server },
    { type: "trainer.start", at: 4, by: { role: "trainer" } },
    { type: "trainer.openVote", at: 5, by: { role: "trainer" } },
    { type: "trainee.vote", optionId: "listen", at: 6, by: { role: "trainee", traineeId: "t-ana" } },
  ];
  for (const event of events) await durably(runtime, event);
}

/** Submits an accepted event and waits until the store has it. */
async function durably(runtime: SessionRuntime, event: SessionEvent): Promise<number> {
  const result = runtime.submit(event);
  if (!result.accepted) throw new Error(`refused: ${result.rejection.code}`);
  await result.durable;
  return result.seq;
}

describe("session runtime", () => {
  it("logs accepted events only; a refused one leaves state and log as they were", async () => {
    const store = new MemorySessionStore();
    const runtime = await SessionRuntime.resume(newRecord(store), asAsyncStore(store), library.playable());
    await opening(runtime);
    const before = runtime.state;
    const refused = runtime.submit({
      type: "trainee.vote",
      optionId: "teleport",
      at: 7,
      by: { role: "trainee", traineeId: "t-ana" },
    });
    expect(refused).toEqual({
      accepted: false,
      rejection: expect.objectContaining({ code: "vote.unknown-option" }),
    });
    expect(runtime.state).toBe(before);
    expect(store.events("s1")).toHaveLength(6);
    expect(runtime.lastEventAt).toBe(6);
  });

  it("rebuilds exactly the same state from the stored log, reporting each entry it cannot read or apply", async () => {
    const store = new MemorySessionStore();
    const record = newRecord(store);
    const runtime = await SessionRuntime.resume(record, asAsyncStore(store), library.playable());
    await opening(runtime);
    store.appendEvent("s1", 7, { type: "trainee.teleport", at: 8 }, 8);
    // Well-formed but refused by the core: a hand-edited log, or one played against another version.
    const vote = {
      type: "trainee.vote",
      optionId: "fly",
      at: 9,
      by: { role: "trainee", traineeId: "t-ana" },
    };
    store.appendEvent("s1", 8, vote, 9);
    const again = await SessionRuntime.resume(record, asAsyncStore(store), library.playable());
    expect(again.state).toEqual(runtime.state);
    expect(again.state.context.vote?.votes).toEqual({ "t-ana": "listen" });
    expect(again.replayRefusals).toEqual([
      { seq: 7, type: "trainee.teleport", code: "message.malformed", message: "The entry is unreadable." },
      { seq: 8, type: "trainee.vote", code: "vote.unknown-option", message: expect.any(String) },
    ]);
    // The next event follows the log's real head, refused entries included.
    expect(await durably(again, { type: "trainer.closeVote", at: 10, by: { role: "trainer" } })).toBe(9);
  });

  it("shows an accepted event only once the store has it; the next event is checked against it at once", async () => {
    const store = new MemorySessionStore();
    const runtime = await SessionRuntime.resume(newRecord(store), asAsyncStore(store), library.playable());
    await opening(runtime);
    const close = runtime.submit({ type: "trainer.closeVote", at: 7, by: { role: "trainer" } });
    expect(close).toMatchObject({ accepted: true, seq: 7 });
    // Not written yet (the store answers through a promise): shown as before, but the session moved on.
    expect(store.events("s1")).toHaveLength(6);
    expect(runtime.shown.context.vote?.open).toBe(true);
    expect(runtime.state.context.vote?.open).toBe(false);
    const reveal = runtime.submit({ type: "trainer.reveal", at: 8, by: { role: "trainer" } });
    expect(reveal).toMatchObject({ accepted: true, seq: 8 });
    if (!reveal.accepted) return;
    await reveal.durable;
    expect(store.events("s1").map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(runtime.shown).toBe(runtime.state);
  });

  it("refuses every event once another writer has appended to its log, instead of forking it", async () => {
    const store = new MemorySessionStore();
    const record = newRecord(store);
    const first = await SessionRuntime.resume(record, asAsyncStore(store), library.playable());
    await opening(first);
    // A second process resumes the same session and records a vote of its own.
    const second = await SessionRuntime.resume(record, asAsyncStore(store), library.playable());
    const bo = { role: "trainee", traineeId: "t-bo" } as const;
    const join = {
      type: "session.joined",
      role: "trainee",
      traineeId: "t-bo",
      name: "Bo",
      at: 7,
      by: server,
    };
    expect(await durably(second, join as SessionEvent)).toBe(7);
    const before = first.shown;
    const reveal = first.submit({ type: "trainer.reveal", at: 8, by: { role: "trainer" } });
    if (!reveal.accepted) throw new Error("the core accepts the reveal; the store refuses it");
    await expect(reveal.durable).rejects.toBeInstanceOf(AppendConflictError);
    expect(first.stale).toBe(true);
    // Never shown: nobody was told of the reveal the store refused.
    expect(first.shown).toBe(before);
    // Stale for good: even an event the second writer's log would take is refused here.
    expect(first.submit({ type: "trainer.pause", at: 9, by: { role: "trainer" } })).toEqual({
      accepted: false,
      rejection: expect.objectContaining({ code: "session.conflict" }),
    });
    expect(store.events("s1").map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await durably(second, { type: "trainee.vote", optionId: "blame", at: 10, by: bo })).toBe(8);
  });

  it("shows nothing the store could not write, and writes nothing after it", async () => {
    const store = new MemorySessionStore();
    const runtime = await SessionRuntime.resume(newRecord(store), asAsyncStore(store), library.playable());
    await opening(runtime);
    const before = runtime.shown;
    const append = store.appendEvent.bind(store);
    store.appendEvent = () => {
      throw new Error("disk full");
    };
    const close = runtime.submit({ type: "trainer.closeVote", at: 9, by: { role: "trainer" } });
    if (!close.accepted) throw new Error("the core accepts closing the vote");
    await expect(close.durable).rejects.toThrow("disk full");
    expect(runtime.shown).toBe(before);
    store.appendEvent = append;
    expect(runtime.submit({ type: "trainer.pause", at: 10, by: { role: "trainer" } })).toMatchObject({
      accepted: false,
    });
    expect(store.events("s1")).toHaveLength(6);
  });
});
