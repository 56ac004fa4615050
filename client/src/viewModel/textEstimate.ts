// Widths in em of the wide fallback font the wall may get (DejaVu Sans): a guess that errs wide, so a text
// laid out by it never needs more lines than it was given on any projector's fonts.
const narrow = new Set([..." .,;:'!|()[]ijlrtfI-"]);
const wide = new Set([..."mwMWOQGCDHNU@%—"]);

function charEm(c: string, bold: boolean): number {
  // Measured on DejaVu Sans (the widest of the usual fallbacks): lowercase about 0.5 em, capitals 0.68.
  const base = narrow.has(c) ? 0.32 : wide.has(c) ? 0.86 : c >= "A" && c <= "Z" ? 0.7 : 0.57;
  return bold ? base * 1.1 : base;
}

/** The estimated width in px of `text` at font `size` (see above: it errs wide). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charEm(c, bold);
  return em * size;
}

/** How many lines `text` takes when word-wrapped to `width` px at font `size` (each "\n" starts a line). */
export function estimateLines(text: string, size: number, width: number, bold = false): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let x = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word, size, bold);
      const gap = x > 0 ? textWidth(" ", size, bold) : 0;
      if (x > 0 && x + gap + w > width) {
        lines++;
        x = 0;
      }
      // A word longer than the line breaks across lines of its own.
      x = x === 0 ? w : x + gap + w;
      while (x > width) {
        lines++;
        x -= width;
      }
    }
  }
  return lines;
}

/** The line height the scenes draw wrapped text with at font `size` (Phaser's metrics plus lineSpacing). */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.25) + 4;
}
