import { seededRandom } from "@hotseat/shared";

/**
 * The items in a shuffled order that depends only on `seed` (no seed: the order as given).
 * Authors tend to write the best response first; a seeded shuffle lets them check a path does
 * not depend on it, and the same seed replays the same order.
 */
export function seededOrder<T>(items: readonly T[], seed: number | undefined): T[] {
  const copy = [...items];
  if (seed === undefined) return copy;
  const random = seededRandom(seed >>> 0 || 0x9e3779b9);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
