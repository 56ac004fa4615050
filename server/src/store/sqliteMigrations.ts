import type { DatabaseSync } from "node:sqlite";

/**
 * The schema as a list of steps; step N brings a database from `PRAGMA user_version = N - 1` to N. A step
 * never changes once released: a new need is a new step, so every database on disk gets to the same shape.
 */
export const sqliteMigrations: readonly string[] = [
  // 1: sessions, their event logs and results. `IF NOT EXISTS`, because databases made before versioned
  // migrations already have these tables at user_version 0.
  `
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_source TEXT NOT NULL,
    scenario_file TEXT NOT NULL,
    options TEXT NOT NULL,
    trainer_token_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'live',
    finished_at INTEGER,
    result TEXT
  );
  CREATE INDEX IF NOT EXISTS sessions_code ON sessions (code, created_at);
  CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  ) WITHOUT ROWID;
  `,
  // 2: scenario versions, and each session's pinned library (NULL for sessions hosted before: pinned on
  // their next resume). The three columns that were always written empty go.
  `
  CREATE TABLE scenario_versions (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  ALTER TABLE sessions ADD COLUMN library TEXT;
  ALTER TABLE sessions DROP COLUMN scenario_source;
  ALTER TABLE sessions DROP COLUMN scenario_file;
  ALTER TABLE sessions DROP COLUMN options;
  `,
  // 3: the Studio's drafts, every saved version of each, and the scenarios published from them (the
  // published text itself is a row of scenario_versions, like every other version a session can pin).
  `
  CREATE TABLE studio_drafts (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE studio_draft_versions (
    draft_id TEXT NOT NULL REFERENCES studio_drafts (id),
    version INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
  ) WITHOUT ROWID;
  CREATE TABLE studio_published (
    scenario_id TEXT PRIMARY KEY,
    version_id TEXT NOT NULL REFERENCES scenario_versions (id),
    draft_id TEXT NOT NULL,
    draft_version INTEGER NOT NULL,
    published_at INTEGER NOT NULL
  );
  `,
  // 4: each Studio draft's test plans, the text of a plans file, saved apart from the draft's versions so
  // editing a plan never makes a new scenario version.
  `
  CREATE TABLE studio_draft_plans (
    draft_id TEXT PRIMARY KEY REFERENCES studio_drafts (id),
    revision INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    source TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 5 (learning record): groups, their rosters (keys as hashes only), the ids of deleted learners (no
  // personal data: group aggregates keep counting their decisions) and each group session's group.
  `
  CREATE TABLE learning_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    open_roster INTEGER NOT NULL,
    key_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX learning_groups_key ON learning_groups (key_hash);
  CREATE TABLE learners (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups (id),
    display_name TEXT NOT NULL,
    employee_id TEXT,
    email TEXT,
    key_hash TEXT UNIQUE,
    renew_hash TEXT UNIQUE,
    renew_expires_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX learners_group ON learners (group_id);
  CREATE TABLE forgotten_learners (
    learner_id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL
  );
  CREATE TABLE session_groups (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id),
    group_id TEXT NOT NULL
  );
  `,
  // 6 (xAPI): the outbox of statements for each group's LRS, in recorded order (position), each id once,
  // with the learner it is about (deleted with them); each group's LRS (its secret is kept to sign requests
  // and never answered back); the group sessions whose newest events are not yet recorded as statements.
  `
  CREATE TABLE xapi_outbox (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id TEXT NOT NULL UNIQUE,
    group_id TEXT NOT NULL,
    learner_id TEXT NOT NULL,
    statement TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    queued_at INTEGER NOT NULL,
    done_at INTEGER
  );
  CREATE INDEX xapi_outbox_queue ON xapi_outbox (group_id, status, position);
  CREATE INDEX xapi_outbox_learner ON xapi_outbox (learner_id);
  CREATE TABLE xapi_lrs (
    group_id TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL,
    key TEXT NOT NULL,
    secret TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE xapi_pending (session_id TEXT PRIMARY KEY) WITHOUT ROWID;
  `,
];

/** Brings the database up to the newest schema, one transaction per step; returns the version it is at. */
export function migrateSqlite(db: DatabaseSync): number {
  const { user_version: from } = db.prepare("PRAGMA user_version").get() as { user_version: number };
  if (from > sqliteMigrations.length) {
    throw new Error(
      `The database is at schema version ${from}, newer than this Hotseat knows (${sqliteMigrations.length}); run a newer Hotseat.`,
    );
  }
  for (let version = from + 1; version <= sqliteMigrations.length; version++) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(sqliteMigrations[version - 1]!);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec("COMMIT");
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  }
  return sqliteMigrations.length;
}
