import type { Delayed } from "@colyseus/core";
import type { SessionState } from "@hotseat/shared";

/** What the vote timer reads and does through its room. */
export type VoteTimerDeps = {
  /** The room's clock (`room.clock.setTimeout`): it ticks with the room and stops when the room goes. */
  setTimeout: (fire: () => void, ms: number) => Delayed;
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
  private armed: { deadline: number; delayed: Delayed } | undefined;

  constructor(private readonly deps: VoteTimerDeps) {}

  /** Sets, moves or clears the timeout to match the session's vote now. */
  follow(): void {
    const { vote, paused } = this.deps.state().context;
    const deadline = vote?.open && !paused ? vote.deadline : undefined;
    if (this.armed && this.armed.deadline === deadline) return;
    this.armed?.delayed.clear();
    this.armed = undefined;
    if (deadline === undefined) return;
    const delayed = this.deps.setTimeout(
      () => {
        this.armed = undefined;
        // The room clock ticks every ~16 ms and may fire a little early; the core would refuse an early timer.
        if (this.deps.now() < deadline) return this.follow();
        this.deps.expire();
      },
      Math.max(0, deadline - this.deps.now()),
    );
    this.armed = { deadline, delayed };
  }
}
