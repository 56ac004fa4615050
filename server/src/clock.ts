/**
 * The server's time: what `now` is and a way to run something every so often. Injected so tests can
 * move time by hours without sleeping (see tests/server/manualClock.ts).
 */
export type Clock = {
  now: () => number;
  /** Runs `task` every `ms` until the returned function is called. */
  every: (ms: number, task: () => void) => () => void;
  /** Runs `task` once after `ms` (the vote timer); absent, each room uses its own Colyseus clock. */
  after?: (ms: number, task: () => void) => () => void;
};

/** Wall-clock time and real timers; the timers do not keep the process alive on their own. */
export const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, task) => {
    const timer = setInterval(task, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
