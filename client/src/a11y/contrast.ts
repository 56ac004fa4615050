/** A colour as `#rrggbb` or a 0xrrggbb number, as theme.ts writes them. */
export type Colour = string | number;

function channels(colour: Colour): [number, number, number] {
  const n = typeof colour === "number" ? colour : Number.parseInt(colour.replace(/^#/, ""), 16);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffff) throw new Error(`not a colour: ${String(colour)}`);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** WCAG 2 relative luminance (0 for black … 1 for white). */
export function luminance(colour: Colour): number {
  const [r, g, b] = channels(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 … 21; AA asks 4.5 for text, 3 for large text and UI parts. */
export function contrastRatio(a: Colour, b: Colour): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
