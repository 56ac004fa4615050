import type {
  LrsConfig,
  NewOutboxStatement,
  OutboxEntry,
  OutboxStatus,
  XapiOutboxStore,
} from "./XapiOutboxStore";

/** The outbox in memory: for tests and throwaway servers (gone with the process, like every memory store). */
export class MemoryXapiOutboxStore implements XapiOutboxStore {
  private rows: OutboxEntry[] = [];
  private readonly pending = new Set<string>();
  private lastPosition = 0;
  private readonly byId = new Map<string, OutboxEntry>();
  private readonly configs = new Map<string, LrsConfig>();

  enqueue(groupId: string, statements: readonly NewOutboxStatement[], at: number): string[] {
    const added: string[] = [];
    for (const s of statements) {
      if (this.byId.has(s.statementId)) continue;
      // Through JSON like the SQLite rows, so later changes to the caller's object cannot leak in.
      const entry: OutboxEntry = {
        position: ++this.lastPosition,
        statementId: s.statementId,
        groupId,
        learnerId: s.learnerId,
        statement: JSON.parse(JSON.stringify(s.statement)) as unknown,
        status: s.rejectedBecause === undefined ? "queued" : "rejected",
        ...(s.rejectedBecause !== undefined ? { reason: s.rejectedBecause, doneAt: at } : {}),
        queuedAt: at,
      };
      this.rows.push(entry);
      this.byId.set(s.statementId, entry);
      added.push(s.statementId);
    }
    return added;
  }

  known(statementIds: readonly string[]): Set<string> {
    return new Set(statementIds.filter((id) => this.byId.has(id)));
  }

  queued(groupId: string, limit: number): OutboxEntry[] {
    return this.entries(groupId, "queued").slice(0, limit);
  }

  markSent(statementIds: readonly string[], at: number): void {
    for (const id of statementIds) {
      const entry = this.byId.get(id);
      if (entry?.status === "queued") Object.assign(entry, { status: "sent", doneAt: at });
    }
  }

  markRejected(statementId: string, reason: string, at: number): void {
    const entry = this.byId.get(statementId);
    if (entry?.status === "queued") Object.assign(entry, { status: "rejected", reason, doneAt: at });
  }

  entries(groupId: string, status?: OutboxStatus): OutboxEntry[] {
    return this.rows
      .filter((r) => r.groupId === groupId && (status === undefined || r.status === status))
      .map((r) => structuredClone(r));
  }

  groupsWithQueued(): string[] {
    return [...new Set(this.rows.filter((r) => r.status === "queued").map((r) => r.groupId))];
  }

  setLrs(groupId: string, config: LrsConfig | undefined): void {
    if (config === undefined) this.configs.delete(groupId);
    else this.configs.set(groupId, { ...config });
  }

  lrs(groupId: string): LrsConfig | undefined {
    const config = this.configs.get(groupId);
    return config && { ...config };
  }

  forgetLearner(learnerId: string): void {
    this.forget((r) => r.learnerId === learnerId);
  }

  forgetGroup(groupId: string): void {
    this.forget((r) => r.groupId === groupId);
    this.configs.delete(groupId);
  }

  private forget(gone: (r: OutboxEntry) => boolean): void {
    for (const r of this.rows) if (gone(r)) this.byId.delete(r.statementId);
    this.rows = this.rows.filter((r) => !gone(r));
  }

  markPending(sessionId: string): void {
    this.pending.add(sessionId);
  }

  clearPending(sessionId: string): void {
    this.pending.delete(sessionId);
  }

  pendingSessions(): string[] {
    return [...this.pending];
  }
}
