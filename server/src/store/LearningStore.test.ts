import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "./MemorySessionStore";
import type { SessionStore } from "./SessionStore";
import { SqliteSessionStore } from "./SqliteSessionStore";

const dir = mkdtempSync(join(tmpdir(), "hotseat-learning-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores: [string, () => SessionStore][] = [
  ["memory", () => new MemorySessionStore()],
  ["sqlite", () => new SqliteSessionStore(join(dir, `${Math.random()}.db`))],
];

describe.each(stores)("%s learning store", (_name, open) => {
  it("keeps groups, rosters and group sessions; deleting a learner keeps only their id", () => {
    const store = open();
    const rows = store.learning;
    rows.saveGroup({ id: "g1", name: "A", openRoster: false, keyHash: "k1", createdAt: 1 });
    rows.saveGroup({ id: "g2", name: "B", openRoster: true, keyHash: "k2", createdAt: 2 });
    rows.saveGroup({ id: "g1", name: "A2", openRoster: true, keyHash: "ignored", createdAt: 9 });
    expect(rows.group("g1")).toEqual({ id: "g1", name: "A2", openRoster: true, keyHash: "k1", createdAt: 1 });
    expect(rows.groupsByKeyHash(new Set(["k2", "x"])).map((g) => g.id)).toEqual(["g2"]);
    rows.saveLearner({ id: "l1", groupId: "g1", displayName: "Ann", email: "a@b.c", createdAt: 1 });
    rows.saveLearner({ id: "l2", groupId: "g1", displayName: "Bob", createdAt: 2 });
    rows.saveLearner({ id: "l1", groupId: "g1", displayName: "Ann", keyHash: "h1", createdAt: 1 });
    expect(rows.learnerByKeyHash("h1")).toEqual({
      id: "l1",
      groupId: "g1",
      displayName: "Ann",
      keyHash: "h1",
      createdAt: 1,
    });
    expect(rows.learners("g1").map((l) => l.id)).toEqual(["l1", "l2"]);
    store.createSession({
      id: "s1",
      code: "AAAAAA",
      scenarioId: "",
      library: {},
      trainerTokenHash: "t",
      createdAt: 1,
    });
    rows.setSessionGroup("s1", "g1");
    expect([rows.sessionGroup("s1"), rows.groupSessions("g1")]).toEqual(["g1", ["s1"]]);
    rows.deleteLearner("l1");
    expect([rows.learner("l1"), rows.learnerByKeyHash("h1"), rows.forgotten("g1")]).toEqual([
      undefined,
      undefined,
      ["l1"],
    ]);
    rows.deleteGroup("g1");
    expect([rows.group("g1"), rows.learners("g1"), rows.forgotten("g1"), rows.sessionGroup("s1")]).toEqual([
      undefined,
      [],
      [],
      undefined,
    ]);
    store.close();
  });
});
