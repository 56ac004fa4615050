import { applySessionEvent, parseSessionEvent, replaySession } from "@hotseat/shared";
import type { Rejection, ScenarioLibrary, SessionEvent, SessionState } from "@hotseat/shared";
import type { SessionRecord, SessionStore } from "../store/SessionStore";

/** What the runtime answers for a submitted event: the event it logged, or why the session refused it. */
export type Submitted = { accepted: true; seq: number } | { accepted: false; rejection: Rejection };

/**
 * One live session on the server: its state and its log, kept in step. Every event goes through the pure
 * session core first; only an accepted one is appended to the store, so replaying the store gives this state.
 */
export class SessionRuntime {
  private constructor(
    readonly record: SessionRecord,
    private readonly store: SessionStore,
    private readonly library: ScenarioLibrary,
    private current: SessionState,
    /** Log entries that did not parse or were refused on replay (a damaged or hand-edited database). */
    readonly skippedOnReplay: number,
    private lastAt: number,
  ) {}

  /** Rebuilds a session from its stored log (on room creation and after a restart). */
  static resume(record: SessionRecord, store: SessionStore, library: ScenarioLibrary): SessionRuntime {
    const stored = store.events(record.id);
    const events = stored.map((e) => parseSessionEvent(e.event)).filter((e) => e !== undefined);
    const state = replaySession(events, library);
    const lastAt = stored.at(-1)?.at ?? record.createdAt;
    return new SessionRuntime(record, store, library, state, stored.length - events.length, lastAt);
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

  /**
   * Applies an event and, when accepted, appends it to the log. If the store fails the state is left as
   * it was, so memory never runs ahead of what a restart would rebuild.
   */
  submit(event: SessionEvent): Submitted {
    const outcome = applySessionEvent(this.current, event, this.library);
    if (outcome.rejection) return { accepted: false, rejection: outcome.rejection };
    const seq = this.store.appendEvent(this.record.id, event, event.at);
    this.current = outcome.state;
    this.lastAt = event.at;
    return { accepted: true, seq };
  }
}
