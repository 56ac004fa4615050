import type { DraftHead, DraftVersion, PublishedScenario } from "./DraftStore";

/**
 * The drafts' rows as both SQL stores read them (SqliteDraftStore, PostgresDraftStore): one mapping, so the
 * two cannot drift apart in what a draft answers.
 */
export type VersionRow = { version: number; saved_at: number; source: string };
export type HeadRow = VersionRow & { id: string; created_at: number; published_version: number | null };
export type PublishedRow = {
  scenario_id: string;
  version_id: string;
  draft_id: string;
  draft_version: number;
  published_at: number;
};

/**
 * The newest version of each draft with the version last published from it; `newestLast` breaks a tie of
 * publishing times (the database's own insertion order where it has one).
 */
export const draftHeadQuery = (newestLast: string) => `
  SELECT d.id, d.created_at, v.version, v.saved_at, v.source,
    (SELECT p.draft_version FROM studio_published p WHERE p.draft_id = d.id
      ORDER BY p.published_at DESC, ${newestLast} DESC LIMIT 1) AS published_version
  FROM studio_drafts d JOIN studio_draft_versions v ON v.draft_id = d.id
  WHERE v.version = (SELECT MAX(version) FROM studio_draft_versions WHERE draft_id = d.id)`;

export function toHead(row: HeadRow): DraftHead {
  return {
    id: row.id,
    createdAt: row.created_at,
    version: row.version,
    savedAt: row.saved_at,
    source: row.source,
    ...(row.published_version !== null ? { publishedVersion: row.published_version } : {}),
  };
}

export const toVersion = (row: VersionRow): DraftVersion => ({
  version: row.version,
  savedAt: row.saved_at,
  source: row.source,
});

export const toPublished = (r: PublishedRow): PublishedScenario => ({
  scenarioId: r.scenario_id,
  versionId: r.version_id,
  draftId: r.draft_id,
  draftVersion: r.draft_version,
  publishedAt: r.published_at,
});
