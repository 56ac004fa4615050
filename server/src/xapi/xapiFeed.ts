import type { SessionState } from "@hotseat/shared";
import type { LearningService } from "../learning/LearningService";
import type { XapiOutbox } from "./xapiOutbox";
import type { AsyncXapiOutboxStore } from "../store/AsyncSessionStore";

/** Whether an accepted event may have given someone a decision or an ending (so, new statements). */
export function mayHaveDecided(before: SessionState, after: SessionState): boolean {
  if (after.context.past.length !== before.context.past.length) return true;
  for (const [key, next] of Object.entries(after.context.runs)) {
    const prev = before.context.runs[key];
    if (prev === next) continue;
    if (!prev || prev.decisions !== next.decisions || prev.ending !== next.ending) return true;
  }
  return false;
}

export type XapiFeedDeps = {
  learning: LearningService;
  /** A group's sessions, oldest first (to send a group's record so far once its LRS is set). */
  groupSessions: (groupId: string) => Promise<string[]>;
  outbox: XapiOutbox;
  store: AsyncXapiOutboxStore;
  /** Runs the recording soon after the event (default `setImmediate`), so a burst of events records once. */
  defer?: (run: () => void) => void;
  /** Told when recording a session failed (the session id only: nothing personal goes into logs). */
  log?: (line: string) => void;
};

/**
 * Feeds the xAPI outbox from the learning record: after an event of a group's session that may have
 * decided something, the session's records are rebuilt from its log (`runsFromLog`, through the learning
 * service) and whatever statements are new go into the outbox, in log order. The session is marked
 * pending in the store first and cleared once recorded, so a server stopped in between records it on its
 * next start ({@link catchUp}): the outbox never misses a decision, and ids keep it from doubling one.
 * Only groups with an LRS are recorded (nothing personal is kept for a group that sends no statements);
 * setting a group's LRS records its sessions so far ({@link recordGroup}).
 */
export class XapiFeed {
  private readonly dirty = new Set<string>();
  private scheduled = false;
  /** Notes of sessions still being written (`flush` waits for them). */
  private readonly noting = new Set<Promise<void>>();
  /** How many events each session was told about: a recording clears the pending mark only if none came since. */
  private readonly told = new Map<string, number>();

  constructor(private readonly deps: XapiFeedDeps) {}

  /** Told after every accepted event of any session (SessionHost's `onLogged`). */
  logged(sessionId: string, before: SessionState, after: SessionState): void {
    if (!mayHaveDecided(before, after)) return;
    this.told.set(sessionId, (this.told.get(sessionId) ?? 0) + 1);
    const note = this.note(sessionId).finally(() => this.noting.delete(note));
    this.noting.add(note);
  }

  /** Marks the session pending in the store (when its group sends statements), then schedules its recording. */
  private async note(sessionId: string): Promise<void> {
    // The workshop never fails for xAPI's sake: the event is logged already, and the log is the truth.
    try {
      const group = await this.deps.learning.groupOfSession(sessionId);
      if (group === undefined || (await this.deps.store.lrs(group.id)) === undefined) return;
      await this.deps.store.markPending(sessionId);
    } catch (e) {
      this.deps.log?.(`xAPI: could not note session ${sessionId} for recording: ${String(e)}`);
      return;
    }
    this.dirty.add(sessionId);
    if (this.scheduled) return;
    this.scheduled = true;
    (this.deps.defer ?? setImmediate)(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Records every session told about since the last flush. */
  async flush(): Promise<void> {
    await Promise.all(this.noting);
    const sessions = [...this.dirty];
    this.dirty.clear();
    for (const sessionId of sessions) await this.record(sessionId);
  }

  /**
   * Records every session of a group, oldest first, one per turn of the event loop so a live workshop
   * is not held up (after its LRS is set: the record so far goes to it).
   */
  async recordGroup(groupId: string): Promise<void> {
    const defer = this.deps.defer ?? setImmediate;
    for (const sessionId of await this.deps.groupSessions(groupId)) {
      await new Promise<void>((resolve) => defer(resolve));
      await this.record(sessionId);
    }
  }

  /** Records the sessions a stopped server left pending, and the live ones given (events may have come first). */
  async catchUp(liveSessionIds: readonly string[] = []): Promise<void> {
    const all = new Set([...(await this.deps.store.pendingSessions()), ...liveSessionIds]);
    for (const sessionId of all) await this.record(sessionId);
  }

  /** Records a session's new statements now; false when that failed (it stays pending). */
  async record(sessionId: string): Promise<boolean> {
    const told = this.told.get(sessionId);
    try {
      const found = await this.deps.learning.sessionRecords(sessionId);
      if (found && found.records.length > 0 && (await this.deps.store.lrs(found.group.id)) !== undefined)
        await this.deps.outbox.recordSession(found.records);
      // An event told about while this read the log may be missing from what it recorded: the session
      // stays pending for the recording that event scheduled.
      if (this.told.get(sessionId) === told) await this.deps.store.clearPending(sessionId);
      return true;
    } catch (e) {
      this.deps.log?.(`xAPI: could not record the statements of session ${sessionId}: ${String(e)}`);
      return false;
    }
  }
}
