import { describe, expect, it } from "vitest";
import { AppendConflictError } from "./AppendConflictError";
import { contractStores } from "./contractStores";
import { scenarioVersionId } from "./scenarioVersionId";
import { SessionLog } from "./SessionLog";

const stores = contractStores();

const session = {
  id: "s1",
  code: "KQWXYR",
  scenarioId: "ruined-hat",
  library: { "ruined-hat": scenarioVersionId("formatVersion: 1\nid: ruined-hat\n") },
  trainerTokenHash: "hash",
  createdAt: 1,
};

describe.each(stores)("session log on the %s store", (_name, make) => {
  it("writes appends in the order they were called, each settling once the store holds it", async () => {
    const store = await make();
    await store.createSession(session);
    const log = await SessionLog.open(store, "s1");
    // Called without waiting, as votes arrive: the seqs follow the calls, not the database's timing.
    const acks = Array.from({ length: 30 }, (_, i) =>
      log.append({ type: "trainee.vote", n: i }, 10 + i).then(async (seq) => {
        const stored = await store.events("s1");
        // Acknowledged means durable: the entry is in the store when its promise resolves.
        expect(stored.find((e) => e.seq === seq)?.event).toEqual({ type: "trainee.vote", n: i });
        return seq;
      }),
    );
    expect(await Promise.all(acks)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(log.head).toBe(30);
    const reopened = await SessionLog.open(store, "s1");
    expect(reopened.head).toBe(30);
    await store.close();
  });

  it("refuses a second writer, and after that every append of the stale copy, writing nothing", async () => {
    const store = await make();
    await store.createSession(session);
    const first = await SessionLog.open(store, "s1");
    await first.append({ type: "session.created" }, 1);
    // A twin room on another process read the same log and writes first.
    const twin = await SessionLog.open(store, "s1");
    expect(await twin.append({ type: "trainee.vote", by: "twin" }, 2)).toBe(2);
    const refused = [first.append({ type: "trainee.vote", by: "first" }, 3), first.append({ type: "x" }, 4)];
    const outcomes = await Promise.allSettled(refused);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AppendConflictError);
    }
    expect(first.broken).toBeInstanceOf(AppendConflictError);
    expect(first.head).toBe(1);
    expect((await store.events("s1")).map((e) => e.event)).toEqual([
      { type: "session.created" },
      { type: "trainee.vote", by: "twin" },
    ]);
    await store.close();
  });
});
