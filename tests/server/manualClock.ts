import type { Clock } from "@hotseat/server";

/** A server clock that moves only when the test says so: hours pass without anyone sleeping. */
export class ManualClock implements Clock {
  private at = Date.UTC(2026, 0, 5, 9, 0, 0);
  private readonly tasks = new Set<{ ms: number; due: number; task: () => void }>();

  now = (): number => this.at;

  every = (ms: number, task: () => void): (() => void) => {
    const entry = { ms, due: this.at + ms, task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  };

  private readonly once = new Set<{ due: number; task: () => void }>();

  after = (ms: number, task: () => void): (() => void) => {
    const entry = { due: this.at + ms, task };
    this.once.add(entry);
    return () => this.once.delete(entry);
  };

  /** Moves time on by `ms` and runs, once, every periodic task and every `after` task that came due meanwhile. */
  advance(ms: number): void {
    this.at += ms;
    for (const entry of [...this.once]) {
      if (entry.due > this.at) continue;
      this.once.delete(entry);
      entry.task();
    }
    for (const entry of [...this.tasks]) {
      if (entry.due > this.at) continue;
      entry.due = this.at + entry.ms;
      entry.task();
    }
  }
}
