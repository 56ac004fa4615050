import { freeId, loadTestPlans, scenarioIdOf, withScenarioId } from "@hotseat/shared";
import type { CompiledScenario, RefusalParams, StudioLibraryItem } from "@hotseat/shared";
import { loadEntry } from "../scenarioLibrary";
import type { LibraryEntry, ScenarioLibrary } from "../scenarioLibrary";
import type { SessionHost } from "../sessions/SessionHost";
import { DraftConflictError, PlansConflictError } from "../store/DraftStore";
import type { DraftHead, DraftPlans, DraftVersion } from "../store/DraftStore";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import { StudioSummaries, summaryOf } from "./studioSummary";

/** A refusal of the Studio, carried to the HTTP layer with its status, stable code and the values it names. */
export class StudioError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: RefusalParams,
  ) {
    super(message);
  }
}

const validId = /^[a-z][a-z0-9-]*$/;

/** The file name a draft's version is loaded under, so diagnostics and logs say where it came from. */
export const draftFile = (id: string, version: number) => `studio/${id}@v${version}`;

/**
 * Loads the scenarios published from the Studio into the library at start, so they stay hostable after
 * a restart. A built-in scenario that took the same id since wins, and the published one is reported.
 */
export async function loadPublishedScenarios(
  store: AsyncSessionStore,
  library: ScenarioLibrary,
  log?: (line: string) => void,
): Promise<void> {
  for (const published of await store.drafts.publishedScenarios()) {
    const source = await store.version(published.versionId);
    if (source === undefined || library.get(published.scenarioId)) {
      log?.(
        `studio: "${published.scenarioId}" is not loaded: a built-in scenario has its id or its text is gone`,
      );
      continue;
    }
    library.add(
      library.load(source, draftFile(published.draftId, published.draftVersion), published.scenarioId),
    );
  }
}

/**
 * The Studio's drafts over the store: every save a numbered version, stale saves refused, and publishing
 * that makes a version hostable at once. The scenarios of `scenarios/` are read-only here.
 */
export class Studio {
  private readonly summaries = new StudioSummaries();
  // The library's ids less the published ones, as the library was when the Studio opened.
  private builtins: Promise<ReadonlySet<string>> | undefined;

  constructor(
    private readonly store: AsyncSessionStore,
    private readonly host: SessionHost,
    private readonly now: () => number = Date.now,
  ) {}

  private builtinIds(): Promise<ReadonlySet<string>> {
    this.builtins ??= this.store.drafts.publishedScenarios().then((list) => {
      const published = new Set(list.map((p) => p.scenarioId));
      return new Set(
        this.host.library
          .list()
          .map((s) => s.id)
          .filter((id) => !published.has(id)),
      );
    });
    return this.builtins;
  }

  private get library(): ScenarioLibrary {
    return this.host.library;
  }

  /** Every built-in scenario, then every draft, most recently saved first. */
  async items(): Promise<StudioLibraryItem[]> {
    const builtins = [...(await this.builtinIds())].sort().flatMap((id): StudioLibraryItem[] => {
      const entry = this.library.get(id);
      if (!entry) return [];
      const summary = summaryOf(entry.scenario, entry.diagnostics, entry.compiled !== undefined);
      const { playable, ...rest } = summary;
      return [{ kind: "builtin", id, ...rest, status: playable ? "ready" : "errors" }];
    });
    const drafts = (await this.store.drafts.drafts()).map((draft): StudioLibraryItem => {
      const { playable, ...rest } = this.summaries.of(draft.source, draftFile(draft.id, draft.version));
      const status = !playable ? "errors" : draft.publishedVersion === draft.version ? "ready" : "draft";
      return {
        kind: "draft",
        id: draft.id,
        ...rest,
        status,
        updatedAt: draft.savedAt,
        version: draft.version,
        ...(draft.publishedVersion !== undefined ? { publishedVersion: draft.publishedVersion } : {}),
      };
    });
    return [...builtins, ...drafts];
  }

  /** A built-in scenario's text. */
  async builtin(id: string): Promise<LibraryEntry> {
    const entry = (await this.builtinIds()).has(id) ? this.library.get(id) : undefined;
    if (!entry)
      throw new StudioError(404, "studio.unknown", `There is no built-in scenario "${id}".`, { id });
    return entry;
  }

  /**
   * A new draft from a text. Its id is the text's own `id:` when that is free, else the first free
   * `<id>-2`, `-3`…; the text's `id:` is set to match (comments kept), so the draft can be published.
   */
  async create(source: string): Promise<DraftHead> {
    const wanted = scenarioIdOf(source);
    const base = wanted !== undefined && validId.test(wanted) ? wanted : "new-scenario";
    const taken = new Set([
      ...(await this.builtinIds()),
      ...(await this.store.drafts.drafts()).map((d) => d.id),
      ...(await this.store.drafts.publishedScenarios()).map((p) => p.scenarioId),
    ]);
    const id = freeId(base, taken);
    return this.store.drafts.createDraft(id, withScenarioId(source, id), this.now());
  }

  /** A draft's newest version. */
  async draft(id: string): Promise<DraftHead> {
    const draft = await this.store.drafts.draft(id);
    if (!draft) throw this.unknown(id);
    return draft;
  }

  /** Every version of a draft, newest first. */
  async versions(id: string): Promise<DraftVersion[]> {
    await this.draft(id);
    return this.store.drafts.draftVersions(id);
  }

  /** One saved version of a draft. */
  async version(id: string, version: number): Promise<DraftVersion> {
    await this.draft(id);
    const found = await this.store.drafts.draftVersion(id, version);
    if (!found) throw this.unknownVersion(id, version);
    return found;
  }

  /** Saves a new version; 409 `studio.stale` when `baseVersion` is not the newest (another tab saved). */
  async save(id: string, baseVersion: number, source: string): Promise<DraftVersion> {
    await this.draft(id);
    try {
      return await this.store.drafts.saveDraft(id, baseVersion, source, this.now());
    } catch (e) {
      if (!(e instanceof DraftConflictError)) throw e;
      throw new StudioError(
        409,
        "studio.stale",
        `This draft was saved as version ${e.head} elsewhere (another tab?) after version ${baseVersion} that you edited; reload it before saving.`,
        { head: e.head, base: baseVersion },
      );
    }
  }

  /** A draft's test plans (an empty text and revision 0 when it has none yet). */
  async plans(id: string): Promise<DraftPlans> {
    await this.draft(id);
    return this.store.drafts.draftPlans(id);
  }

  /**
   * Saves a draft's test plans: the text must be a plans file (or empty, for none); 409 `studio.plans-stale`
   * when another tab saved them since `baseRevision`. Choices are not checked against the scenario here: a
   * plan that no longer fits the text is what the Studio shows as failing, not a reason to lose it.
   */
  async savePlans(id: string, baseRevision: number, source: string): Promise<DraftPlans> {
    await this.draft(id);
    if (source.trim() !== "") {
      const loaded = loadTestPlans(source, "plans.yaml");
      const first = loaded.diagnostics.find((d) => d.severity === "error");
      if (!loaded.plans || first)
        throw new StudioError(
          422,
          "studio.plans-invalid",
          `These test plans cannot be saved: line ${first?.line ?? 1}: ${first?.message ?? "not a plans file"}`,
          { line: first?.line ?? 1 },
        );
    }
    try {
      return await this.store.drafts.saveDraftPlans(id, baseRevision, source, this.now());
    } catch (e) {
      if (!(e instanceof PlansConflictError)) throw e;
      throw new StudioError(
        409,
        "studio.plans-stale",
        `The test plans of this draft were changed elsewhere (another tab?); reload them before saving.`,
        { head: e.head, base: baseRevision },
      );
    }
  }

  /** Saves an older version's text again as the newest version. */
  async restore(id: string, version: number, baseVersion: number): Promise<DraftVersion> {
    return this.save(id, baseVersion, (await this.version(id, version)).source);
  }

  /** Deletes a draft that was never published (a published one is what sessions may be playing). */
  async delete(id: string): Promise<void> {
    const draft = await this.draft(id);
    if (draft.publishedVersion !== undefined)
      throw new StudioError(
        409,
        "studio.published",
        `The draft "${id}" was published and stays, so the sessions that played it can be replayed.`,
        { id },
      );
    await this.store.drafts.deleteDraft(id);
  }

  /** Makes one saved version hostable now, under the scenario id its text names. */
  async publish(
    id: string,
    version: number,
  ): Promise<{ scenarioId: string; versionId: string; version: number }> {
    const saved = await this.version(id, version);
    const entry = loadEntry(saved.source, draftFile(id, version), id);
    if (!entry.compiled) {
      const errors = entry.diagnostics.filter((d) => d.severity === "error").length;
      throw new StudioError(
        422,
        "studio.invalid",
        `Version ${version} has ${errors} error(s); fix them before publishing.`,
        { errors, version },
      );
    }
    if ((await this.builtinIds()).has(entry.id))
      throw new StudioError(
        409,
        "studio.id-builtin",
        `"${entry.id}" is a built-in scenario's id; give this scenario its own id.`,
        { scenarioId: entry.id },
      );
    const owner = (await this.store.drafts.publishedScenarios()).find((p) => p.scenarioId === entry.id);
    if (owner && owner.draftId !== id)
      throw new StudioError(
        409,
        "studio.id-taken",
        `"${entry.id}" was published from the draft "${owner.draftId}"; give this scenario its own id.`,
        { scenarioId: entry.id, draft: owner.draftId },
      );
    const versionId = await this.host.publishScenario(entry as LibraryEntry & { compiled: CompiledScenario });
    await this.store.drafts.recordPublished({
      scenarioId: entry.id,
      versionId,
      draftId: id,
      draftVersion: version,
      publishedAt: this.now(),
    });
    return { scenarioId: entry.id, versionId, version };
  }

  /**
   * Withdraws a draft's published scenario from the library: no new session can host it, and the draft goes
   * back to unpublished (it can be published again). Sessions already running keep the version they pinned.
   */
  async unpublish(id: string): Promise<{ scenarioId: string }> {
    await this.draft(id);
    const published = (await this.store.drafts.publishedScenarios()).find((p) => p.draftId === id);
    if (!published)
      throw new StudioError(409, "studio.not-published", `The draft "${id}" is not published.`, { id });
    // The store first: if it refuses, the scenario stays published everywhere, not only in this process.
    await this.store.drafts.recordUnpublished(published.scenarioId);
    this.host.unpublishScenario(published.scenarioId);
    return { scenarioId: published.scenarioId };
  }

  private unknown(id: string): StudioError {
    return new StudioError(404, "studio.unknown", `There is no draft "${id}".`, { id: id.slice(0, 64) });
  }

  private unknownVersion(id: string, version: number): StudioError {
    return new StudioError(404, "studio.unknown-version", `The draft "${id}" has no version ${version}.`, {
      id: id.slice(0, 64),
      version,
    });
  }
}
