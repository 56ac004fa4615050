import { DraftConflictError, PlansConflictError } from "./DraftStore";
import type { DraftHead, DraftPlans, DraftStore, DraftVersion, PublishedScenario } from "./DraftStore";

/** Drafts kept in memory: for tests and throwaway servers. */
export class MemoryDraftStore implements DraftStore {
  private readonly versions = new Map<string, { createdAt: number; versions: DraftVersion[] }>();
  private readonly published = new Map<string, PublishedScenario>();
  private readonly plans = new Map<string, DraftPlans>();

  createDraft(id: string, source: string, at: number): DraftHead {
    if (this.versions.has(id)) throw new Error(`draft ${id} already exists`);
    this.versions.set(id, { createdAt: at, versions: [{ version: 1, savedAt: at, source }] });
    return this.draft(id) as DraftHead;
  }

  saveDraft(id: string, baseVersion: number, source: string, at: number): DraftVersion {
    const draft = this.versions.get(id);
    if (!draft) throw new Error(`unknown draft ${id}`);
    const head = draft.versions.length;
    if (head !== baseVersion) throw new DraftConflictError(id, baseVersion, head);
    const saved = { version: head + 1, savedAt: at, source };
    draft.versions.push(saved);
    return { ...saved };
  }

  draft(id: string): DraftHead | undefined {
    const draft = this.versions.get(id);
    const head = draft?.versions.at(-1);
    if (!draft || !head) return undefined;
    const published = [...this.published.values()]
      .filter((p) => p.draftId === id)
      .sort((a, b) => b.publishedAt - a.publishedAt)[0];
    return {
      id,
      createdAt: draft.createdAt,
      ...head,
      ...(published ? { publishedVersion: published.draftVersion } : {}),
    };
  }

  drafts(): DraftHead[] {
    return [...this.versions.keys()]
      .map((id) => this.draft(id) as DraftHead)
      .sort((a, b) => b.savedAt - a.savedAt || a.id.localeCompare(b.id));
  }

  draftVersions(id: string): DraftVersion[] {
    return [...(this.versions.get(id)?.versions ?? [])].reverse().map((v) => ({ ...v }));
  }

  draftVersion(id: string, version: number): DraftVersion | undefined {
    const found = this.versions.get(id)?.versions[version - 1];
    return found && { ...found };
  }

  deleteDraft(id: string): boolean {
    this.plans.delete(id);
    return this.versions.delete(id);
  }

  recordPublished(published: PublishedScenario): void {
    this.published.set(published.scenarioId, { ...published });
  }

  recordUnpublished(scenarioId: string): boolean {
    return this.published.delete(scenarioId);
  }

  publishedScenarios(): PublishedScenario[] {
    return [...this.published.values()]
      .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId))
      .map((p) => ({ ...p }));
  }

  draftPlans(id: string): DraftPlans {
    return { ...(this.plans.get(id) ?? { revision: 0, savedAt: 0, source: "" }) };
  }

  saveDraftPlans(id: string, baseRevision: number, source: string, at: number): DraftPlans {
    if (!this.versions.has(id)) throw new Error(`unknown draft ${id}`);
    const head = this.draftPlans(id).revision;
    if (head !== baseRevision) throw new PlansConflictError(id, head);
    const saved = { revision: head + 1, savedAt: at, source };
    this.plans.set(id, saved);
    return { ...saved };
  }
}
