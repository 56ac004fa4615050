import type { SetTimer } from "@hotseat/server";

/** A clock the test moves by hand: timers set through `set` fire only when `advance` passes them. */
export class ManualTimer {
  private now = 0;
  private pending: { at: number; fire: () => void }[] = [];

  /** Pass this where the server takes a {@link SetTimer}. */
  readonly set: SetTimer = (fire, ms) => {
    const entry = { at: this.now + ms, fire };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  };

  /** How many timers are waiting. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Moves the clock on by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    this.now += ms;
    const due = this.pending.filter((p) => p.at <= this.now).sort((a, b) => a.at - b.at);
    this.pending = this.pending.filter((p) => p.at > this.now);
    for (const p of due) p.fire();
  }
}
