import { MemoryLearningStore } from "./MemoryLearningStore";
import { AppendConflictError } from "./AppendConflictError";
import { MemoryXapiOutboxStore } from "../xapi/MemoryXapiOutboxStore";
import { MemoryDraftStore } from "./MemoryDraftStore";
import { scenarioVersionId } from "./scenarioVersionId";
import { sessionRecordSchema } from "./SessionStore";
import type { LibraryPin, NewSession, SessionRecord, SessionStore, StoredEvent } from "./SessionStore";

/** A store that keeps everything in memory: for tests and throwaway servers. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly logs = new Map<string, StoredEvent[]>();
  private readonly results = new Map<string, unknown>();
  private readonly versions = new Map<string, string>();
  readonly drafts = new MemoryDraftStore();
  readonly learning = new MemoryLearningStore();
  readonly xapi = new MemoryXapiOutboxStore();

  createSession(session: NewSession): SessionRecord {
    if (this.sessions.has(session.id)) throw new Error(`session ${session.id} already exists`);
    // Checked like the SQLite store's rows, so tests on this store catch what would fail on disk.
    const record: SessionRecord = sessionRecordSchema.parse({ ...session, status: "live" });
    this.sessions.set(session.id, record);
    this.logs.set(session.id, []);
    return structuredClone(record);
  }

  appendEvent(sessionId: string, seq: number, event: unknown, at: number): void {
    const log = this.logs.get(sessionId);
    if (!log) throw new Error(`unknown session ${sessionId}`);
    if (log.length !== seq - 1) throw new AppendConflictError(sessionId, seq - 1, log.length);
    // Copy through JSON so the log behaves like the SQLite one: later mutation of the caller's object can't leak in.
    log.push({ seq, at, event: JSON.parse(JSON.stringify(event)) as unknown });
  }

  events(sessionId: string): StoredEvent[] {
    return (this.logs.get(sessionId) ?? []).map((e) => ({ ...e }));
  }

  getSession(sessionId: string): SessionRecord | undefined {
    const record = this.sessions.get(sessionId);
    return record && structuredClone(record);
  }

  findByCode(code: string): SessionRecord | undefined {
    return this.listSessions().find((s) => s.code === code);
  }

  listSessions(status?: SessionRecord["status"]): SessionRecord[] {
    // Newest first; among sessions created in the same millisecond, the later-created first.
    return [...this.sessions.values()]
      .reverse()
      .filter((s) => status === undefined || s.status === status)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((s) => structuredClone(s));
  }

  pinLibrary(sessionId: string, library: LibraryPin): void {
    const record = this.sessions.get(sessionId);
    if (!record) throw new Error(`unknown session ${sessionId}`);
    if (record.library !== undefined) throw new Error(`session ${sessionId} already has its library pinned`);
    record.library = { ...library };
  }

  putVersion(source: string): string {
    const id = scenarioVersionId(source);
    this.versions.set(id, source);
    return id;
  }

  version(versionId: string): string | undefined {
    return this.versions.get(versionId);
  }

  saveResult(sessionId: string, result: unknown, finishedAt: number): void {
    const record = this.sessions.get(sessionId);
    if (!record) throw new Error(`unknown session ${sessionId}`);
    record.status = "finished";
    record.finishedAt = finishedAt;
    this.results.set(sessionId, JSON.parse(JSON.stringify(result)) as unknown);
  }

  result(sessionId: string): unknown {
    return this.results.get(sessionId);
  }

  close(): void {}
}
