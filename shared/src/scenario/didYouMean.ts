/** Number of single-character edits (insert, delete, replace, swap neighbours) between two words. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      // A swapped pair of letters ("lsitens") is one slip of the fingers, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i]![j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** Names longer than this get no suggestion: ids are short, and comparing long texts costs their product. */
export const maxSuggestedLength = 64;

/**
 * The candidate the author most likely meant by `name`, or undefined when nothing is close.
 * Close means a different letter case, or few edits relative to the word's length.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > maxSuggestedLength) return undefined;
  const lower = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // Words whose lengths differ by more than the allowed edits cannot be close: skip them unmeasured.
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** `Did you mean "x"? ` when a close candidate exists, otherwise an empty string. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const match = didYouMean(name, candidates);
  return match === undefined ? "" : `Did you mean "${match}"? `;
}
