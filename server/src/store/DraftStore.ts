/** One saved version of a draft: its number (1, 2, …), when it was saved and its text. */
export type DraftVersion = { version: number; savedAt: number; source: string };

/** A draft as the Studio lists it: its newest version and, once published, the version that is playable. */
export type DraftHead = DraftVersion & { id: string; createdAt: number; publishedVersion?: number };

/** A scenario published from the Studio: hosted under `scenarioId`, playing the stored version `versionId`. */
export type PublishedScenario = {
  scenarioId: string;
  versionId: string;
  draftId: string;
  draftVersion: number;
  publishedAt: number;
};

/** Thrown when a save names a version that is no longer the draft's newest: another tab saved first. */
export class DraftConflictError extends Error {
  constructor(
    readonly draftId: string,
    readonly expected: number,
    readonly head: number,
  ) {
    super(`draft ${draftId} is at version ${head}, not ${expected}`);
    this.name = "DraftConflictError";
  }
}

/** A draft's test plans: the text of its plans file ("" for none) and how often it was saved (0: never). */
export type DraftPlans = { revision: number; savedAt: number; source: string };

/** Thrown when plans are saved over a revision that is no longer the newest: another tab saved first. */
export class PlansConflictError extends Error {
  constructor(
    readonly draftId: string,
    readonly head: number,
  ) {
    super(`the plans of draft ${draftId} are at revision ${head}`);
    this.name = "PlansConflictError";
  }
}

/**
 * The Studio's drafts: every save is a new numbered version and none is ever overwritten, so any
 * version can be restored. A save names the version it was edited from and is refused with
 * `DraftConflictError` unless that is still the newest, so two tabs cannot overwrite each other.
 */
export interface DraftStore {
  /** Creates a draft whose version 1 is `source`; throws when the id is taken. */
  createDraft(id: string, source: string, at: number): DraftHead;
  /** Saves `source` as the version after `baseVersion`; `DraftConflictError` when that is not the newest. */
  saveDraft(id: string, baseVersion: number, source: string, at: number): DraftVersion;
  /** The draft's newest version, or undefined when there is no such draft. */
  draft(id: string): DraftHead | undefined;
  /** Every draft's newest version, most recently saved first. */
  drafts(): DraftHead[];
  /** Every version of a draft, newest first. */
  draftVersions(id: string): DraftVersion[];
  /** One version of a draft. */
  draftVersion(id: string, version: number): DraftVersion | undefined;
  /** Deletes a draft and all its versions; false when there was none. */
  deleteDraft(id: string): boolean;
  /** Records that a draft's version is now hosted as `scenarioId` (replacing what that id played before). */
  recordPublished(published: PublishedScenario): void;
  /** Forgets that `scenarioId` is published (it is withdrawn); false when it was not. */
  recordUnpublished(scenarioId: string): boolean;
  /** Every scenario published from the Studio, by scenario id. */
  publishedScenarios(): PublishedScenario[];
  /** A draft's test plans; revision 0 and an empty text when none were saved. */
  draftPlans(id: string): DraftPlans;
  /** Saves a draft's plans over `baseRevision`; `PlansConflictError` when that is not the newest. */
  saveDraftPlans(id: string, baseRevision: number, source: string, at: number): DraftPlans;
}
