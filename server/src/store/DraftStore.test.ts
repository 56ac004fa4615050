import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contractStores } from "./contractStores";
import { DraftConflictError, PlansConflictError } from "./DraftStore";
import { SqliteSessionStore } from "./SqliteSessionStore";

const dir = mkdtempSync(join(tmpdir(), "hotseat-drafts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores = contractStores();

describe.each(stores)("%s draft store", (_name, make) => {
  it("keeps every saved version, numbered, and the newest as the draft", async () => {
    const store = await make();
    const drafts = store.drafts;
    expect(await drafts.createDraft("hat", "v1 text", 100)).toEqual({
      id: "hat",
      createdAt: 100,
      version: 1,
      savedAt: 100,
      source: "v1 text",
    });
    expect(await drafts.saveDraft("hat", 1, "v2 text", 200)).toEqual({
      version: 2,
      savedAt: 200,
      source: "v2 text",
    });
    expect((await drafts.saveDraft("hat", 2, "v3 text", 300)).version).toBe(3);
    expect(await drafts.draft("hat")).toMatchObject({ version: 3, source: "v3 text", createdAt: 100 });
    expect((await drafts.draftVersions("hat")).map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await drafts.draftVersion("hat", 1))?.source).toBe("v1 text");
    expect(await drafts.draftVersion("hat", 9)).toBeUndefined();
    await store.close();
  });

  it("refuses a save based on an old version and writes nothing: the second tab is told", async () => {
    const store = await make();
    await store.drafts.createDraft("hat", "v1", 1);
    await store.drafts.saveDraft("hat", 1, "tab A", 2);
    const error: unknown = await store.drafts.saveDraft("hat", 1, "tab B", 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftConflictError);
    expect(error).toMatchObject({ expected: 1, head: 2 });
    expect((await store.drafts.draft("hat"))?.source).toBe("tab A");
    expect(await store.drafts.draftVersions("hat")).toHaveLength(2);
    await store.close();
  });

  it("lists drafts most recently saved first, and deletes one with all its versions", async () => {
    const store = await make();
    await store.drafts.createDraft("a", "a1", 10);
    await store.drafts.createDraft("b", "b1", 20);
    await store.drafts.saveDraft("a", 1, "a2", 30);
    expect((await store.drafts.drafts()).map((d) => [d.id, d.version])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    await expect(store.drafts.createDraft("a", "again", 40)).rejects.toThrow();
    expect(await store.drafts.deleteDraft("a")).toBe(true);
    expect(await store.drafts.deleteDraft("a")).toBe(false);
    expect(await store.drafts.draft("a")).toBeUndefined();
    expect(await store.drafts.draftVersions("a")).toEqual([]);
    // A new draft may take the freed id and starts again at version 1.
    expect((await store.drafts.createDraft("a", "fresh", 50)).version).toBe(1);
    await store.close();
  });

  it("remembers which version of a draft was published, under which scenario id", async () => {
    const store = await make();
    await store.drafts.createDraft("hat", "v1", 1);
    await store.drafts.saveDraft("hat", 1, "v2", 2);
    const versionId = await store.putVersion("v2", 3);
    await store.drafts.recordPublished({
      scenarioId: "hat",
      versionId,
      draftId: "hat",
      draftVersion: 2,
      publishedAt: 3,
    });
    expect((await store.drafts.draft("hat"))?.publishedVersion).toBe(2);
    const again = await store.putVersion("v1", 4);
    await store.drafts.recordPublished({
      scenarioId: "hat",
      versionId: again,
      draftId: "hat",
      draftVersion: 1,
      publishedAt: 4,
    });
    expect(await store.drafts.publishedScenarios()).toEqual([
      { scenarioId: "hat", versionId: again, draftId: "hat", draftVersion: 1, publishedAt: 4 },
    ]);
    expect((await store.drafts.draft("hat"))?.publishedVersion).toBe(1);
    await store.close();
  });

  it("keeps a draft's test plans by revision, refuses a stale save, and deletes them with the draft", async () => {
    const store = await make();
    const drafts = store.drafts;
    await drafts.createDraft("hat", "v1", 1);
    expect(await drafts.draftPlans("hat")).toEqual({ revision: 0, savedAt: 0, source: "" });
    expect(await drafts.saveDraftPlans("hat", 0, "plans A", 5)).toEqual({
      revision: 1,
      savedAt: 5,
      source: "plans A",
    });
    expect((await drafts.saveDraftPlans("hat", 1, "plans B", 6)).revision).toBe(2);
    await expect(drafts.saveDraftPlans("hat", 1, "tab B", 7)).rejects.toThrow(PlansConflictError);
    await expect(drafts.saveDraftPlans("hat", 0, "tab C", 7)).rejects.toThrow(PlansConflictError);
    expect(await drafts.draftPlans("hat")).toEqual({ revision: 2, savedAt: 6, source: "plans B" });
    // Plans are not a version of the scenario.
    expect((await drafts.draft("hat"))?.version).toBe(1);
    await expect(drafts.saveDraftPlans("nope", 0, "x", 8)).rejects.toThrow(/unknown draft/);
    await drafts.deleteDraft("hat");
    await drafts.createDraft("hat", "again", 9);
    expect((await drafts.draftPlans("hat")).revision).toBe(0);
    await store.close();
  });

  it("forgets a withdrawn publication, keeping the draft and its versions", async () => {
    const store = await make();
    const drafts = store.drafts;
    await drafts.createDraft("hat", "v1", 1);
    const versionId = await store.putVersion("v1", 2);
    await drafts.recordPublished({
      scenarioId: "hat",
      versionId,
      draftId: "hat",
      draftVersion: 1,
      publishedAt: 2,
    });
    expect(await drafts.recordUnpublished("hat")).toBe(true);
    expect(await drafts.recordUnpublished("hat")).toBe(false);
    expect(await drafts.publishedScenarios()).toEqual([]);
    expect(await drafts.draft("hat")).toMatchObject({ version: 1, source: "v1" });
    expect((await drafts.draft("hat"))?.publishedVersion).toBeUndefined();
    await store.close();
  });
});

describe("sqlite drafts", () => {
  it("are still there, every version, after the server restarts", () => {
    const path = join(dir, "restart.sqlite");
    const first = new SqliteSessionStore(path);
    first.drafts.createDraft("hat", "v1", 1);
    first.drafts.saveDraft("hat", 1, "v2", 2);
    first.close();
    const second = new SqliteSessionStore(path);
    expect(second.drafts.draft("hat")).toMatchObject({ version: 2, source: "v2" });
    expect(second.drafts.draftVersions("hat")).toHaveLength(2);
    second.close();
  });

  it("keep their test plans after the server restarts", () => {
    const path = join(dir, "restart-plans.sqlite");
    const first = new SqliteSessionStore(path);
    first.drafts.createDraft("hat", "v1", 1);
    first.drafts.saveDraftPlans("hat", 0, "plans", 2);
    first.close();
    const second = new SqliteSessionStore(path);
    expect(second.drafts.draftPlans("hat")).toEqual({ revision: 1, savedAt: 2, source: "plans" });
    second.close();
  });
});
