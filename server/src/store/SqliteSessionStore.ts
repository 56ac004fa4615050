import type { LearningStore } from "./LearningStore";
import { SqliteLearningStore } from "./SqliteLearningStore";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
// node:sqlite ships inside Node 22 itself: no native add-on to compile or download (better-sqlite3 needs a
// prebuilt binary matching the Node ABI), so `npm install` stays offline-safe and the server runs anywhere
// Node does. It is synchronous, which suits an append-only log written once per accepted event.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { AppendConflictError } from "./AppendConflictError";
import { DataDirectoryLockedError } from "./DataDirectoryLockedError";
import type { DraftStore } from "./DraftStore";
import { scenarioVersionId } from "./scenarioVersionId";
import { sessionRecordSchema } from "./SessionStore";
import type { LibraryPin, NewSession, SessionRecord, SessionStore, StoredEvent } from "./SessionStore";
import { migrateSqlite } from "./sqliteMigrations";
import { SqliteDraftStore } from "./SqliteDraftStore";
import { SqliteXapiOutboxStore } from "../xapi/SqliteXapiOutboxStore";
import type { XapiOutboxStore } from "../xapi/XapiOutboxStore";

/** Where the database lives: `$HOTSEAT_DATA_DIR/hotseat.sqlite`, by default `./data/hotseat.sqlite`. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(join(env.HOTSEAT_DATA_DIR ?? "data", "hotseat.sqlite"));
}

type SessionRow = {
  id: string;
  code: string;
  scenario_id: string;
  library: string | null;
  trainer_token_hash: string;
  created_at: number;
  status: string;
  finished_at: number | null;
};

// node:sqlite reports SQLITE_BUSY (5) or SQLITE_LOCKED (6) when another connection holds the database.
function isLocked(error: unknown): boolean {
  const code = (error as { errcode?: number }).errcode;
  return code === 5 || code === 6;
}

/** The durable store: one SQLite file holding every session, its event log, its result and the scenario versions. */
export class SqliteSessionStore implements SessionStore {
  private readonly db: DatabaseSync;
  private readonly insertEvent: StatementSync;
  readonly drafts: DraftStore;
  readonly learning: LearningStore;
  readonly xapi: XapiOutboxStore;

  /**
   * Opens (and on first start creates) the database file and its folder, migrates it to the newest schema,
   * and takes it for this process alone: a second process (or a second store in this one) gets a
   * `DataDirectoryLockedError`. The lock is SQLite's own file lock, so the OS drops it when the process
   * dies, even on kill -9: nothing goes stale.
   */
  constructor(readonly path: string = defaultDatabasePath()) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    try {
      // EXCLUSIVE before WAL: the WAL index then lives in this process's memory instead of a shared file, and
      // the first write below takes a lock that is held until close.
      this.db.exec("PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL;");
      // WAL keeps appends cheap and lets a crash (kill -9) lose at most the event being written.
      this.db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
      migrateSqlite(this.db);
      // A write now, even with nothing to migrate, so the lock is taken at start and not at the first vote.
      this.db.exec("BEGIN IMMEDIATE; COMMIT;");
    } catch (e) {
      this.db.close();
      throw isLocked(e) ? new DataDirectoryLockedError(path) : e;
    }
    // Prepared once: this insert runs for every accepted vote, so it is the store's hot path. It writes only
    // when the log ends where the writer expects, in the same statement, so the check cannot be raced.
    this.insertEvent = this.db.prepare(
      `INSERT INTO events (session_id, seq, at, event)
       SELECT ?, ?, ?, ? WHERE (SELECT COALESCE(MAX(seq), 0) FROM events WHERE session_id = ?) = ?`,
    );
    this.drafts = new SqliteDraftStore(this.db);
    this.learning = new SqliteLearningStore(this.db);
    this.xapi = new SqliteXapiOutboxStore(this.db);
  }

  createSession(session: NewSession): SessionRecord {
    this.db
      .prepare(
        `INSERT INTO sessions (id, code, scenario_id, library, trainer_token_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.id,
        session.code,
        session.scenarioId,
        JSON.stringify(session.library),
        session.trainerTokenHash,
        session.createdAt,
      );
    return { ...session, library: { ...session.library }, status: "live" };
  }

  appendEvent(sessionId: string, seq: number, event: unknown, at: number): void {
    const { changes } = this.insertEvent.run(sessionId, seq, at, JSON.stringify(event), sessionId, seq - 1);
    if (Number(changes) !== 1) throw new AppendConflictError(sessionId, seq - 1, this.lastSeq(sessionId));
  }

  events(sessionId: string): StoredEvent[] {
    const rows = this.db
      .prepare("SELECT seq, at, event FROM events WHERE session_id = ? ORDER BY seq")
      .all(sessionId) as { seq: number; at: number; event: string }[];
    return rows.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.event) as unknown }));
  }

  getSession(sessionId: string): SessionRecord | undefined {
    const row = this.db.prepare("SELECT * FROM sessions WHERE id = ?").get(sessionId) as
      SessionRow | undefined;
    return row && toRecord(row);
  }

  findByCode(code: string): SessionRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM sessions WHERE code = ? ORDER BY created_at DESC, rowid DESC LIMIT 1")
      .get(code) as SessionRow | undefined;
    return row && toRecord(row);
  }

  listSessions(status?: SessionRecord["status"]): SessionRecord[] {
    const rows = (
      status === undefined
        ? this.db.prepare("SELECT * FROM sessions ORDER BY created_at DESC, rowid DESC").all()
        : this.db
            .prepare("SELECT * FROM sessions WHERE status = ? ORDER BY created_at DESC, rowid DESC")
            .all(status)
    ) as SessionRow[];
    return rows.map(toRecord);
  }

  pinLibrary(sessionId: string, library: LibraryPin): void {
    const { changes } = this.db
      .prepare("UPDATE sessions SET library = ? WHERE id = ? AND library IS NULL")
      .run(JSON.stringify(library), sessionId);
    if (Number(changes) === 0)
      throw new Error(`session ${sessionId} is unknown or already has its library pinned`);
  }

  putVersion(source: string, at: number): string {
    const id = scenarioVersionId(source);
    this.db
      .prepare(
        "INSERT INTO scenario_versions (id, source, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      )
      .run(id, source, at);
    return id;
  }

  version(versionId: string): string | undefined {
    const row = this.db.prepare("SELECT source FROM scenario_versions WHERE id = ?").get(versionId) as
      { source: string } | undefined;
    return row?.source;
  }

  saveResult(sessionId: string, result: unknown, finishedAt: number): void {
    const { changes } = this.db
      .prepare("UPDATE sessions SET status = 'finished', finished_at = ?, result = ? WHERE id = ?")
      .run(finishedAt, JSON.stringify(result), sessionId);
    if (Number(changes) === 0) throw new Error(`unknown session ${sessionId}`);
  }

  result(sessionId: string): unknown {
    const row = this.db.prepare("SELECT result FROM sessions WHERE id = ?").get(sessionId) as
      { result: string | null } | undefined;
    return row?.result == null ? undefined : (JSON.parse(row.result) as unknown);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private lastSeq(sessionId: string): number {
    const row = this.db.prepare("SELECT MAX(seq) AS seq FROM events WHERE session_id = ?").get(sessionId) as
      { seq: number | null } | undefined;
    return row?.seq ?? 0;
  }
}

function toRecord(row: SessionRow): SessionRecord {
  return sessionRecordSchema.parse({
    id: row.id,
    code: row.code,
    scenarioId: row.scenario_id,
    ...(row.library !== null ? { library: JSON.parse(row.library) as unknown } : {}),
    trainerTokenHash: row.trainer_token_hash,
    createdAt: row.created_at,
    status: row.status,
    finishedAt: row.finished_at ?? undefined,
  });
}
