import type pg from "pg";
import { outboxValues, toEntry } from "../../xapi/outboxRows";
import type { OutboxRow } from "../../xapi/outboxRows";
import type { LrsConfig, NewOutboxStatement, OutboxEntry, OutboxStatus } from "../../xapi/XapiOutboxStore";
import type { AsyncXapiOutboxStore } from "../AsyncSessionStore";
import { inTransaction } from "./inTransaction";

// The first key of the two-key advisory locks below (any fixed numbers); the second is the group's hash.
// A hash shared by two groups only makes one wait for the other now and then.
const enqueueLock = 0x78617069; // "xapi"
const sendLock = 0x78736e64; // "xsnd"

/**
 * The xAPI outbox on the PostgreSQL server (migration 5), shared by every Hotseat process of the database.
 * In log order: a group's enqueues take turns (a transaction-scoped lock), so positions are handed out in
 * the order transactions commit and a sender never sees a later statement before an earlier one. Nothing
 * lost or doubled: a decision's statements go in in one transaction, a statement id at most once, and a
 * row leaves the queue only once the LRS accepted it (a crash in between resends the same id, which an LRS
 * keeps once). One sender per group across processes: {@link sendingAlone}.
 */
export class PostgresXapiOutboxStore implements AsyncXapiOutboxStore {
  constructor(private readonly pool: pg.Pool) {}

  async enqueue(groupId: string, statements: readonly NewOutboxStatement[], at: number): Promise<string[]> {
    if (statements.length === 0) return [];
    return inTransaction(this.pool, async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [enqueueLock, groupId]);
      const added: string[] = [];
      for (const s of statements) {
        const { rowCount } = await c.query(
          `INSERT INTO xapi_outbox (statement_id, group_id, learner_id, statement, status, reason, queued_at, done_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (statement_id) DO NOTHING`,
          outboxValues(groupId, s, at),
        );
        if (rowCount === 1) added.push(s.statementId);
      }
      return added;
    });
  }

  async known(statementIds: readonly string[]): Promise<Set<string>> {
    if (statementIds.length === 0) return new Set();
    const { rows } = await this.pool.query<{ statement_id: string }>(
      "SELECT statement_id FROM xapi_outbox WHERE statement_id = ANY($1)",
      [statementIds],
    );
    return new Set(rows.map((r) => r.statement_id));
  }

  async queued(groupId: string, limit: number): Promise<OutboxEntry[]> {
    const { rows } = await this.pool.query<OutboxRow>(
      "SELECT * FROM xapi_outbox WHERE group_id = $1 AND status = 'queued' ORDER BY position LIMIT $2",
      [groupId, limit],
    );
    return rows.map(toEntry);
  }

  async markSent(statementIds: readonly string[], at: number): Promise<void> {
    if (statementIds.length === 0) return;
    await this.pool.query(
      "UPDATE xapi_outbox SET status = 'sent', done_at = $1 WHERE statement_id = ANY($2) AND status = 'queued'",
      [at, statementIds],
    );
  }

  async markRejected(statementId: string, reason: string, at: number): Promise<void> {
    await this.pool.query(
      `UPDATE xapi_outbox SET status = 'rejected', reason = $1, done_at = $2
       WHERE statement_id = $3 AND status = 'queued'`,
      [reason, at, statementId],
    );
  }

  async entries(groupId: string, status?: OutboxStatus): Promise<OutboxEntry[]> {
    const { rows } =
      status === undefined
        ? await this.pool.query<OutboxRow>(
            "SELECT * FROM xapi_outbox WHERE group_id = $1 ORDER BY position",
            [groupId],
          )
        : await this.pool.query<OutboxRow>(
            "SELECT * FROM xapi_outbox WHERE group_id = $1 AND status = $2 ORDER BY position",
            [groupId, status],
          );
    return rows.map(toEntry);
  }

  async groupsWithQueued(): Promise<string[]> {
    const { rows } = await this.pool.query<{ group_id: string }>(
      "SELECT group_id FROM xapi_outbox WHERE status = 'queued' GROUP BY group_id ORDER BY MIN(position)",
    );
    return rows.map((r) => r.group_id);
  }

  async setLrs(groupId: string, config: LrsConfig | undefined, at: number): Promise<void> {
    if (config === undefined) {
      await this.pool.query("DELETE FROM xapi_lrs WHERE group_id = $1", [groupId]);
      return;
    }
    await this.pool.query(
      `INSERT INTO xapi_lrs (group_id, endpoint, key, secret, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (group_id) DO UPDATE SET endpoint = excluded.endpoint, key = excluded.key,
         secret = excluded.secret, updated_at = excluded.updated_at`,
      [groupId, config.endpoint, config.key, config.secret, at],
    );
  }

  async lrs(groupId: string): Promise<LrsConfig | undefined> {
    const { rows } = await this.pool.query<LrsConfig>(
      "SELECT endpoint, key, secret FROM xapi_lrs WHERE group_id = $1",
      [groupId],
    );
    const row = rows[0];
    return row && { endpoint: row.endpoint, key: row.key, secret: row.secret };
  }

  async forgetLearner(learnerId: string): Promise<void> {
    await this.pool.query("DELETE FROM xapi_outbox WHERE learner_id = $1", [learnerId]);
  }

  async forgetGroup(groupId: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query("DELETE FROM xapi_outbox WHERE group_id = $1", [groupId]);
      await c.query("DELETE FROM xapi_lrs WHERE group_id = $1", [groupId]);
    });
  }

  async markPending(sessionId: string): Promise<void> {
    await this.pool.query("INSERT INTO xapi_pending (session_id) VALUES ($1) ON CONFLICT DO NOTHING", [
      sessionId,
    ]);
  }

  async clearPending(sessionId: string): Promise<void> {
    await this.pool.query("DELETE FROM xapi_pending WHERE session_id = $1", [sessionId]);
  }

  async pendingSessions(): Promise<string[]> {
    const { rows } = await this.pool.query<{ session_id: string }>("SELECT session_id FROM xapi_pending");
    return rows.map((r) => r.session_id);
  }

  /**
   * A session-scoped advisory lock on one connection held for the whole drain: another process asking for
   * the group is told no at once (it does not wait), and a process that dies loses its connection and with
   * it the lock, so the queue is never orphaned.
   */
  async sendingAlone<T>(groupId: string, send: () => Promise<T>): Promise<T | undefined> {
    const client = await this.pool.connect();
    // Held idle while the LRS answers: a connection lost then is reported here, not as an unhandled error,
    // and the client is closed on release (its lock went with the connection).
    let lost: Error | undefined;
    const onError = (e: Error) => (lost = e);
    client.on("error", onError);
    let locked = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
        [sendLock, groupId],
      );
      locked = rows[0]?.locked === true;
      if (!locked) return undefined;
      return await send();
    } finally {
      if (locked && lost === undefined)
        await client
          .query("SELECT pg_advisory_unlock($1, hashtext($2))", [sendLock, groupId])
          .catch((e: unknown) => {
            // A connection that cannot unlock is closed instead of pooled: closing it frees the lock.
            lost = e instanceof Error ? e : new Error(String(e));
          });
      client.off("error", onError);
      client.release(lost);
    }
  }
}
