import { z } from "zod";

/** How a session is being played; the session core decides what each style means. */
export const sessionRecordSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  /** The scenario selected when hosting; empty when the trainer picks one later in the lobby. */
  scenarioId: z.string(),
  /** The scenario text the session was hosted with, so a replay never depends on a file that changed since. */
  scenarioSource: z.string(),
  scenarioFile: z.string(),
  /** The session options given at hosting time (play style, locale...), as JSON. */
  options: z.unknown(),
  trainerTokenHash: z.string().min(1),
  createdAt: z.number().int(),
  status: z.enum(["live", "finished"]),
  finishedAt: z.number().int().optional(),
});
/** One hosted session as the store keeps it. */
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** What the host gives to create a session (the store fills id, status and createdAt). */
export type NewSession = Omit<SessionRecord, "status" | "finishedAt">;

/** One accepted event of a session's log: its position, when the server accepted it, and the event itself. */
export type StoredEvent = { seq: number; at: number; event: unknown };

/**
 * The event log and results of every session. Only accepted events go in, in order; replaying them
 * through the session core rebuilds a session exactly (restart recovery, reports).
 */
export interface SessionStore {
  /** Records a newly hosted session. */
  createSession(session: NewSession): SessionRecord;
  /** Appends one accepted event to a session's log and returns its sequence number (1-based). */
  appendEvent(sessionId: string, event: unknown, at: number): number;
  /** The session's log in the order it was accepted. */
  events(sessionId: string): StoredEvent[];
  /** One session by id. */
  getSession(sessionId: string): SessionRecord | undefined;
  /** The newest session that used this join code (live or finished). */
  findByCode(code: string): SessionRecord | undefined;
  /** Every session, newest first; `status` narrows to live or finished ones. */
  listSessions(status?: SessionRecord["status"]): SessionRecord[];
  /** Marks a session finished and keeps its result (the report) for later download. */
  saveResult(sessionId: string, result: unknown, finishedAt: number): void;
  /** The result saved when the session finished. */
  result(sessionId: string): unknown;
  /** Releases the underlying storage. */
  close(): void;
}
