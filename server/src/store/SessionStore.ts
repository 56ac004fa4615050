import { z } from "zod";
import type { XapiOutboxStore } from "../xapi/XapiOutboxStore";
import type { DraftStore } from "./DraftStore";
import type { LearningStore } from "./LearningStore";

/** The scenario versions a session plays: scenario id → version id (the sha-256 of the scenario's text). */
export const libraryPinSchema = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));
/** The scenario versions a session plays, by scenario id. */
export type LibraryPin = z.infer<typeof libraryPinSchema>;

/** How a session is being played; the session core decides what each style means. */
export const sessionRecordSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  /** The scenario selected when hosting; empty when the trainer picks one later in the lobby. */
  scenarioId: z.string(),
  /**
   * The library the session plays, pinned when it was hosted, so a replay never depends on a file that
   * changed since. Absent only for sessions stored before scenario versions existed (pinned on resume).
   */
  library: libraryPinSchema.optional(),
  trainerTokenHash: z.string().min(1),
  createdAt: z.number().int(),
  status: z.enum(["live", "finished"]),
  finishedAt: z.number().int().optional(),
});
/** One hosted session as the store keeps it. */
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** What the host gives to create a session: everything but its status, with its library pinned. */
export type NewSession = Omit<SessionRecord, "status" | "finishedAt" | "library"> & { library: LibraryPin };

/** One accepted event of a session's log: its position, when the server accepted it, and the event itself. */
export type StoredEvent = { seq: number; at: number; event: unknown };

/**
 * The event log, scenario versions and results of every session. Only accepted events go in, in order;
 * replaying them through the session core against the pinned versions rebuilds a session exactly (restart
 * recovery, reports). Ownership of a log is a store fact, not a belief: every append names the sequence
 * number it expects, so a writer that has not read the log up to its head can never add to it.
 */
export interface SessionStore {
  /** Records a newly hosted session. */
  createSession(session: NewSession): SessionRecord;
  /**
   * Appends one accepted event as number `seq` (1-based). Throws `AppendConflictError`, writing nothing,
   * unless the log's head is exactly `seq - 1`.
   */
  appendEvent(sessionId: string, seq: number, event: unknown, at: number): void;
  /** The session's log in the order it was accepted. */
  events(sessionId: string): StoredEvent[];
  /** One session by id. */
  getSession(sessionId: string): SessionRecord | undefined;
  /** The newest session that used this join code (live or finished). */
  findByCode(code: string): SessionRecord | undefined;
  /** Every session, newest first; `status` narrows to live or finished ones. */
  listSessions(status?: SessionRecord["status"]): SessionRecord[];
  /** Pins the library of a session stored before versions existed; refused once a session has one. */
  pinLibrary(sessionId: string, library: LibraryPin): void;
  /** Keeps a scenario text as an immutable version and returns its id (the same text, the same id). */
  putVersion(source: string, at: number): string;
  /** The text of a scenario version. */
  version(versionId: string): string | undefined;
  /** Marks a session finished and keeps its result (the report) for later download. */
  saveResult(sessionId: string, result: unknown, finishedAt: number): void;
  /** The result saved when the session finished. */
  result(sessionId: string): unknown;
  /** Releases the underlying storage. */
  close(): void;
  /** The Studio's drafts and the scenarios published from them, in the same storage. */
  readonly drafts: DraftStore;
  /** Groups, rosters and group sessions (the learning record), in the same storage. */
  readonly learning: LearningStore;
  /** The xAPI statements waiting for (or sent to, or refused by) each group's LRS, in the same storage. */
  readonly xapi: XapiOutboxStore;
}
