import pg from "pg";
import { AppendConflictError } from "../AppendConflictError";
import type {
  AsyncDraftStore,
  AsyncLearningStore,
  AsyncSessionStore,
  AsyncXapiOutboxStore,
} from "../AsyncSessionStore";
import { scenarioVersionId } from "../scenarioVersionId";
import { sessionRecordSchema } from "../SessionStore";
import type { LibraryPin, NewSession, SessionRecord, StoredEvent } from "../SessionStore";
import { migratePostgres } from "./postgresMigrations";
import { PostgresDraftStore } from "./PostgresDraftStore";
import { PostgresLearningStore } from "./PostgresLearningStore";
import { PostgresXapiOutboxStore } from "./PostgresXapiOutboxStore";
import { PostgresSessionLeases } from "./PostgresSessionLeases";

type SessionRow = {
  id: string;
  code: string;
  scenario_id: string;
  library: string | null;
  trainer_token_hash: string;
  created_at: string;
  status: string;
  finished_at: string | null;
};

// SQLSTATE for a unique violation: a second writer took the same (session_id, seq) first.
const uniqueViolation = "23505";

/**
 * The store on a PostgreSQL server (`HOTSEAT_DATABASE_URL=postgres://…`), so several processes share one
 * event log. The exclusive writer is the database's: an append inserts seq N only while the log ends at
 * N - 1, and the primary key (session_id, seq) refuses the loser of a race between two such inserts.
 */
export class PostgresSessionStore implements AsyncSessionStore {
  readonly drafts: AsyncDraftStore;
  readonly leases: PostgresSessionLeases;
  readonly learning: AsyncLearningStore;
  readonly xapi: AsyncXapiOutboxStore;

  private constructor(
    private readonly pool: pg.Pool,
    leaseMs: number,
  ) {
    this.drafts = new PostgresDraftStore(pool);
    this.leases = new PostgresSessionLeases(pool, leaseMs);
    this.learning = new PostgresLearningStore(pool);
    this.xapi = new PostgresXapiOutboxStore(pool);
  }

  /**
   * Connects and migrates the schema to the newest version before answering anything. A session's lease
   * lasts `leaseMs` without renewal: how long its sessions wait for a process that died without a word.
   */
  static async open(connectionString: string, leaseMs = 15_000): Promise<PostgresSessionStore> {
    // BIGINT (oid 20) as a number: every BIGINT here is a ms timestamp, far below 2^53.
    const types: pg.CustomTypesConfig = {
      getTypeParser: ((oid: number) =>
        oid === 20
          ? Number
          : (pg.types.getTypeParser(oid, "text") as (
              text: string,
            ) => unknown)) as pg.CustomTypesConfig["getTypeParser"],
    };
    const pool = new pg.Pool({ connectionString, max: 8, types });
    // An idle connection the server dropped (a restart, a failover) is replaced on the next query; without
    // a listener node-postgres would throw it as an unhandled error and end the process.
    pool.on("error", () => {});
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresSessionStore(pool, leaseMs);
  }

  async createSession(session: NewSession): Promise<SessionRecord> {
    await this.pool.query(
      `INSERT INTO sessions (id, code, scenario_id, library, trainer_token_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        session.id,
        session.code,
        session.scenarioId,
        JSON.stringify(session.library),
        session.trainerTokenHash,
        session.createdAt,
      ],
    );
    return { ...session, library: { ...session.library }, status: "live" };
  }

  async appendEvent(sessionId: string, seq: number, event: unknown, at: number): Promise<void> {
    try {
      // One statement, committed before it answers: the promise settles only once the event is durable.
      // While this process holds the session's lease, the insert also needs the lease to still carry its
      // fence: once another process took the session over, this one's appends are refused.
      const fence = this.leases.fenceOf(sessionId);
      const head = "(SELECT COALESCE(MAX(seq), 0) FROM events WHERE session_id = $1) = $5";
      const { rowCount } =
        fence === undefined
          ? await this.pool.query(
              `INSERT INTO events (session_id, seq, at, event) SELECT $1, $2, $3, $4 WHERE ${head}`,
              [sessionId, seq, at, JSON.stringify(event), seq - 1],
            )
          : await this.pool.query(
              `INSERT INTO events (session_id, seq, at, event) SELECT $1, $2, $3, $4 WHERE ${head}
               AND EXISTS (SELECT 1 FROM session_leases WHERE session_id = $1 AND owner = $6 AND fencing = $7)`,
              [sessionId, seq, at, JSON.stringify(event), seq - 1, this.leases.owner, fence],
            );
      if (rowCount === 1) return;
    } catch (e) {
      if ((e as { code?: string }).code !== uniqueViolation) throw e;
    }
    throw new AppendConflictError(sessionId, seq - 1, await this.lastSeq(sessionId));
  }

  async events(sessionId: string): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<{ seq: number; at: string; event: string }>(
      "SELECT seq, at, event FROM events WHERE session_id = $1 ORDER BY seq",
      [sessionId],
    );
    return rows.map((r) => ({ seq: r.seq, at: Number(r.at), event: JSON.parse(r.event) as unknown }));
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRow>("SELECT * FROM sessions WHERE id = $1", [sessionId]);
    return rows[0] && toRecord(rows[0]);
  }

  async findByCode(code: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRow>(
      "SELECT * FROM sessions WHERE code = $1 ORDER BY created_at DESC, created_order DESC LIMIT 1",
      [code],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async listSessions(status?: SessionRecord["status"]): Promise<SessionRecord[]> {
    const { rows } =
      status === undefined
        ? await this.pool.query<SessionRow>(
            "SELECT * FROM sessions ORDER BY created_at DESC, created_order DESC",
          )
        : await this.pool.query<SessionRow>(
            "SELECT * FROM sessions WHERE status = $1 ORDER BY created_at DESC, created_order DESC",
            [status],
          );
    return rows.map(toRecord);
  }

  async pinLibrary(sessionId: string, library: LibraryPin): Promise<void> {
    const { rowCount } = await this.pool.query(
      "UPDATE sessions SET library = $1 WHERE id = $2 AND library IS NULL",
      [JSON.stringify(library), sessionId],
    );
    if (rowCount === 0) throw new Error(`session ${sessionId} is unknown or already has its library pinned`);
  }

  async putVersion(source: string, at: number): Promise<string> {
    const id = scenarioVersionId(source);
    await this.pool.query(
      "INSERT INTO scenario_versions (id, source, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      [id, source, at],
    );
    return id;
  }

  async version(versionId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ source: string }>(
      "SELECT source FROM scenario_versions WHERE id = $1",
      [versionId],
    );
    return rows[0]?.source;
  }

  async saveResult(sessionId: string, result: unknown, finishedAt: number): Promise<void> {
    const { rowCount } = await this.pool.query(
      "UPDATE sessions SET status = 'finished', finished_at = $1, result = $2 WHERE id = $3",
      [finishedAt, JSON.stringify(result), sessionId],
    );
    if (rowCount === 0) throw new Error(`unknown session ${sessionId}`);
  }

  async result(sessionId: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ result: string | null }>(
      "SELECT result FROM sessions WHERE id = $1",
      [sessionId],
    );
    const saved = rows[0]?.result;
    return saved == null ? undefined : (JSON.parse(saved) as unknown);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async lastSeq(sessionId: string): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number | null }>(
      "SELECT MAX(seq) AS seq FROM events WHERE session_id = $1",
      [sessionId],
    );
    return rows[0]?.seq ?? 0;
  }
}

function toRecord(row: SessionRow): SessionRecord {
  return sessionRecordSchema.parse({
    id: row.id,
    code: row.code,
    scenarioId: row.scenario_id,
    ...(row.library !== null ? { library: JSON.parse(row.library) as unknown } : {}),
    trainerTokenHash: row.trainer_token_hash,
    // BIGINT arrives as a string from node-postgres (it may exceed 2^53); ms timestamps never do.
    createdAt: Number(row.created_at),
    status: row.status,
    finishedAt: row.finished_at === null ? undefined : Number(row.finished_at),
  });
}
