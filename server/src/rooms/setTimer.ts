/**
 * Schedules `fire` after `ms` and returns what cancels it. Rooms take one injected, so a test can end
 * a wait (a reconnection window) by advancing a clock of its own instead of sleeping through it.
 */
export type SetTimer = (fire: () => void, ms: number) => () => void;

/** The real timer: Node's setTimeout. */
export const realTimer: SetTimer = (fire, ms) => {
  const handle = setTimeout(fire, ms);
  return () => clearTimeout(handle);
};
