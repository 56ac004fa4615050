import { applySessionEvent, createSession, parseSessionEvent, reject } from "@hotseat/shared";
import type { Rejection, ScenarioLibrary, SessionEvent, SessionState } from "@hotseat/shared";
import { AppendConflictError } from "../store/AppendConflictError";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import { SessionLog } from "../store/SessionLog";
import type { SessionRecord } from "../store/SessionStore";

/**
 * What the runtime answers for a submitted event: the event it logged (`durable` settles once the store has
 * it; only then may anyone be told), or why the session refused it.
 */
export type Submitted =
  { accepted: true; seq: number; durable: Promise<void> } | { accepted: false; rejection: Rejection };

/** Told after an event was accepted and logged: the session, the state before it and after it. */
export type LoggedListener = (sessionId: string, before: SessionState, after: SessionState) => void;

/** A log entry the session core refused when the log was replayed (a damaged, hand-edited or forked log). */
export type ReplayRefusal = { seq: number; type: string; code: string; message: string };

/** Said to every sender once this copy of a session may no longer write (another process owns its log). */
export const conflictRejection = reject(
  "session.conflict",
  "Another server has taken this session over; nothing more is recorded here. Reload the page.",
);

/**
 * One live session on the server: its state and its log, kept in step. Every event goes through the pure
 * session core first; only an accepted one is appended to the store, so replaying the store gives this state.
 *
 * The store answers later (PostgreSQL) or at once (SQLite behind the same promise): the next event must see
 * this one's state, so `state` moves on when an event is accepted, while `shown` moves on only once the
 * event is durable. Views (the only acknowledgement a client gets) are rendered from `shown`, so nobody is
 * told of an event a crash could lose.
 */
export class SessionRuntime {
  // Set once an append failed: this copy ran ahead of its log and must not write or be shown again.
  private failure: Rejection | undefined;
  private durableState: SessionState;
  // States after each accepted event not yet durable, oldest first.
  private readonly pending: { seq: number; state: SessionState }[] = [];

  private constructor(
    readonly record: SessionRecord,
    private readonly store: AsyncSessionStore,
    private readonly log: SessionLog,
    /** The scenario versions this session plays (its pinned library, resolved from the store). */
    readonly library: ScenarioLibrary,
    private current: SessionState,
    /** Log entries that did not parse or were refused on replay; none in a healthy log. */
    readonly replayRefusals: readonly ReplayRefusal[],
    private lastAt: number,
    private readonly onLogged: LoggedListener | undefined,
  ) {
    this.durableState = current;
  }

  /** Rebuilds a session from its stored log (when someone comes back, and for reports), keeping every refusal. */
  static async resume(
    record: SessionRecord,
    store: AsyncSessionStore,
    library: ScenarioLibrary,
    onLogged?: LoggedListener,
  ): Promise<SessionRuntime> {
    const stored = await store.events(record.id);
    let state = createSession(library);
    const refusals: ReplayRefusal[] = [];
    for (const entry of stored) {
      const event = parseSessionEvent(entry.event);
      const rawType = (entry.event as { type?: unknown } | null)?.type;
      const type = (typeof rawType === "string" ? rawType : "?").slice(0, 64);
      if (event === undefined) {
        refusals.push({
          seq: entry.seq,
          type,
          code: "message.malformed",
          message: "The entry is unreadable.",
        });
        continue;
      }
      const outcome = applySessionEvent(state, event, library);
      if (outcome.rejection) refusals.push({ seq: entry.seq, type, ...outcome.rejection });
      else state = outcome.state;
    }
    const lastAt = stored.at(-1)?.at ?? record.createdAt;
    const log = new SessionLog(store, record.id, stored.at(-1)?.seq ?? 0);
    return new SessionRuntime(record, store, log, library, state, refusals, lastAt, onLogged);
  }

  /** The session's state with every accepted event, durable or not: what the next event is checked against. */
  get state(): SessionState {
    return this.current;
  }

  /** The session's state up to its last durable event: what may be shown. */
  get shown(): SessionState {
    return this.durableState;
  }

  /** When the last event was accepted (server ms), to finish sessions nobody has touched for long. */
  get lastEventAt(): number {
    return this.lastAt;
  }

  /** The session id in the store. */
  get id(): string {
    return this.record.id;
  }

  /** Whether this copy stopped writing: another writer moved the log on, or the store failed an append. */
  get stale(): boolean {
    return this.failure !== undefined;
  }

  /** Settles once every event accepted so far has settled in the store (a graceful stop, a finish). */
  async drained(): Promise<void> {
    await this.log.drained();
  }

  /**
   * Applies an event and, when accepted, appends it to the log as the entry after the last one this runtime
   * accepted. Once an append fails this copy is stale: every later event is refused rather than forked, and
   * the session is rebuilt from the store by whoever owns it next.
   */
  submit(event: SessionEvent): Submitted {
    if (this.failure) return { accepted: false, rejection: this.failure };
    const outcome = applySessionEvent(this.current, event, this.library);
    if (outcome.rejection) return { accepted: false, rejection: outcome.rejection };
    const written = this.log.append(event, event.at);
    const before = this.current;
    const state = outcome.state;
    this.current = state;
    this.lastAt = event.at;
    const seq = this.log.queuedHead;
    this.pending.push({ seq, state });
    const durable = written.then(
      async () => {
        while (this.pending[0] && this.pending[0].seq <= seq) this.durableState = this.pending.shift()!.state;
        // Told only once durable (and in log order), so what it derives never names an event a crash lost.
        this.onLogged?.(this.record.id, before, state);
        // An uploaded scenario is a version too; its text stays in the log as well, so replay needs nothing else.
        if (event.type === "trainer.selectScenario" && event.source !== undefined)
          await this.store.putVersion(event.source, event.at);
      },
      (e: unknown) => {
        this.failure = e instanceof AppendConflictError ? conflictRejection : storeFailure;
        throw e;
      },
    );
    return { accepted: true, seq, durable };
  }
}

const storeFailure = reject(
  "session.conflict",
  "The server could not record this session; nothing more is recorded here. Reload the page.",
);
