import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DraftConflictError, PlansConflictError } from "./DraftStore";
import { MemorySessionStore } from "./MemorySessionStore";
import type { SessionStore } from "./SessionStore";
import { SqliteSessionStore } from "./SqliteSessionStore";

const dir = mkdtempSync(join(tmpdir(), "hotseat-drafts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores: [string, () => SessionStore][] = [
  ["memory", () => new MemorySessionStore()],
  ["sqlite", () => new SqliteSessionStore(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`))],
];

describe.each(stores)("%s draft store", (_name, make) => {
  it("keeps every saved version, numbered, and the newest as the draft", () => {
    const store = make();
    const drafts = store.drafts;
    expect(drafts.createDraft("hat", "v1 text", 100)).toEqual({
      id: "hat",
      createdAt: 100,
      version: 1,
      savedAt: 100,
      source: "v1 text",
    });
    expect(drafts.saveDraft("hat", 1, "v2 text", 200)).toEqual({
      version: 2,
      savedAt: 200,
      source: "v2 text",
    });
    expect(drafts.saveDraft("hat", 2, "v3 text", 300).version).toBe(3);
    expect(drafts.draft("hat")).toMatchObject({ version: 3, source: "v3 text", createdAt: 100 });
    expect(drafts.draftVersions("hat").map((v) => v.version)).toEqual([3, 2, 1]);
    expect(drafts.draftVersion("hat", 1)?.source).toBe("v1 text");
    expect(drafts.draftVersion("hat", 9)).toBeUndefined();
    store.close();
  });

  it("refuses a save based on an old version and writes nothing: the second tab is told", () => {
    const store = make();
    store.drafts.createDraft("hat", "v1", 1);
    store.drafts.saveDraft("hat", 1, "tab A", 2);
    const error = (() => {
      try {
        store.drafts.saveDraft("hat", 1, "tab B", 3);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DraftConflictError);
    expect(error).toMatchObject({ expected: 1, head: 2 });
    expect(store.drafts.draft("hat")?.source).toBe("tab A");
    expect(store.drafts.draftVersions("hat")).toHaveLength(2);
    store.close();
  });

  it("lists drafts most recently saved first, and deletes one with all its versions", () => {
    const store = make();
    store.drafts.createDraft("a", "a1", 10);
    store.drafts.createDraft("b", "b1", 20);
    store.drafts.saveDraft("a", 1, "a2", 30);
    expect(store.drafts.drafts().map((d) => [d.id, d.version])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    expect(() => store.drafts.createDraft("a", "again", 40)).toThrow();
    expect(store.drafts.deleteDraft("a")).toBe(true);
    expect(store.drafts.deleteDraft("a")).toBe(false);
    expect(store.drafts.draft("a")).toBeUndefined();
    expect(store.drafts.draftVersions("a")).toEqual([]);
    // A new draft may take the freed id and starts again at version 1.
    expect(store.drafts.createDraft("a", "fresh", 50).version).toBe(1);
    store.close();
  });

  it("remembers which version of a draft was published, under which scenario id", () => {
    const store = make();
    store.drafts.createDraft("hat", "v1", 1);
    store.drafts.saveDraft("hat", 1, "v2", 2);
    const versionId = store.putVersion("v2", 3);
    store.drafts.recordPublished({
      scenarioId: "hat",
      versionId,
      draftId: "hat",
      draftVersion: 2,
      publishedAt: 3,
    });
    expect(store.drafts.draft("hat")?.publishedVersion).toBe(2);
    const again = store.putVersion("v1", 4);
    store.drafts.recordPublished({
      scenarioId: "hat",
      versionId: again,
      draftId: "hat",
      draftVersion: 1,
      publishedAt: 4,
    });
    expect(store.drafts.publishedScenarios()).toEqual([
      { scenarioId: "hat", versionId: again, draftId: "hat", draftVersion: 1, publishedAt: 4 },
    ]);
    expect(store.drafts.draft("hat")?.publishedVersion).toBe(1);
    store.close();
  });

  it("keeps a draft's test plans by revision, refuses a stale save, and deletes them with the draft", () => {
    const store = make();
    store.drafts.createDraft("hat", "v1", 1);
    expect(store.drafts.draftPlans("hat")).toEqual({ revision: 0, savedAt: 0, source: "" });
    expect(store.drafts.saveDraftPlans("hat", 0, "plans A", 5)).toEqual({
      revision: 1,
      savedAt: 5,
      source: "plans A",
    });
    expect(store.drafts.saveDraftPlans("hat", 1, "plans B", 6).revision).toBe(2);
    expect(() => store.drafts.saveDraftPlans("hat", 1, "tab B", 7)).toThrow(PlansConflictError);
    expect(() => store.drafts.saveDraftPlans("hat", 0, "tab C", 7)).toThrow(PlansConflictError);
    expect(store.drafts.draftPlans("hat")).toEqual({ revision: 2, savedAt: 6, source: "plans B" });
    // Plans are not a version of the scenario.
    expect(store.drafts.draft("hat")?.version).toBe(1);
    expect(() => store.drafts.saveDraftPlans("nope", 0, "x", 8)).toThrow(/unknown draft/);
    store.drafts.deleteDraft("hat");
    store.drafts.createDraft("hat", "again", 9);
    expect(store.drafts.draftPlans("hat").revision).toBe(0);
    store.close();
  });

  it("forgets a withdrawn publication, keeping the draft and its versions", () => {
    const store = make();
    store.drafts.createDraft("hat", "v1", 1);
    const versionId = store.putVersion("v1", 2);
    store.drafts.recordPublished({
      scenarioId: "hat",
      versionId,
      draftId: "hat",
      draftVersion: 1,
      publishedAt: 2,
    });
    expect(store.drafts.recordUnpublished("hat")).toBe(true);
    expect(store.drafts.recordUnpublished("hat")).toBe(false);
    expect(store.drafts.publishedScenarios()).toEqual([]);
    expect(store.drafts.draft("hat")).toMatchObject({ version: 1, source: "v1" });
    expect(store.drafts.draft("hat")?.publishedVersion).toBeUndefined();
    store.close();
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
