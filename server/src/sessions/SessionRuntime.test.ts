import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionEvent } from "@hotseat/shared";
import { ScenarioLibrary } from "../scenarioLibrary";
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

function opening(runtime: SessionRuntime): void {
  const events: SessionEvent[] = [
    { type: "session.created", joinCode: "KQWXYR", seed: 7, at: 1, by: server },
    { type: "trainer.selectScenario", scenarioId: "short-call", at: 2, by: server },
    { type: "session.joined", role: "trainee", traineeId: "t-ana", name: "Ana", at: 3, by: server },
    { type: "trainer.start", at: 4, by: { role: "trainer" } },
    { type: "trainer.openVote", at: 5, by: { role: "trainer" } },
    { type: "trainee.vote", optionId: "listen", at: 6, by: { role: "trainee", traineeId: "t-ana" } },
  ];
  for (const event of events) expect(runtime.submit(event)).toMatchObject({ accepted: true });
}

describe("session runtime", () => {
  it("logs accepted events only; a refused one leaves state and log as they were", () => {
    const store = new MemorySessionStore();
    const runtime = SessionRuntime.resume(newRecord(store), store, library.playable());
    opening(runtime);
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

  it("rebuilds exactly the same state from the stored log, reporting each entry it cannot read or apply", () => {
    const store = new MemorySessionStore();
    const record = newRecord(store);
    const runtime = SessionRuntime.resume(record, store, library.playable());
    opening(runtime);
    store.appendEvent("s1", 7, { type: "trainee.teleport", at: 8 }, 8);
    // Well-formed but refused by the core: a hand-edited log, or one played against another version.
    const vote = {
      type: "trainee.vote",
      optionId: "fly",
      at: 9,
      by: { role: "trainee", traineeId: "t-ana" },
    };
    store.appendEvent("s1", 8, vote, 9);
    const again = SessionRuntime.resume(record, store, library.playable());
    expect(again.state).toEqual(runtime.state);
    expect(again.state.context.vote?.votes).toEqual({ "t-ana": "listen" });
    expect(again.replayRefusals).toEqual([
      { seq: 7, type: "trainee.teleport", code: "message.malformed", message: "The entry is unreadable." },
      { seq: 8, type: "trainee.vote", code: "vote.unknown-option", message: expect.any(String) },
    ]);
    // The next event follows the log's real head, refused entries included.
    expect(again.submit({ type: "trainer.closeVote", at: 10, by: { role: "trainer" } })).toEqual({
      accepted: true,
      seq: 9,
    });
  });

  it("refuses every event once another writer has appended to its log, instead of forking it", () => {
    const store = new MemorySessionStore();
    const record = newRecord(store);
    const first = SessionRuntime.resume(record, store, library.playable());
    opening(first);
    // A second process resumes the same session and records a vote of its own.
    const second = SessionRuntime.resume(record, store, library.playable());
    const bo = { role: "trainee", traineeId: "t-bo" } as const;
    const join = {
      type: "session.joined",
      role: "trainee",
      traineeId: "t-bo",
      name: "Bo",
      at: 7,
      by: server,
    };
    expect(second.submit(join as SessionEvent)).toMatchObject({ accepted: true, seq: 7 });
    const before = first.state;
    const reveal: SessionEvent = { type: "trainer.reveal", at: 8, by: { role: "trainer" } };
    expect(first.submit(reveal)).toEqual({
      accepted: false,
      rejection: expect.objectContaining({ code: "session.conflict" }),
    });
    expect(first.stale).toBe(true);
    expect(first.state).toBe(before);
    // Stale for good: even an event the second writer's log would take is refused here.
    expect(first.submit({ type: "trainer.pause", at: 9, by: { role: "trainer" } })).toMatchObject({
      accepted: false,
    });
    expect(store.events("s1").map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(second.submit({ type: "trainee.vote", optionId: "blame", at: 10, by: bo })).toMatchObject({
      accepted: true,
      seq: 8,
    });
  });

  it("keeps the state unchanged when the store cannot write", () => {
    const store = new MemorySessionStore();
    const runtime = SessionRuntime.resume(newRecord(store), store, library.playable());
    opening(runtime);
    const before = runtime.state;
    store.appendEvent = () => {
      throw new Error("disk full");
    };
    expect(() => runtime.submit({ type: "trainer.closeVote", at: 9, by: { role: "trainer" } })).toThrow(
      "disk full",
    );
    expect(runtime.state).toBe(before);
  });
});
