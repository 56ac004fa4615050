import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
// node:sqlite ships inside Node 22 itself: no native add-on to compile or download (better-sqlite3 needs a
// prebuilt binary matching the Node ABI), so `npm install` stays offline-safe and the server runs anywhere
// Node does. It is synchronous, which suits an append-only log written once per accepted event.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { sessionRecordSchema } from "./SessionStore";
import type { NewSession, SessionRecord, SessionStore, StoredEvent } from "./SessionStore";

/** Where the database lives: `$HOTSEAT_DATA_DIR/hotseat.sqlite`, by default `./data/hotseat.sqlite`. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(join(env.HOTSEAT_DATA_DIR ?? "data", "hotseat.sqlite"));
}

type SessionRow = {
  id: string;
  code: string;
  scenario_id: string;
  scenario_source: string;
  scenario_file: string;
  options: string;
  trainer_token_hash: string;
  created_at: number;
  status: string;
  finished_at: number | null;
};

const schemaSql = `
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
`;

/** The durable store: one SQLite file holding every session, its event log and its result. */
export class SqliteSessionStore implements SessionStore {
  private readonly db: DatabaseSync;
  private readonly nextSeq = new Map<string, number>();
  private readonly insertEvent: StatementSync;

  /** Opens (and on first start creates) the database file and its folder. */
  constructor(readonly path: string = defaultDatabasePath()) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // WAL keeps appends cheap and lets a crash (kill -9) lose at most the event being written.
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    this.db.exec(schemaSql);
    // Prepared once: this insert runs for every accepted vote, so it is the store's hot path.
    this.insertEvent = this.db.prepare("INSERT INTO events (session_id, seq, at, event) VALUES (?, ?, ?, ?)");
  }

  createSession(session: NewSession): SessionRecord {
    this.db
      .prepare(
        `INSERT INTO sessions (id, code, scenario_id, scenario_source, scenario_file, options, trainer_token_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.id,
        session.code,
        session.scenarioId,
        session.scenarioSource,
        session.scenarioFile,
        JSON.stringify(session.options ?? null),
        session.trainerTokenHash,
        session.createdAt,
      );
    this.nextSeq.set(session.id, 1);
    return { ...session, status: "live" };
  }

  appendEvent(sessionId: string, event: unknown, at: number): number {
    const seq = this.nextSeq.get(sessionId) ?? this.lastSeq(sessionId) + 1;
    this.insertEvent.run(sessionId, seq, at, JSON.stringify(event));
    this.nextSeq.set(sessionId, seq + 1);
    return seq;
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
    scenarioSource: row.scenario_source,
    scenarioFile: row.scenario_file,
    options: JSON.parse(row.options) as unknown,
    trainerTokenHash: row.trainer_token_hash,
    createdAt: row.created_at,
    status: row.status,
    finishedAt: row.finished_at ?? undefined,
  });
}
