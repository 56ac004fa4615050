import type pg from "pg";
import type { AsyncDraftStore } from "../AsyncSessionStore";
import { DraftConflictError, PlansConflictError } from "../DraftStore";
import type { DraftHead, DraftPlans, DraftVersion, PublishedScenario } from "../DraftStore";
import { draftHeadQuery, toHead, toPublished, toVersion } from "../draftRows";
import type { HeadRow, PublishedRow, VersionRow } from "../draftRows";
import { inTransaction } from "./inTransaction";

// The newest version of each draft with the version last published from it (as SqliteDraftStore's).
const headQuery = draftHeadQuery("p.scenario_id");

/** The Studio's drafts on the PostgreSQL server, beside the sessions; the same contract as SQLite's. */
export class PostgresDraftStore implements AsyncDraftStore {
  constructor(private readonly pool: pg.Pool) {}

  async createDraft(id: string, source: string, at: number): Promise<DraftHead> {
    await inTransaction(this.pool, async (c) => {
      await c.query("INSERT INTO studio_drafts (id, created_at) VALUES ($1, $2)", [id, at]);
      await c.query(
        "INSERT INTO studio_draft_versions (draft_id, version, saved_at, source) VALUES ($1, 1, $2, $3)",
        [id, at, source],
      );
    });
    return (await this.draft(id)) as DraftHead;
  }

  async saveDraft(id: string, baseVersion: number, source: string, at: number): Promise<DraftVersion> {
    const found = await this.pool.query("SELECT 1 FROM studio_drafts WHERE id = $1", [id]);
    if (found.rowCount === 0) throw new Error(`unknown draft ${id}`);
    let inserted = 0;
    try {
      // Written only while the newest version is the editor's base; the primary key refuses a racing twin.
      const { rowCount } = await this.pool.query(
        `INSERT INTO studio_draft_versions (draft_id, version, saved_at, source)
         SELECT $1, $2, $3, $4 WHERE (SELECT MAX(version) FROM studio_draft_versions WHERE draft_id = $1) = $5`,
        [id, baseVersion + 1, at, source, baseVersion],
      );
      inserted = rowCount ?? 0;
    } catch (e) {
      if ((e as { code?: string }).code !== "23505") throw e;
    }
    if (inserted !== 1) throw new DraftConflictError(id, baseVersion, (await this.draft(id))?.version ?? 0);
    return { version: baseVersion + 1, savedAt: at, source };
  }

  async draft(id: string): Promise<DraftHead | undefined> {
    const { rows } = await this.pool.query<HeadRow>(`${headQuery} AND d.id = $1`, [id]);
    return rows[0] && toHead(rows[0]);
  }

  async drafts(): Promise<DraftHead[]> {
    const { rows } = await this.pool.query<HeadRow>(`${headQuery} ORDER BY v.saved_at DESC, d.id`);
    return rows.map(toHead);
  }

  async draftVersions(id: string): Promise<DraftVersion[]> {
    const { rows } = await this.pool.query<VersionRow>(
      "SELECT version, saved_at, source FROM studio_draft_versions WHERE draft_id = $1 ORDER BY version DESC",
      [id],
    );
    return rows.map(toVersion);
  }

  async draftVersion(id: string, version: number): Promise<DraftVersion | undefined> {
    const { rows } = await this.pool.query<VersionRow>(
      "SELECT version, saved_at, source FROM studio_draft_versions WHERE draft_id = $1 AND version = $2",
      [id, version],
    );
    return rows[0] && toVersion(rows[0]);
  }

  async deleteDraft(id: string): Promise<boolean> {
    // The versions go with the draft (ON DELETE CASCADE), in the same statement.
    const { rowCount } = await this.pool.query("DELETE FROM studio_drafts WHERE id = $1", [id]);
    return rowCount === 1;
  }

  async recordPublished(p: PublishedScenario): Promise<void> {
    await this.pool.query(
      `INSERT INTO studio_published (scenario_id, version_id, draft_id, draft_version, published_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (scenario_id) DO UPDATE SET version_id = excluded.version_id, draft_id = excluded.draft_id,
         draft_version = excluded.draft_version, published_at = excluded.published_at`,
      [p.scenarioId, p.versionId, p.draftId, p.draftVersion, p.publishedAt],
    );
  }

  async recordUnpublished(scenarioId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("DELETE FROM studio_published WHERE scenario_id = $1", [
      scenarioId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async draftPlans(id: string): Promise<DraftPlans> {
    const { rows } = await this.pool.query<{ revision: number; saved_at: number; source: string }>(
      "SELECT revision, saved_at, source FROM studio_draft_plans WHERE draft_id = $1",
      [id],
    );
    const row = rows[0];
    return row
      ? { revision: row.revision, savedAt: Number(row.saved_at), source: row.source }
      : { revision: 0, savedAt: 0, source: "" };
  }

  async saveDraftPlans(id: string, baseRevision: number, source: string, at: number): Promise<DraftPlans> {
    const found = await this.pool.query("SELECT 1 FROM studio_drafts WHERE id = $1", [id]);
    if (found.rowCount === 0) throw new Error(`unknown draft ${id}`);
    // One statement that writes only over the revision the editor started from (the first save inserts).
    const { rowCount } =
      baseRevision === 0
        ? await this.pool.query(
            `INSERT INTO studio_draft_plans (draft_id, revision, saved_at, source) VALUES ($1, 1, $2, $3)
             ON CONFLICT DO NOTHING`,
            [id, at, source],
          )
        : await this.pool.query(
            `UPDATE studio_draft_plans SET revision = revision + 1, saved_at = $1, source = $2
             WHERE draft_id = $3 AND revision = $4`,
            [at, source, id, baseRevision],
          );
    if (rowCount !== 1) throw new PlansConflictError(id, (await this.draftPlans(id)).revision);
    return { revision: baseRevision + 1, savedAt: at, source };
  }

  async publishedScenarios(): Promise<PublishedScenario[]> {
    const { rows } = await this.pool.query<PublishedRow>(
      "SELECT * FROM studio_published ORDER BY scenario_id",
    );
    return rows.map(toPublished);
  }
}
