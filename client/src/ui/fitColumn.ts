import type Phaser from "phaser";
import { fitBlocks } from "../viewModel/fitBlocks";
import { fitText } from "./fitText";

/**
 * One wrapped text of a column: its preferred and smallest readable size, its style at a size, the gap after
 * it, and whether it is the one to cut when nothing else helps (else the last text is).
 */
export type ColumnText = {
  cut?: boolean;
  text: string;
  size: number;
  min: number;
  gap: number;
  style: (size: number) => Phaser.Types.GameObjects.Text.TextStyle;
};

/**
 * Lays texts out top-down from (x, y) so that they end above `bottom`: all shrink together down to their
 * readable minimum, and only then is the text marked `cut` (else the last) cut at a word with "…".
 * Returns the texts in order.
 */
export function fitColumn(
  scene: Phaser.Scene,
  x: number,
  y: number,
  bottom: number,
  items: readonly ColumnText[],
): Phaser.GameObjects.Text[] {
  const texts = items.map((item) => scene.add.text(x, y, item.text, item.style(item.size)));
  const measure = (i: number, size: number) => {
    const text = texts[i]!;
    text.setStyle(items[i]!.style(size));
    return { height: text.height, lines: Math.max(1, text.getWrappedText().length) };
  };
  const marked = items.findIndex((item) => item.cut);
  const cut = marked >= 0 ? marked : items.length - 1;
  const fit = fitBlocks(items, bottom - y, measure, cut);
  let top = y;
  texts.forEach((text, i) => {
    text.setStyle(items[i]!.style(fit.sizes[i]!));
    if (i === cut && fit.cutLines !== undefined) fitText(text, fit.cutLines);
    text.setY(top);
    top += text.height + items[i]!.gap;
  });
  return texts;
}
