import type { AsyncSessionStore } from "./AsyncSessionStore";

/**
 * One session's log as its writer sees it, for a store that answers later (PostgreSQL): appends are numbered
 * in the order they are called and written one after another, and each promise settles only once its event
 * is durable, so an acknowledgement sent on it can never be lost by a crash. The runtime keeps the session
 * state in memory as the read cache and sends the trainee's acknowledgement when `append` resolves.
 *
 * Once one append fails, this copy of the session has run ahead of its log (another writer took it, or the
 * database refused): every append after it is refused without writing, and the session must be rebuilt from
 * the store. A forked log is therefore impossible, whatever order the promises settle in.
 */
export class SessionLog {
  private tail: Promise<unknown> = Promise.resolve();
  private queued: number;
  private failure: Error | undefined;

  constructor(
    private readonly store: AsyncSessionStore,
    readonly sessionId: string,
    /** The seq of the last entry the writer read from the store (0 for an empty log). */
    private durable: number,
  ) {
    this.queued = durable;
  }

  /** The seq of the last entry known to be in the store. */
  get head(): number {
    return this.durable;
  }

  /** The seq of the last entry appended so far, durable or not. */
  get queuedHead(): number {
    return this.queued;
  }

  /** Why this copy stopped writing (an `AppendConflictError` when another writer has the log). */
  get broken(): Error | undefined {
    return this.failure;
  }

  /** Appends `event` after every earlier call's; resolves with its seq once it is durable. */
  append(event: unknown, at: number): Promise<number> {
    const seq = ++this.queued;
    const written = this.tail.then(async () => {
      if (this.failure) throw this.failure;
      try {
        await this.store.appendEvent(this.sessionId, seq, event, at);
      } catch (e) {
        this.failure = e instanceof Error ? e : new Error(String(e));
        throw this.failure;
      }
      this.durable = seq;
      return seq;
    });
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** Settles once every append called so far has settled (for a graceful stop). */
  async drained(): Promise<void> {
    await this.tail;
  }

  /** Opens the log of a stored session at its head, for the one writer about to own it. */
  static async open(store: AsyncSessionStore, sessionId: string): Promise<SessionLog> {
    const events = await store.events(sessionId);
    return new SessionLog(store, sessionId, events.at(-1)?.seq ?? 0);
  }
}
