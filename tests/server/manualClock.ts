import type { Clock, SetTimer } from "@hotseat/server";

/**
 * A server clock that moves only when the test says so: hours pass without anyone sleeping. It is the
 * server's {@link Clock} (`now`, periodic `every`) and, through `set`, a {@link SetTimer} for one-shot
 * waits such as reconnection windows.
 */
export class ManualClock implements Clock {
  private at = Date.UTC(2026, 0, 5, 9, 0, 0);
  private readonly tasks = new Set<{ ms: number; due: number; task: () => void }>();
  private readonly timers = new Set<{ due: number; fire: () => void }>();

  now = (): number => this.at;

  every = (ms: number, task: () => void): (() => void) => {
    const entry = { ms, due: this.at + ms, task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  };

  /** Pass this where the server takes a {@link SetTimer}: it fires once, when `advance` passes it. */
  readonly set: SetTimer = (fire, ms) => {
    const entry = { due: this.at + ms, fire };
    this.timers.add(entry);
    return () => this.timers.delete(entry);
  };

  /** The same one-shot wait with the task last, as the server's `Clock.after` takes it. */
  after = (ms: number, task: () => void): (() => void) => this.set(task, ms);

  /** How many one-shot timers are waiting. */
  get waiting(): number {
    return this.timers.size;
  }

  /**
   * Moves time on by `ms`: fires every one-shot timer that came due, in order, then runs, once, every
   * periodic task that came due meanwhile.
   */
  advance(ms: number): void {
    this.at += ms;
    const due = [...this.timers].filter((t) => t.due <= this.at).sort((a, b) => a.due - b.due);
    for (const timer of due) {
      this.timers.delete(timer);
      timer.fire();
    }
    for (const entry of [...this.tasks]) {
      if (entry.due > this.at) continue;
      entry.due = this.at + entry.ms;
      entry.task();
    }
  }
}
