import type { GroupRow, LearnerRow } from "./LearningStore";

/**
 * The learning record's rows as both SQL stores read them (SqliteLearningStore, PostgresLearningStore): one
 * mapping, so the two cannot drift apart in what a group or a learner answers.
 */
export type GroupDb = {
  id: string;
  name: string;
  /** SQLite keeps 0/1, PostgreSQL a boolean. */
  open_roster: number | boolean;
  key_hash: string;
  created_at: number;
};

export type LearnerDb = {
  id: string;
  group_id: string;
  display_name: string;
  employee_id: string | null;
  email: string | null;
  key_hash: string | null;
  renew_hash: string | null;
  renew_expires_at: number | null;
  created_at: number;
};

export const toGroup = (r: GroupDb): GroupRow => ({
  id: r.id,
  name: r.name,
  openRoster: r.open_roster === 1 || r.open_roster === true,
  keyHash: r.key_hash,
  createdAt: r.created_at,
});

export function toLearner(r: LearnerDb): LearnerRow {
  const l: LearnerRow = {
    id: r.id,
    groupId: r.group_id,
    displayName: r.display_name,
    createdAt: r.created_at,
  };
  if (r.employee_id !== null) l.employeeId = r.employee_id;
  if (r.email !== null) l.email = r.email;
  if (r.key_hash !== null) l.keyHash = r.key_hash;
  if (r.renew_hash !== null) l.renewHash = r.renew_hash;
  if (r.renew_expires_at !== null) l.renewExpiresAt = r.renew_expires_at;
  return l;
}

/** A learner's columns in table order, for an insert (absent fields as NULL). */
export const learnerValues = (l: LearnerRow) => [
  l.id,
  l.groupId,
  l.displayName,
  l.employeeId ?? null,
  l.email ?? null,
  l.keyHash ?? null,
  l.renewHash ?? null,
  l.renewExpiresAt ?? null,
  l.createdAt,
];
