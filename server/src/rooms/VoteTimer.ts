import type { SessionState } from "@hotseat/shared";

/** What the vote timer reads and does through its room. */
export type VoteTimerDeps = {
  /**
   * Runs `fire` once after `ms` and returns its cancel: the room's clock (it ticks with the room and stops
   * when the room goes), or the server's injected clock in tests.
   */
  setTimeout: (fire: () => void, ms: number) => () => void;
  now: () => number;
  state: () => SessionState;
  /** Runs once the open vote's deadline has passed: the room logs `timer.expired`. */
  expire: () => void;
};

/**
 * Keeps one clock timeout on the open vote's deadline (none while the session is paused). The room calls
 * {@link VoteTimer.follow} after every accepted event; an unchanged deadline keeps the timeout it has.
 */
export class VoteTimer {
  private armed: { deadline: number; cancel: () => void } | undefined;

  constructor(private readonly deps: VoteTimerDeps) {}

  /** Sets, moves or clears the timeout to match the session's vote now. */
  follow(): void {
    const { vote, paused } = this.deps.state().context;
    const deadline = vote?.open && !paused ? vote.deadline : undefined;
    if (this.armed && this.armed.deadline === deadline) return;
    this.cancel();
    if (deadline === undefined) return;
    const cancel = this.deps.setTimeout(
      () => {
        this.armed = undefined;
        // The room clock ticks every ~16 ms and may fire a little early; the core would refuse an early timer.
        if (this.deps.now() < deadline) return this.follow();
        this.deps.expire();
      },
      Math.max(0, deadline - this.deps.now()),
    );
    this.armed = { deadline, cancel };
  }

  /** Clears the timeout, as when the room is disposed. */
  cancel(): void {
    this.armed?.cancel();
    this.armed = undefined;
  }
}
