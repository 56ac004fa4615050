/** One text block of a column: its preferred font size, the smallest still readable, and the gap after it. */
export type FitBlock = { size: number; min: number; gap: number };

/** How tall a block is at a font size, and in how many wrapped lines. */
export type Measure = (index: number, size: number) => { height: number; lines: number };

/** The sizes chosen for each block, and how many lines the cut block may keep when even the minimum is too tall. */
export type FitResult = { sizes: number[]; cutLines?: number };

/**
 * Fits a column of wrapped texts into `available` pixels of height: every block shrinks by the same
 * factor, one step at a time, but never below its readable minimum. If the column is still too tall at
 * the minimum, block `cut` (the least essential text; the last by default) keeps only the lines that fit,
 * and the caller cuts it at a word with an ellipsis.
 */
export function fitBlocks(
  blocks: readonly FitBlock[],
  available: number,
  measure: Measure,
  cut = blocks.length - 1,
): FitResult {
  const sizesAt = (scale: number) => blocks.map((b) => Math.max(b.min, Math.round(b.size * scale)));
  const total = (sizes: number[]) =>
    sizes.reduce((sum, size, i) => sum + measure(i, size).height + (blocks[i]?.gap ?? 0), 0);
  for (let scale = 1; ; scale -= 0.05) {
    const sizes = sizesAt(scale);
    if (total(sizes) <= available) return { sizes };
    if (sizes.every((s, i) => s === blocks[i]?.min)) break;
  }
  const sizes = blocks.map((b) => b.min);
  if (cut < 0 || cut >= sizes.length) return { sizes };
  const others = total(sizes) - measure(cut, sizes[cut]!).height - (blocks[cut]?.gap ?? 0);
  const { height, lines } = measure(cut, sizes[cut]!);
  const lineHeight = height / Math.max(1, lines);
  const room = available - others - (blocks[cut]?.gap ?? 0);
  return { sizes, cutLines: Math.max(1, Math.floor(room / lineHeight)) };
}
