import { describe, expect, it } from "vitest";
import { fitBlocks, type FitBlock, type Measure } from "./fitBlocks";

// A text of `chars` characters in a column 900 px wide: about 0.5 em per character, lines 1.25 em tall.
const wrapped =
  (chars: number[]): Measure =>
  (i, size) => {
    const perLine = Math.floor(900 / (size * 0.5));
    const lines = Math.ceil((chars[i] ?? 0) / perLine);
    return { height: lines * size * 1.25, lines };
  };

const column: FitBlock[] = [
  { size: 36, min: 26, gap: 14 },
  { size: 30, min: 24, gap: 8 },
];

describe("fitBlocks", () => {
  it("keeps the preferred sizes when the column fits", () => {
    expect(fitBlocks(column, 400, wrapped([40, 120]))).toEqual({ sizes: [36, 30] });
  });

  it("shrinks every block together until the column fits", () => {
    const measure = wrapped([190, 231]);
    const fit = fitBlocks(column, 330, measure);
    expect(fit.cutLines).toBeUndefined();
    expect(fit.sizes[0]).toBeLessThan(36);
    expect(fit.sizes[1]).toBeLessThan(30);
    const height = fit.sizes.reduce((sum, s, i) => sum + measure(i, s).height + column[i]!.gap, 0);
    expect(height).toBeLessThanOrEqual(330);
  });

  it("never goes below the readable minimum and then keeps only the last block's lines that fit", () => {
    const measure = wrapped([190, 2000]);
    const fit = fitBlocks(column, 400, measure);
    expect(fit.sizes).toEqual([26, 24]);
    const first = measure(0, 26).height + 14;
    expect(fit.cutLines).toBe(Math.floor((400 - first) / (24 * 1.25)));
  });

  it("cuts the block it is told to, keeping the others whole", () => {
    const measure = wrapped([2000, 231]);
    const fit = fitBlocks(column, 400, measure, 0);
    expect(fit.sizes).toEqual([26, 24]);
    const second = measure(1, 24).height + 8;
    expect(fit.cutLines).toBe(Math.floor((400 - second - 14) / (26 * 1.25)));
  });
});
