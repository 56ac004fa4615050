import type { NewOutboxStatement, OutboxEntry, OutboxStatus } from "./XapiOutboxStore";

/**
 * An outbox row as both SQL stores read it (SqliteXapiOutboxStore, PostgresXapiOutboxStore): one mapping,
 * so the two cannot drift apart in what an entry answers.
 */
export type OutboxRow = {
  position: number;
  statement_id: string;
  group_id: string;
  learner_id: string;
  statement: string;
  status: OutboxStatus;
  reason: string | null;
  queued_at: number;
  done_at: number | null;
};

export function toEntry(row: OutboxRow): OutboxEntry {
  return {
    position: row.position,
    statementId: row.statement_id,
    groupId: row.group_id,
    learnerId: row.learner_id,
    statement: JSON.parse(row.statement) as unknown,
    status: row.status,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    queuedAt: row.queued_at,
    ...(row.done_at !== null ? { doneAt: row.done_at } : {}),
  };
}

/**
 * A new statement's columns in insert order (statement_id, group_id, learner_id, statement, status, reason,
 * queued_at, done_at): queued, or set aside at once with its reason when it is known to be invalid.
 */
export function outboxValues(groupId: string, s: NewOutboxStatement, at: number) {
  const rejected = s.rejectedBecause !== undefined;
  return [
    s.statementId,
    groupId,
    s.learnerId,
    JSON.stringify(s.statement),
    rejected ? "rejected" : "queued",
    s.rejectedBecause ?? null,
    at,
    rejected ? at : null,
  ];
}
