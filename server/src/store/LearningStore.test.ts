import { describe, expect, it } from "vitest";
import { contractStores } from "./contractStores";

const stores = contractStores();

describe.each(stores)("%s learning store", (_name, open, reopen) => {
  it("keeps groups, rosters and group sessions; deleting a learner keeps only their id", async () => {
    const store = await open();
    const rows = store.learning;
    await rows.saveGroup({ id: "g1", name: "A", openRoster: false, keyHash: "k1", createdAt: 1 });
    await rows.saveGroup({ id: "g2", name: "B", openRoster: true, keyHash: "k2", createdAt: 2 });
    await rows.saveGroup({ id: "g1", name: "A2", openRoster: true, keyHash: "ignored", createdAt: 9 });
    expect(await rows.group("g1")).toEqual({
      id: "g1",
      name: "A2",
      openRoster: true,
      keyHash: "k1",
      createdAt: 1,
    });
    expect((await rows.groupsByKeyHash(new Set(["k2", "x"]))).map((g) => g.id)).toEqual(["g2"]);
    expect(await rows.groupsByKeyHash(new Set())).toEqual([]);
    await rows.saveLearner({ id: "l1", groupId: "g1", displayName: "Ann", email: "a@b.c", createdAt: 1 });
    await rows.saveLearner({ id: "l2", groupId: "g1", displayName: "Bob", createdAt: 2 });
    await rows.saveLearner({ id: "l1", groupId: "g1", displayName: "Ann", keyHash: "h1", createdAt: 1 });
    expect(await rows.learnerByKeyHash("h1")).toEqual({
      id: "l1",
      groupId: "g1",
      displayName: "Ann",
      keyHash: "h1",
      createdAt: 1,
    });
    expect((await rows.learners("g1")).map((l) => l.id)).toEqual(["l1", "l2"]);
    await store.createSession({
      id: "s1",
      code: "AAAAAA",
      scenarioId: "",
      library: {},
      trainerTokenHash: "t",
      createdAt: 1,
    });
    await rows.setSessionGroup("s1", "g1");
    expect([await rows.sessionGroup("s1"), await rows.groupSessions("g1")]).toEqual(["g1", ["s1"]]);
    await rows.deleteLearner("l1");
    await rows.deleteLearner("nobody");
    expect([await rows.learner("l1"), await rows.learnerByKeyHash("h1"), await rows.forgotten("g1")]).toEqual(
      [undefined, undefined, ["l1"]],
    );
    await rows.deleteGroup("g1");
    expect([
      await rows.group("g1"),
      await rows.learners("g1"),
      await rows.forgotten("g1"),
      await rows.sessionGroup("s1"),
    ]).toEqual([undefined, [], [], undefined]);
    await store.close();
  });

  it("gives a name's key to one phone only, and keeps every field of a learner", async () => {
    const store = await open();
    const rows = store.learning;
    await rows.saveGroup({ id: "g1", name: "A", openRoster: false, keyHash: "k1", createdAt: 1 });
    const full = {
      id: "l1",
      groupId: "g1",
      displayName: "Ann",
      employeeId: "E-7",
      email: "ann@example.org",
      renewHash: "r1",
      renewExpiresAt: 99,
      createdAt: 3,
    };
    await rows.saveLearner(full);
    expect(await rows.learnerByRenewHash("r1")).toEqual(full);
    // Two phones at once: exactly one gets the name.
    const claims = await Promise.all([rows.claimKey("l1", "h-a"), rows.claimKey("l1", "h-b")]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims[0] ? "h-a" : "h-b";
    expect((await rows.learner("l1"))?.keyHash).toBe(winner);
    expect(await rows.claimKey("l1", "h-c")).toBe(false);
    expect(await rows.claimKey("nobody", "h-d")).toBe(false);
    await store.close();
  });

  it.runIf(reopen)("finds groups, rosters and group sessions again after a restart", async () => {
    const store = await open();
    await store.learning.saveGroup({ id: "g1", name: "A", openRoster: true, keyHash: "k1", createdAt: 1 });
    for (const [i, name] of ["Cid", "Ann", "Bob"].entries())
      await store.learning.saveLearner({ id: `l${i}`, groupId: "g1", displayName: name, createdAt: 5 });
    await store.learning.deleteLearner("l1");
    for (const id of ["s2", "s1"]) {
      await store.createSession({
        id,
        code: id,
        scenarioId: "",
        library: {},
        trainerTokenHash: "t",
        createdAt: 1,
      });
      await store.learning.setSessionGroup(id, "g1");
    }
    const again = await reopen!(store);
    // Same creation time: the roster keeps the order the learners were added in.
    expect((await again.learning.learners("g1")).map((l) => l.displayName)).toEqual(["Cid", "Bob"]);
    expect(await again.learning.forgotten("g1")).toEqual(["l1"]);
    expect(await again.learning.groupSessions("g1")).toEqual(["s2", "s1"]);
    expect((await again.learning.group("g1"))?.openRoster).toBe(true);
    await again.close();
  });
});
