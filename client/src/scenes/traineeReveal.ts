import type Phaser from "phaser";
import { t } from "../i18n/t";
import { textStyle, theme } from "../ui/theme";
import type { TraineeModel } from "../viewModel/traineeModel";

/** Where the phone's column is drawn: the scene, its scrolling container, the margins and the font scale. */
export type PhoneColumn = {
  scene: Phaser.Scene;
  c: Phaser.GameObjects.Container;
  pad: number;
  inner: number;
  fs: (n: number) => number;
};

/** Adds one wrapped text at `y` in the column and returns the y below it plus `gap`. */
function addText(
  col: PhoneColumn,
  y: number,
  text: string,
  style: Phaser.Types.GameObjects.Text.TextStyle,
  gap: number,
) {
  const obj = col.scene.add.text(col.pad, y, text, style);
  col.c.add(obj);
  return y + obj.height + gap;
}

/** "How it ended": the outcome and title in large type, then the ending's text; returns the y below. */
export function drawEnding(
  col: PhoneColumn,
  ending: NonNullable<TraineeModel["ending"]>,
  top: number,
): number {
  const { inner, fs } = col;
  const y = addText(
    col,
    top,
    `${ending.outcome}: ${ending.title}`,
    textStyle(fs(24), theme.ink, { bold: true, wrap: inner }),
    10,
  );
  return addText(
    col,
    y,
    ending.debrief,
    { ...textStyle(fs(19), theme.ink, { wrap: inner }), lineSpacing: 4 },
    20,
  );
}

/**
 * The answer played and how it was decided, this trainee's own choice beside it ("You chose X · the class
 * chose Y"), the tags and the expert's feedback; then, when theirs differs, the feedback on their own choice.
 */
export function drawReveal(
  col: PhoneColumn,
  reveal: NonNullable<TraineeModel["reveal"]>,
  top: number,
): number {
  const { inner, fs } = col;
  let y = addText(
    col,
    top,
    `${reveal.mark} ${reveal.headline}`,
    textStyle(fs(21), theme.ink, { bold: true, wrap: inner }),
    8,
  );
  const mine = reveal.mine;
  if (mine)
    y = addText(col, y, mine.line, textStyle(fs(19), theme.accentCss, { bold: true, wrap: inner }), 10);
  y = drawFeedback(
    col,
    reveal.tags,
    reveal.feedback,
    { heading: t("trainee.feedback"), above: false, bar: theme.good },
    y,
  );
  if (mine && !mine.same && (mine.feedback || mine.tags.length)) {
    const heading = t("reveal.onYours", { option: `${mine.mark} ${mine.label}` });
    y = drawFeedback(col, mine.tags, mine.feedback, { heading, above: true, bar: theme.accent }, y);
  }
  return y;
}

/**
 * Technique tags (✔ green, ✖ red: never colour alone) and a feedback box with a coloured edge, under a
 * heading placed above the tags or just above the box; returns the y below.
 */
function drawFeedback(
  col: PhoneColumn,
  tags: readonly { text: string; good: boolean }[],
  feedback: string | undefined,
  { heading, above, bar }: { heading: string; above: boolean; bar: number },
  top: number,
): number {
  const { scene, c, pad, inner, fs } = col;
  let y = top;
  if (above) y = addText(col, y, heading, textStyle(fs(18), theme.ink, { bold: true, wrap: inner }), 8);
  for (const badge of tags)
    y = addText(
      col,
      y,
      badge.text,
      textStyle(fs(18), badge.good ? theme.goodCss : theme.badOnDarkCss, { bold: true, wrap: inner }),
      6,
    );
  if (tags.length) y += 4;
  if (!feedback) return y + 6;
  if (!above) {
    c.add(scene.add.text(pad, y, heading, textStyle(fs(17), theme.inkDim, { bold: true })));
    y += fs(26);
  }
  const fb = scene.add.text(pad + 12, y + 10, feedback, {
    ...textStyle(fs(19), theme.ink, { wrap: inner - 24 }),
    lineSpacing: 4,
  });
  const box = scene.add.graphics();
  box.fillStyle(theme.panel, 1).fillRoundedRect(pad, y, inner, fb.height + 20, 12);
  box.fillStyle(bar, 1).fillRect(pad, y, 6, fb.height + 20);
  c.add([box, fb]);
  return y + fb.height + 32;
}
