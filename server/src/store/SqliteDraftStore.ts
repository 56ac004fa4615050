import type { DatabaseSync } from "node:sqlite";
import { DraftConflictError, PlansConflictError } from "./DraftStore";
import type { DraftHead, DraftPlans, DraftStore, DraftVersion, PublishedScenario } from "./DraftStore";
import { draftHeadQuery, toHead, toPublished, toVersion } from "./draftRows";
import type { HeadRow, PublishedRow, VersionRow } from "./draftRows";

// The newest version of each draft with the version last published from it; ties by insertion order.
const headQuery = draftHeadQuery("p.rowid");

/** The drafts in the server's SQLite database, beside the sessions (the tables of migration 3). */
export class SqliteDraftStore implements DraftStore {
  constructor(private readonly db: DatabaseSync) {}

  createDraft(id: string, source: string, at: number): DraftHead {
    this.transaction(() => {
      this.db.prepare("INSERT INTO studio_drafts (id, created_at) VALUES (?, ?)").run(id, at);
      this.db
        .prepare(
          "INSERT INTO studio_draft_versions (draft_id, version, saved_at, source) VALUES (?, 1, ?, ?)",
        )
        .run(id, at, source);
    });
    return this.draft(id) as DraftHead;
  }

  saveDraft(id: string, baseVersion: number, source: string, at: number): DraftVersion {
    if (!this.exists(id)) throw new Error(`unknown draft ${id}`);
    // Written only when the draft's newest version is the one the editor started from, in one statement,
    // so two tabs saving at once cannot both win.
    const { changes } = this.db
      .prepare(
        `INSERT INTO studio_draft_versions (draft_id, version, saved_at, source)
         SELECT ?, ?, ?, ? WHERE (SELECT MAX(version) FROM studio_draft_versions WHERE draft_id = ?) = ?`,
      )
      .run(id, baseVersion + 1, at, source, id, baseVersion);
    if (Number(changes) !== 1) throw new DraftConflictError(id, baseVersion, this.draft(id)?.version ?? 0);
    return { version: baseVersion + 1, savedAt: at, source };
  }

  draft(id: string): DraftHead | undefined {
    const row = this.db.prepare(`${headQuery} AND d.id = ?`).get(id) as HeadRow | undefined;
    return row && toHead(row);
  }

  drafts(): DraftHead[] {
    const rows = this.db.prepare(`${headQuery} ORDER BY v.saved_at DESC, d.id`).all() as HeadRow[];
    return rows.map(toHead);
  }

  draftVersions(id: string): DraftVersion[] {
    const rows = this.db
      .prepare(
        "SELECT version, saved_at, source FROM studio_draft_versions WHERE draft_id = ? ORDER BY version DESC",
      )
      .all(id) as VersionRow[];
    return rows.map(toVersion);
  }

  draftVersion(id: string, version: number): DraftVersion | undefined {
    const row = this.db
      .prepare(
        "SELECT version, saved_at, source FROM studio_draft_versions WHERE draft_id = ? AND version = ?",
      )
      .get(id, version) as VersionRow | undefined;
    return row && toVersion(row);
  }

  deleteDraft(id: string): boolean {
    let deleted = false;
    this.transaction(() => {
      this.db.prepare("DELETE FROM studio_draft_plans WHERE draft_id = ?").run(id);
      this.db.prepare("DELETE FROM studio_draft_versions WHERE draft_id = ?").run(id);
      deleted = Number(this.db.prepare("DELETE FROM studio_drafts WHERE id = ?").run(id).changes) === 1;
    });
    return deleted;
  }

  recordPublished(p: PublishedScenario): void {
    this.db
      .prepare(
        `INSERT INTO studio_published (scenario_id, version_id, draft_id, draft_version, published_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scenario_id) DO UPDATE SET version_id = excluded.version_id, draft_id = excluded.draft_id,
           draft_version = excluded.draft_version, published_at = excluded.published_at`,
      )
      .run(p.scenarioId, p.versionId, p.draftId, p.draftVersion, p.publishedAt);
  }

  recordUnpublished(scenarioId: string): boolean {
    const result = this.db.prepare("DELETE FROM studio_published WHERE scenario_id = ?").run(scenarioId);
    return Number(result.changes) > 0;
  }

  publishedScenarios(): PublishedScenario[] {
    const rows = this.db
      .prepare("SELECT * FROM studio_published ORDER BY scenario_id")
      .all() as PublishedRow[];
    return rows.map(toPublished);
  }

  draftPlans(id: string): DraftPlans {
    const row = this.db
      .prepare("SELECT revision, saved_at, source FROM studio_draft_plans WHERE draft_id = ?")
      .get(id) as { revision: number; saved_at: number; source: string } | undefined;
    return row
      ? { revision: row.revision, savedAt: row.saved_at, source: row.source }
      : { revision: 0, savedAt: 0, source: "" };
  }

  saveDraftPlans(id: string, baseRevision: number, source: string, at: number): DraftPlans {
    if (!this.exists(id)) throw new Error(`unknown draft ${id}`);
    // One statement that writes only over the revision the editor started from (the first save inserts).
    const { changes } =
      baseRevision === 0
        ? this.db
            .prepare(
              "INSERT INTO studio_draft_plans (draft_id, revision, saved_at, source) VALUES (?, 1, ?, ?) ON CONFLICT DO NOTHING",
            )
            .run(id, at, source)
        : this.db
            .prepare(
              "UPDATE studio_draft_plans SET revision = revision + 1, saved_at = ?, source = ? WHERE draft_id = ? AND revision = ?",
            )
            .run(at, source, id, baseRevision);
    if (Number(changes) !== 1) throw new PlansConflictError(id, this.draftPlans(id).revision);
    return { revision: baseRevision + 1, savedAt: at, source };
  }

  private exists(id: string): boolean {
    return this.db.prepare("SELECT 1 FROM studio_drafts WHERE id = ?").get(id) !== undefined;
  }

  private transaction(body: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      body();
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }
}
