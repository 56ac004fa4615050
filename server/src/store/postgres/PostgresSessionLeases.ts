import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { SessionOwnedElsewhereError } from "../SessionLeases";
import type { SessionLeases } from "../SessionLeases";

// The database's clock in ms: every process judges expiry by the same clock, whatever its own says.
const dbNow = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

/**
 * Session leases in the `session_leases` table. Taking a lease another process holds is refused until it
 * expires; taking one over (or taking one for the first time) raises its fencing number, and the store's
 * appends name the fence they hold, so the database refuses the old owner's writes from that moment on.
 */
export class PostgresSessionLeases implements SessionLeases {
  /** This process's name in the table: host, pid and a random part, so a restarted process is a new owner. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly held = new Map<string, number>();

  constructor(
    private readonly pool: pg.Pool,
    readonly ttlMs: number,
  ) {}

  /** The fencing number this process holds for a session, if it holds its lease. */
  fenceOf(sessionId: string): number | undefined {
    return this.held.get(sessionId);
  }

  async acquire(sessionId: string): Promise<number> {
    const { rows } = await this.pool.query<{ fencing: number }>(
      `INSERT INTO session_leases (session_id, owner, fencing, expires_at)
       VALUES ($1, $2, 1, ${dbNow} + $3)
       ON CONFLICT (session_id) DO UPDATE SET
         fencing = CASE WHEN session_leases.owner = EXCLUDED.owner THEN session_leases.fencing
                        ELSE session_leases.fencing + 1 END,
         owner = EXCLUDED.owner,
         expires_at = EXCLUDED.expires_at
       WHERE session_leases.owner = EXCLUDED.owner OR session_leases.expires_at < ${dbNow}
       RETURNING fencing`,
      [sessionId, this.owner, this.ttlMs],
    );
    const fencing = rows[0]?.fencing;
    if (fencing !== undefined) {
      this.held.set(sessionId, Number(fencing));
      return Number(fencing);
    }
    this.held.delete(sessionId);
    const holder = await this.pool.query<{ owner: string }>(
      "SELECT owner FROM session_leases WHERE session_id = $1",
      [sessionId],
    );
    throw new SessionOwnedElsewhereError(sessionId, holder.rows[0]?.owner ?? "unknown");
  }

  /**
   * Takes the session's lease from `from` before it expires, because the caller knows that process is gone
   * (a cluster's presence says so): the fencing number grows, so `from` could not write even if it were
   * only stalled. Refused (SessionOwnedElsewhereError) if the lease changed hands meanwhile.
   */
  async takeOver(sessionId: string, from: string): Promise<number> {
    const { rows } = await this.pool.query<{ fencing: number }>(
      `UPDATE session_leases SET owner = $2, fencing = fencing + 1, expires_at = ${dbNow} + $4
       WHERE session_id = $1 AND owner = $3 RETURNING fencing`,
      [sessionId, this.owner, from, this.ttlMs],
    );
    const fencing = rows[0]?.fencing;
    if (fencing === undefined) return this.acquire(sessionId);
    this.held.set(sessionId, Number(fencing));
    return Number(fencing);
  }

  async renew(): Promise<void> {
    if (this.held.size === 0) return;
    // One statement for every session this process runs; a lease taken over meanwhile is not renewed (the
    // owner no longer matches) and the next append there is refused by its fence.
    await this.pool.query(`UPDATE session_leases SET expires_at = ${dbNow} + $2 WHERE owner = $1`, [
      this.owner,
      this.ttlMs,
    ]);
  }

  async release(sessionId?: string): Promise<void> {
    // Expired rather than deleted: the fencing number must only ever grow.
    if (sessionId === undefined) {
      this.held.clear();
      await this.pool.query("UPDATE session_leases SET expires_at = 0 WHERE owner = $1", [this.owner]);
      return;
    }
    this.held.delete(sessionId);
    await this.pool.query("UPDATE session_leases SET expires_at = 0 WHERE owner = $1 AND session_id = $2", [
      this.owner,
      sessionId,
    ]);
  }
}
