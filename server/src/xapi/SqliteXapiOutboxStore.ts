import type { DatabaseSync } from "node:sqlite";
import type {
  LrsConfig,
  NewOutboxStatement,
  OutboxEntry,
  OutboxStatus,
  XapiOutboxStore,
} from "./XapiOutboxStore";
import { outboxValues, toEntry } from "./outboxRows";
import type { OutboxRow as Row } from "./outboxRows";

/** The outbox in the server's SQLite database (the tables of the xAPI outbox migration). */
export class SqliteXapiOutboxStore implements XapiOutboxStore {
  constructor(private readonly db: DatabaseSync) {}

  enqueue(groupId: string, statements: readonly NewOutboxStatement[], at: number): string[] {
    const insert = this.db.prepare(
      `INSERT INTO xapi_outbox
         (statement_id, group_id, learner_id, statement, status, reason, queued_at, done_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (statement_id) DO NOTHING`,
    );
    const added: string[] = [];
    // One transaction: a decision's statements go in together or not at all, in their order.
    this.db.exec("BEGIN IMMEDIATE");
    try {
      for (const s of statements) {
        const { changes } = insert.run(...outboxValues(groupId, s, at));
        if (Number(changes) === 1) added.push(s.statementId);
      }
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
    return added;
  }

  known(statementIds: readonly string[]): Set<string> {
    if (statementIds.length === 0) return new Set();
    // One query for the lot: a session's whole record is asked about after every decision.
    const rows = this.db
      .prepare("SELECT statement_id FROM xapi_outbox WHERE statement_id IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(statementIds)) as { statement_id: string }[];
    return new Set(rows.map((r) => r.statement_id));
  }

  queued(groupId: string, limit: number): OutboxEntry[] {
    const rows = this.db
      .prepare("SELECT * FROM xapi_outbox WHERE group_id = ? AND status = 'queued' ORDER BY position LIMIT ?")
      .all(groupId, limit) as Row[];
    return rows.map(toEntry);
  }

  markSent(statementIds: readonly string[], at: number): void {
    const update = this.db.prepare(
      "UPDATE xapi_outbox SET status = 'sent', done_at = ? WHERE statement_id = ? AND status = 'queued'",
    );
    this.db.exec("BEGIN IMMEDIATE");
    try {
      for (const id of statementIds) update.run(at, id);
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  markRejected(statementId: string, reason: string, at: number): void {
    this.db
      .prepare(
        `UPDATE xapi_outbox SET status = 'rejected', reason = ?, done_at = ?
         WHERE statement_id = ? AND status = 'queued'`,
      )
      .run(reason, at, statementId);
  }

  entries(groupId: string, status?: OutboxStatus): OutboxEntry[] {
    const rows = (
      status === undefined
        ? this.db.prepare("SELECT * FROM xapi_outbox WHERE group_id = ? ORDER BY position").all(groupId)
        : this.db
            .prepare("SELECT * FROM xapi_outbox WHERE group_id = ? AND status = ? ORDER BY position")
            .all(groupId, status)
    ) as Row[];
    return rows.map(toEntry);
  }

  groupsWithQueued(): string[] {
    const rows = this.db
      .prepare(
        "SELECT group_id FROM xapi_outbox WHERE status = 'queued' GROUP BY group_id ORDER BY MIN(position)",
      )
      .all() as { group_id: string }[];
    return rows.map((r) => r.group_id);
  }

  setLrs(groupId: string, config: LrsConfig | undefined, at: number): void {
    if (config === undefined) {
      this.db.prepare("DELETE FROM xapi_lrs WHERE group_id = ?").run(groupId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO xapi_lrs (group_id, endpoint, key, secret, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (group_id) DO UPDATE SET endpoint = excluded.endpoint, key = excluded.key,
           secret = excluded.secret, updated_at = excluded.updated_at`,
      )
      .run(groupId, config.endpoint, config.key, config.secret, at);
  }

  lrs(groupId: string): LrsConfig | undefined {
    const row = this.db
      .prepare("SELECT endpoint, key, secret FROM xapi_lrs WHERE group_id = ?")
      .get(groupId) as LrsConfig | undefined;
    return row && { endpoint: row.endpoint, key: row.key, secret: row.secret };
  }

  forgetLearner(learnerId: string): void {
    this.db.prepare("DELETE FROM xapi_outbox WHERE learner_id = ?").run(learnerId);
  }

  forgetGroup(groupId: string): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.db.prepare("DELETE FROM xapi_outbox WHERE group_id = ?").run(groupId);
      this.db.prepare("DELETE FROM xapi_lrs WHERE group_id = ?").run(groupId);
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  markPending(sessionId: string): void {
    this.db.prepare("INSERT INTO xapi_pending (session_id) VALUES (?) ON CONFLICT DO NOTHING").run(sessionId);
  }

  clearPending(sessionId: string): void {
    this.db.prepare("DELETE FROM xapi_pending WHERE session_id = ?").run(sessionId);
  }

  pendingSessions(): string[] {
    const rows = this.db.prepare("SELECT session_id FROM xapi_pending").all() as { session_id: string }[];
    return rows.map((r) => r.session_id);
  }
}
