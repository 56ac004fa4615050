import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "../store/MemorySessionStore";
import type { SessionStore } from "../store/SessionStore";
import { SqliteSessionStore } from "../store/SqliteSessionStore";

const dir = mkdtempSync(join(tmpdir(), "hotseat-outbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores: [string, () => SessionStore][] = [
  ["memory", () => new MemorySessionStore()],
  ["sqlite", () => new SqliteSessionStore(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`))],
];

const st = (id: string, extra: object = {}, learnerId = "l-1") => ({
  statementId: id,
  learnerId,
  statement: { id, ...extra },
});

describe.each(stores)("%s xAPI outbox", (_name, make) => {
  it("keeps statements in recorded order, each id once whatever was recorded again", () => {
    const { xapi, close } = bind(make());
    expect(xapi.enqueue("g1", [st("a"), st("b")], 1)).toEqual(["a", "b"]);
    // A resend of the same decisions, with one new one: only the new one goes in.
    expect(xapi.enqueue("g1", [st("a", { changed: true }), st("b"), st("c")], 2)).toEqual(["c"]);
    xapi.enqueue("g2", [st("x")], 3);
    expect(xapi.queued("g1", 10).map((e) => e.statementId)).toEqual(["a", "b", "c"]);
    expect(xapi.queued("g1", 2).map((e) => e.statementId)).toEqual(["a", "b"]);
    expect(xapi.queued("g1", 10)[0]).toMatchObject({ groupId: "g1", statement: { id: "a" }, queuedAt: 1 });
    expect(xapi.groupsWithQueued()).toEqual(["g1", "g2"]);
    close();
  });

  it("marks sent and sets aside with a reason, and never brings a statement back to the queue", () => {
    const { xapi, close } = bind(make());
    xapi.enqueue("g1", [st("a"), st("b"), st("c"), { ...st("bad"), rejectedBecause: "invalid xAPI: x" }], 1);
    xapi.markSent(["a"], 5);
    xapi.markRejected("b", "the LRS answered 400: no", 6);
    expect(xapi.queued("g1", 10).map((e) => e.statementId)).toEqual(["c"]);
    expect(xapi.entries("g1", "rejected")).toEqual([
      expect.objectContaining({ statementId: "b", reason: "the LRS answered 400: no", doneAt: 6 }),
      expect.objectContaining({ statementId: "bad", reason: "invalid xAPI: x", doneAt: 1 }),
    ]);
    expect(xapi.entries("g1").map((e) => [e.statementId, e.status])).toEqual([
      ["a", "sent"],
      ["b", "rejected"],
      ["c", "queued"],
      ["bad", "rejected"],
    ]);
    // Recording a sent or set-aside id again changes nothing.
    expect(xapi.enqueue("g1", [st("a"), st("b")], 7)).toEqual([]);
    xapi.markSent(["b"], 8);
    expect(xapi.entries("g1", "rejected").map((e) => e.statementId)).toEqual(["b", "bad"]);
    xapi.markSent(["c"], 9);
    expect(xapi.groupsWithQueued()).toEqual([]);
    close();
  });

  it("keeps each group's LRS, and forgets it when removed", () => {
    const { xapi, close } = bind(make());
    expect(xapi.lrs("g1")).toBeUndefined();
    xapi.setLrs("g1", { endpoint: "https://lrs.example.org/xapi/", key: "k", secret: "s" }, 1);
    xapi.setLrs("g1", { endpoint: "https://lrs.example.org/xapi/", key: "k2", secret: "s2" }, 2);
    expect(xapi.lrs("g1")).toEqual({ endpoint: "https://lrs.example.org/xapi/", key: "k2", secret: "s2" });
    expect(xapi.lrs("g2")).toBeUndefined();
    xapi.setLrs("g1", undefined, 3);
    expect(xapi.lrs("g1")).toBeUndefined();
    close();
  });

  it("deletes a deleted learner's statements whatever their status, and a deleted group's with its LRS", () => {
    const { xapi, close } = bind(make());
    xapi.enqueue("g1", [st("a1", {}, "l-ann"), st("b1", {}, "l-bob"), st("a2", {}, "l-ann")], 1);
    xapi.enqueue("g2", [st("z1", {}, "l-zed")], 1);
    xapi.setLrs("g2", { endpoint: "https://lrs.example.org/xapi/", key: "k", secret: "s" }, 1);
    xapi.markSent(["a1"], 2);
    xapi.forgetLearner("l-ann");
    expect(xapi.entries("g1").map((e) => [e.statementId, e.learnerId])).toEqual([["b1", "l-bob"]]);
    // A statement recorded after the forgetting is new again (the caller no longer records a deleted learner).
    expect(xapi.enqueue("g1", [st("c1", {}, "l-bob")], 3)).toEqual(["c1"]);
    expect(xapi.entries("g1").map((e) => e.statementId)).toEqual(["b1", "c1"]);
    xapi.forgetGroup("g2");
    expect(xapi.entries("g2")).toEqual([]);
    expect(xapi.lrs("g2")).toBeUndefined();
    expect(xapi.groupsWithQueued()).toEqual(["g1"]);
    close();
  });

  it("keeps the sessions whose statements are still to be recorded until they are", () => {
    const { xapi, close } = bind(make());
    xapi.markPending("s1");
    xapi.markPending("s2");
    xapi.markPending("s1");
    xapi.clearPending("s2");
    expect(xapi.pendingSessions()).toEqual(["s1"]);
    close();
  });
});

describe("sqlite xAPI outbox on disk", () => {
  it("finds the queue where it was after the server restarts", () => {
    const path = join(dir, "restart.sqlite");
    const first = new SqliteSessionStore(path);
    first.xapi.enqueue("g1", [st("a"), st("b")], 1);
    first.xapi.markSent(["a"], 2);
    first.xapi.setLrs("g1", { endpoint: "http://127.0.0.1:1/", key: "k", secret: "s" }, 3);
    first.xapi.markPending("s1");
    first.close();
    const second = new SqliteSessionStore(path);
    expect(second.xapi.queued("g1", 10).map((e) => e.statementId)).toEqual(["b"]);
    expect(second.xapi.lrs("g1")?.secret).toBe("s");
    expect(second.xapi.pendingSessions()).toEqual(["s1"]);
    expect(second.xapi.enqueue("g1", [st("b"), st("c")], 4)).toEqual(["c"]);
    const entries = second.xapi.entries("g1");
    expect(entries.map((e) => e.statementId)).toEqual(["a", "b", "c"]);
    // Positions order the queue; they need not be consecutive.
    expect(entries.map((e) => e.position)).toEqual(entries.map((e) => e.position).sort((x, y) => x - y));
    second.close();
  });
});

function bind(store: SessionStore) {
  return { xapi: store.xapi, close: () => store.close() };
}
