import { describe, expect, it } from "vitest";
import { contractStores } from "../store/contractStores";

const stores = contractStores();

const st = (id: string, extra: object = {}, learnerId = "l-1") => ({
  statementId: id,
  learnerId,
  statement: { id, ...extra },
});

const ids = (entries: { statementId: string }[]) => entries.map((e) => e.statementId);

describe.each(stores)("%s xAPI outbox", (_name, open, reopen) => {
  it("keeps statements in recorded order, each id once whatever was recorded again", async () => {
    const store = await open();
    const xapi = store.xapi;
    expect(await xapi.enqueue("g1", [st("a"), st("b")], 1)).toEqual(["a", "b"]);
    // A resend of the same decisions, with one new one: only the new one goes in.
    expect(await xapi.enqueue("g1", [st("a", { changed: true }), st("b"), st("c")], 2)).toEqual(["c"]);
    await xapi.enqueue("g2", [st("x")], 3);
    expect(ids(await xapi.queued("g1", 10))).toEqual(["a", "b", "c"]);
    expect(ids(await xapi.queued("g1", 2))).toEqual(["a", "b"]);
    expect((await xapi.queued("g1", 10))[0]).toMatchObject({
      groupId: "g1",
      statement: { id: "a" },
      queuedAt: 1,
    });
    expect(await xapi.groupsWithQueued()).toEqual(["g1", "g2"]);
    expect(await xapi.known(["a", "x", "zz"])).toEqual(new Set(["a", "x"]));
    expect(await xapi.known([])).toEqual(new Set());
    await store.close();
  });

  it("marks sent and sets aside with a reason, and never brings a statement back to the queue", async () => {
    const store = await open();
    const xapi = store.xapi;
    await xapi.enqueue(
      "g1",
      [st("a"), st("b"), st("c"), { ...st("bad"), rejectedBecause: "invalid xAPI: x" }],
      1,
    );
    await xapi.markSent(["a"], 5);
    await xapi.markRejected("b", "the LRS answered 400: no", 6);
    expect(ids(await xapi.queued("g1", 10))).toEqual(["c"]);
    expect(await xapi.entries("g1", "rejected")).toEqual([
      expect.objectContaining({ statementId: "b", reason: "the LRS answered 400: no", doneAt: 6 }),
      expect.objectContaining({ statementId: "bad", reason: "invalid xAPI: x", doneAt: 1 }),
    ]);
    expect((await xapi.entries("g1")).map((e) => [e.statementId, e.status])).toEqual([
      ["a", "sent"],
      ["b", "rejected"],
      ["c", "queued"],
      ["bad", "rejected"],
    ]);
    // Recording a sent or set-aside id again changes nothing.
    expect(await xapi.enqueue("g1", [st("a"), st("b")], 7)).toEqual([]);
    await xapi.markSent(["b"], 8);
    expect(ids(await xapi.entries("g1", "rejected"))).toEqual(["b", "bad"]);
    await xapi.markSent(["c"], 9);
    expect(await xapi.groupsWithQueued()).toEqual([]);
    await store.close();
  });

  it("keeps each group's LRS, and forgets it when removed", async () => {
    const store = await open();
    const xapi = store.xapi;
    expect(await xapi.lrs("g1")).toBeUndefined();
    await xapi.setLrs("g1", { endpoint: "https://lrs.example.org/xapi/", key: "k", secret: "s" }, 1);
    await xapi.setLrs("g1", { endpoint: "https://lrs.example.org/xapi/", key: "k2", secret: "s2" }, 2);
    expect(await xapi.lrs("g1")).toEqual({
      endpoint: "https://lrs.example.org/xapi/",
      key: "k2",
      secret: "s2",
    });
    expect(await xapi.lrs("g2")).toBeUndefined();
    await xapi.setLrs("g1", undefined, 3);
    expect(await xapi.lrs("g1")).toBeUndefined();
    await store.close();
  });

  it("deletes a deleted learner's statements whatever their status, and a deleted group's with its LRS", async () => {
    const store = await open();
    const xapi = store.xapi;
    await xapi.enqueue("g1", [st("a1", {}, "l-ann"), st("b1", {}, "l-bob"), st("a2", {}, "l-ann")], 1);
    await xapi.enqueue("g2", [st("z1", {}, "l-zed")], 1);
    await xapi.setLrs("g2", { endpoint: "https://lrs.example.org/xapi/", key: "k", secret: "s" }, 1);
    await xapi.markSent(["a1"], 2);
    await xapi.forgetLearner("l-ann");
    expect((await xapi.entries("g1")).map((e) => [e.statementId, e.learnerId])).toEqual([["b1", "l-bob"]]);
    // A statement recorded after the forgetting is new again (the caller no longer records a deleted learner).
    expect(await xapi.enqueue("g1", [st("c1", {}, "l-bob")], 3)).toEqual(["c1"]);
    expect(ids(await xapi.entries("g1"))).toEqual(["b1", "c1"]);
    await xapi.forgetGroup("g2");
    expect(await xapi.entries("g2")).toEqual([]);
    expect(await xapi.lrs("g2")).toBeUndefined();
    expect(await xapi.groupsWithQueued()).toEqual(["g1"]);
    await store.close();
  });

  it("keeps the sessions whose statements are still to be recorded until they are", async () => {
    const store = await open();
    const xapi = store.xapi;
    await xapi.markPending("s1");
    await xapi.markPending("s2");
    await xapi.markPending("s1");
    await xapi.clearPending("s2");
    expect(await xapi.pendingSessions()).toEqual(["s1"]);
    await store.close();
  });

  it("lets one sender at a time drain a group, and the next one after it", async () => {
    const store = await open();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = store.xapi.sendingAlone("g1", async () => {
      await held;
      return "first";
    });
    // A sender of another group is never held up by this one.
    expect(await store.xapi.sendingAlone("g2", () => Promise.resolve("other"))).toBe("other");
    release();
    expect(await first).toBe("first");
    expect(await store.xapi.sendingAlone("g1", () => Promise.resolve("next"))).toBe("next");
    await store.close();
  });

  it.runIf(reopen)("finds the queue where it was after the server restarts", async () => {
    const first = await open();
    await first.xapi.enqueue("g1", [st("a"), st("b")], 1);
    await first.xapi.markSent(["a"], 2);
    await first.xapi.setLrs("g1", { endpoint: "http://127.0.0.1:1/", key: "k", secret: "s" }, 3);
    await first.xapi.markPending("s1");
    const second = await reopen!(first);
    expect(ids(await second.xapi.queued("g1", 10))).toEqual(["b"]);
    expect((await second.xapi.lrs("g1"))?.secret).toBe("s");
    expect(await second.xapi.pendingSessions()).toEqual(["s1"]);
    expect(await second.xapi.enqueue("g1", [st("b"), st("c")], 4)).toEqual(["c"]);
    const entries = await second.xapi.entries("g1");
    expect(ids(entries)).toEqual(["a", "b", "c"]);
    // Positions order the queue; they need not be consecutive.
    expect(entries.map((e) => e.position)).toEqual(entries.map((e) => e.position).sort((x, y) => x - y));
    await second.close();
  });
});
