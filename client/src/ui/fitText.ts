import type Phaser from "phaser";
import { clampLines } from "../viewModel/clampLines";

/**
 * Limits a word-wrapped text object to `maxLines` lines, ending a cut text with "…" at a word
 * boundary (Phaser's own `maxLines` stops mid-sentence with no sign that anything is missing).
 */
export function fitText<T extends Phaser.GameObjects.Text>(text: T, maxLines: number): T {
  const lines = text.getWrappedText();
  if (lines.length <= maxLines) return text;
  // Each kept line came out of this same wrap and only got shorter, so wrapping again changes nothing.
  const clamped = clampLines(lines, maxLines);
  text.setText(clamped.join("\n"));
  return text;
}
