import type Phaser from "phaser";
import type { ColumnText } from "../ui/fitColumn";
import { textStyle, theme } from "../ui/theme";
import type { ProjectorModel } from "../viewModel/projectorModel";

/**
 * "How the room would have answered" under a hot-seat reveal, as texts for the result's column: a heading,
 * then one line per option with its count (the seated answer first, starred), so the room sees its split
 * beside the answer given in the seat.
 */
export function roomAnswerItems(answers: ProjectorModel["roomAnswers"], wrap: number): ColumnText[] {
  if (!answers) return [];
  return [
    {
      text: answers.title,
      size: 30,
      min: 24,
      gap: 6,
      style: (size) => textStyle(size, theme.inkDim, { bold: true, wrap }),
    },
    ...answers.lines.map((line, i) => ({
      text: `${line.count} × ${line.text}`,
      size: 30,
      min: 22,
      gap: i === answers.lines.length - 1 ? 18 : 4,
      style: (size: number) =>
        textStyle(size, line.chosen ? theme.accentCss : theme.ink, { bold: line.chosen, wrap }),
    })),
  ];
}

/**
 * The names of those who joined, flowing in rows across the lobby's empty bottom band: as many as fit in
 * `h` at 40 px (36 px for a big class), then "+N" for the rest, so a class watches itself arrive.
 */
export function lobbyNameCloud(
  scene: Phaser.Scene,
  x: number,
  y: number,
  w: number,
  h: number,
  names: readonly string[],
): Phaser.GameObjects.Container {
  const box = scene.add.container(x, y);
  const size = names.length > 24 ? 34 : 40;
  const rowH = size + 28;
  const chips: Phaser.GameObjects.Text[] = [];
  let cx = 0;
  let cy = 0;
  let shown = 0;
  for (const name of names) {
    const chip = scene.add.text(cx, cy, name, {
      ...textStyle(size, theme.inkDark, { bold: true }),
      backgroundColor: "#e5e9f2",
      padding: { x: 16, y: 6 },
    });
    if (cx > 0 && cx + chip.width > w) {
      cx = 0;
      cy += rowH;
      chip.setPosition(cx, cy);
    }
    // Keep room for the "+N" chip on the last row.
    if (cy + rowH > h || (cy + 2 * rowH > h && cx + chip.width > w - 140)) {
      chip.destroy();
      break;
    }
    chips.push(chip);
    cx += chip.width + 14;
    shown++;
  }
  box.add(chips);
  if (shown < names.length)
    box.add(scene.add.text(cx, cy, `+${names.length - shown}`, textStyle(size, theme.ink, { bold: true })));
  return box;
}
