import { applySessionEvent, createSession, parseSessionEvent, reject } from "@hotseat/shared";
import type { Rejection, ScenarioLibrary, SessionEvent, SessionState } from "@hotseat/shared";
import { AppendConflictError } from "../store/AppendConflictError";
import type { SessionRecord, SessionStore } from "../store/SessionStore";

/** What the runtime answers for a submitted event: the event it logged, or why the session refused it. */
export type Submitted = { accepted: true; seq: number } | { accepted: false; rejection: Rejection };

/** Told after an event was accepted and logged: the session, the state before it and after it. */
export type LoggedListener = (sessionId: string, before: SessionState, after: SessionState) => void;

/** A log entry the session core refused when the log was replayed (a damaged, hand-edited or forked log). */
export type ReplayRefusal = { seq: number; type: string; code: string; message: string };

/**
 * One live session on the server: its state and its log, kept in step. Every event goes through the pure
 * session core first; only an accepted one is appended to the store, so replaying the store gives this state.
 */
export class SessionRuntime {
  // Set once the store says another writer moved the log on: this copy is stale and must not diverge.
  private conflict: Rejection | undefined;

  private constructor(
    readonly record: SessionRecord,
    private readonly store: SessionStore,
    /** The scenario versions this session plays (its pinned library, resolved from the store). */
    readonly library: ScenarioLibrary,
    private current: SessionState,
    /** Log entries that did not parse or were refused on replay; none in a healthy log. */
    readonly replayRefusals: readonly ReplayRefusal[],
    private lastAt: number,
    /** The sequence number of the last log entry this runtime has read or written. */
    private head: number,
    private readonly onLogged: LoggedListener | undefined,
  ) {}

  /** Rebuilds a session from its stored log (on room creation and after a restart), keeping every refusal. */
  static resume(
    record: SessionRecord,
    store: SessionStore,
    library: ScenarioLibrary,
    onLogged?: LoggedListener,
  ): SessionRuntime {
    const stored = store.events(record.id);
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
    const head = stored.at(-1)?.seq ?? 0;
    return new SessionRuntime(record, store, library, state, refusals, lastAt, head, onLogged);
  }

  /** The session's state now. */
  get state(): SessionState {
    return this.current;
  }

  /** When the last event was accepted (server ms), to finish sessions nobody has touched for long. */
  get lastEventAt(): number {
    return this.lastAt;
  }

  /** The session id in the store. */
  get id(): string {
    return this.record.id;
  }

  /** Whether another writer has appended to this session's log since this runtime read it. */
  get stale(): boolean {
    return this.conflict !== undefined;
  }

  /**
   * Applies an event and, when accepted, appends it to the log as the entry after the last one this runtime
   * knows. If the store fails the state is left as it was, so memory never runs ahead of what a restart would
   * rebuild; if another writer got there first, this and every later event is refused rather than forked.
   */
  submit(event: SessionEvent): Submitted {
    if (this.conflict) return { accepted: false, rejection: this.conflict };
    const outcome = applySessionEvent(this.current, event, this.library);
    if (outcome.rejection) return { accepted: false, rejection: outcome.rejection };
    const seq = this.head + 1;
    try {
      this.store.appendEvent(this.record.id, seq, event, event.at);
    } catch (e) {
      if (!(e instanceof AppendConflictError)) throw e;
      this.conflict = reject(
        "session.conflict",
        "Another server has taken this session over; nothing more is recorded here. Reload the page.",
      );
      return { accepted: false, rejection: this.conflict };
    }
    this.head = seq;
    // An uploaded scenario is a version too; its text stays in the log as well, so replay needs nothing else.
    if (event.type === "trainer.selectScenario" && event.source !== undefined)
      this.store.putVersion(event.source, event.at);
    const before = this.current;
    this.current = outcome.state;
    this.lastAt = event.at;
    this.onLogged?.(this.record.id, before, this.current);
    return { accepted: true, seq };
  }
}
