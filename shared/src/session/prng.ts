/**
 * One step of mulberry32: a tiny, well-mixed 32-bit PRNG. The state lives in the session's
 * context, so a replay of the log draws exactly the same numbers.
 */
export function mulberry32(state: number): { value: number; next: number } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, next };
}

/** Picks one item with the seeded PRNG; returns the pick and the advanced state. */
export function drawOne<T>(items: readonly T[], state: number): { pick: T | undefined; next: number } {
  const { value, next } = mulberry32(state);
  return { pick: items[Math.floor(value * items.length)], next };
}

/**
 * A seeded stream of numbers in [0, 1) from {@link mulberry32}, for what keeps its state in a closure
 * (generated scenarios, seeded shuffles, test walks): the same seed gives the same stream everywhere.
 */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    const { value, next } = mulberry32(state);
    state = next;
    return value;
  };
}
