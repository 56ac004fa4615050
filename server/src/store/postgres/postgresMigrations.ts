import type { PoolClient } from "pg";

/**
 * The PostgreSQL schema as numbered steps, recorded in `schema_migrations`; a released step never changes.
 * The shape follows the SQLite store's (sqliteMigrations.ts) so both answer the same contract. Times are
 * server milliseconds (BIGINT); JSON is kept as text exactly as written, like SQLite's.
 */
export const postgresMigrations: readonly string[] = [
  // 1: sessions, their event logs (one stream per session, the primary key refuses a second seq N),
  // results, scenario versions and the Studio's drafts.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    library TEXT,
    trainer_token_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_order BIGSERIAL,
    status TEXT NOT NULL DEFAULT 'live',
    finished_at BIGINT,
    result TEXT
  );
  CREATE INDEX sessions_code ON sessions (code, created_at);
  CREATE TABLE events (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    at BIGINT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  );
  CREATE TABLE scenario_versions (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE studio_drafts (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE studio_draft_versions (
    draft_id TEXT NOT NULL REFERENCES studio_drafts (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    saved_at BIGINT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
  );
  CREATE TABLE studio_published (
    scenario_id TEXT PRIMARY KEY,
    version_id TEXT NOT NULL REFERENCES scenario_versions (id),
    draft_id TEXT NOT NULL,
    draft_version INTEGER NOT NULL,
    published_at BIGINT NOT NULL
  );
  `,
  // 2: session leases: which process writes a session's log, and the fencing number its appends carry.
  `
  CREATE TABLE session_leases (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id),
    owner TEXT NOT NULL,
    fencing BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX session_leases_owner ON session_leases (owner);
  `,
  // 3: each Studio draft's test plans (the text of a plans file), saved apart from the draft's versions so
  // editing a plan never makes a new scenario version; they go with their draft.
  `
  CREATE TABLE studio_draft_plans (
    draft_id TEXT PRIMARY KEY REFERENCES studio_drafts (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    saved_at BIGINT NOT NULL,
    source TEXT NOT NULL
  );
  `,
  // 4 (learning record): groups, their rosters (keys as hashes only), the ids of deleted learners (no
  // personal data: group aggregates keep counting their decisions) and each group session's group. The
  // `*_order` columns keep insertion order, which the contract answers in (SQLite's rowid).
  `
  CREATE TABLE learning_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    open_roster BOOLEAN NOT NULL,
    key_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX learning_groups_key ON learning_groups (key_hash);
  CREATE TABLE learners (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups (id),
    display_name TEXT NOT NULL,
    employee_id TEXT,
    email TEXT,
    key_hash TEXT UNIQUE,
    renew_hash TEXT UNIQUE,
    renew_expires_at BIGINT,
    created_at BIGINT NOT NULL,
    added_order BIGSERIAL
  );
  CREATE INDEX learners_group ON learners (group_id, created_at, added_order);
  CREATE TABLE forgotten_learners (
    learner_id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL,
    forgotten_order BIGSERIAL
  );
  CREATE INDEX forgotten_learners_group ON forgotten_learners (group_id);
  CREATE TABLE session_groups (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id),
    group_id TEXT NOT NULL,
    attached_order BIGSERIAL
  );
  CREATE INDEX session_groups_group ON session_groups (group_id, attached_order);
  `,
  // 5 (xAPI): the outbox of statements for each group's LRS, in recorded order (position), each id once,
  // with the learner it is about (deleted with them); each group's LRS (its secret is kept to sign requests
  // and never answered back); the group sessions whose newest events are not yet recorded as statements.
  `
  CREATE TABLE xapi_outbox (
    position BIGSERIAL PRIMARY KEY,
    statement_id TEXT NOT NULL UNIQUE,
    group_id TEXT NOT NULL,
    learner_id TEXT NOT NULL,
    statement TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    queued_at BIGINT NOT NULL,
    done_at BIGINT
  );
  CREATE INDEX xapi_outbox_queue ON xapi_outbox (group_id, status, position);
  CREATE INDEX xapi_outbox_learner ON xapi_outbox (learner_id);
  CREATE TABLE xapi_lrs (
    group_id TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL,
    key TEXT NOT NULL,
    secret TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE xapi_pending (session_id TEXT PRIMARY KEY);
  `,
];

// Any fixed number: every Hotseat process migrating one database waits for the others on this lock.
const migrationLock = 0x686f7473;

/**
 * Brings the database to the newest schema, one transaction per step, under an advisory lock so processes
 * started together migrate once; returns the version it is at. Refuses a database newer than this code.
 */
export async function migratePostgres(client: PoolClient): Promise<number> {
  await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
  try {
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT MAX(version) AS v FROM schema_migrations",
    );
    const from = rows[0]?.v ?? 0;
    if (from > postgresMigrations.length)
      throw new Error(
        `The database is at schema version ${from}, newer than this Hotseat knows (${postgresMigrations.length}); run a newer Hotseat.`,
      );
    for (let version = from + 1; version <= postgresMigrations.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(postgresMigrations[version - 1]!);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    }
    return postgresMigrations.length;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]);
  }
}
