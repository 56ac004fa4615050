/** Where a statement is: waiting to be sent, accepted by the LRS, or set aside (invalid or refused). */
export type OutboxStatus = "queued" | "sent" | "rejected";

/** One statement of the outbox, in the order it was recorded (`position`: increasing, not consecutive). */
export type OutboxEntry = {
  position: number;
  statementId: string;
  groupId: string;
  /** Whose statement it is: deleting the learner deletes their statements. */
  learnerId: string;
  statement: unknown;
  status: OutboxStatus;
  /** Why the statement was set aside: the validator's problems or the LRS's answer. */
  reason?: string;
  queuedAt: number;
  /** When it was sent or set aside. */
  doneAt?: number;
};

/** A statement to record, and the reason to set it aside at once when it is known to be invalid. */
export type NewOutboxStatement = {
  statementId: string;
  learnerId: string;
  statement: unknown;
  rejectedBecause?: string;
};

/** The LRS a group's statements go to. The secret is kept to sign requests and never answered back. */
export type LrsConfig = { endpoint: string; key: string; secret: string };

/**
 * The xAPI outbox: statements wait here, in the order they were recorded, until their group's LRS accepts
 * them, so a server restart or an LRS that is down loses none. A statement id is recorded once: recording
 * the same id again (a resend of the same decision) changes nothing, whatever its status.
 */
export interface XapiOutboxStore {
  /** Appends the statements not yet known, in order; returns the ids it added. */
  enqueue(groupId: string, statements: readonly NewOutboxStatement[], at: number): string[];
  /** Which of these statement ids the outbox holds already (whatever their status). */
  known(statementIds: readonly string[]): Set<string>;
  /** The group's oldest queued statements, up to `limit`, oldest first. */
  queued(groupId: string, limit: number): OutboxEntry[];
  /** Marks statements accepted by the LRS. */
  markSent(statementIds: readonly string[], at: number): void;
  /** Sets a statement aside with the reason; the queue goes on without it. */
  markRejected(statementId: string, reason: string, at: number): void;
  /** The group's statements (of one status when given), in recorded order. */
  entries(groupId: string, status?: OutboxStatus): OutboxEntry[];
  /** The groups that have statements waiting. */
  groupsWithQueued(): string[];
  /** Sets (or with `undefined` removes) the LRS a group's statements go to. */
  setLrs(groupId: string, config: LrsConfig | undefined, at: number): void;
  /** The LRS of a group, secret included: for the sender only. */
  lrs(groupId: string): LrsConfig | undefined;
  /** Deletes every statement of a learner, whatever its status (the learner was deleted). */
  forgetLearner(learnerId: string): void;
  /** Deletes a group's statements and its LRS (the group was deleted). */
  forgetGroup(groupId: string): void;
  /**
   * Marks a session whose log has moved on since its statements were last recorded (set before recording,
   * cleared after), so a server stopped in between records them on its next start.
   */
  markPending(sessionId: string): void;
  clearPending(sessionId: string): void;
  pendingSessions(): string[];
}
