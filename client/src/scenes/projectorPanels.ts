import type Phaser from "phaser";
import { t } from "../i18n/t";
import { fitColumn } from "../ui/fitColumn";
import type { ColumnText } from "../ui/fitColumn";
import { fitText } from "../ui/fitText";
import { textStyle, theme } from "../ui/theme";
import type { ProjectorModel } from "../viewModel/projectorModel";

/** Where a panel of the wall may draw: its left edge and width, and the band between top and bottom. */
export type PanelBox = { x: number; y: number; w: number; bottom: number };

type Result = NonNullable<ProjectorModel["result"]>;
type Ending = NonNullable<ProjectorModel["ending"]>;

/**
 * The class's split at the decision revealed, one line per option: its votes, a bar, and its label on one
 * line; the chosen answer's line stands out. Returns the y below the last line.
 */
function drawSplit(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  box: PanelBox,
  split: NonNullable<Result["split"]>,
  mark: string,
): number {
  const rowH = 42;
  const barX = box.x + 70;
  const barW = 170;
  const g = scene.add.graphics();
  d.add(g);
  split.forEach((bar, i) => {
    const mid = box.y + i * rowH + rowH / 2;
    const colour = bar.leading ? theme.accentCss : theme.inkDim;
    d.add(
      scene.add
        .text(box.x + 56, mid, String(bar.count), textStyle(30, colour, { bold: true }))
        .setOrigin(1, 0.5),
    );
    g.fillStyle(0x0d1628, 1).fillRect(barX, mid - 11, barW, 22);
    g.fillStyle(bar.leading ? theme.accent : 0x8fa3c8, 1).fillRect(barX, mid - 11, barW * bar.share, 22);
    const label = fitText(
      scene.add.text(
        barX + barW + 18,
        mid,
        `${bar.leading ? `${mark} ` : ""}${bar.label}`,
        textStyle(26, bar.leading ? theme.ink : theme.inkDim, {
          bold: bar.leading,
          wrap: box.x + box.w - (barX + barW + 18),
        }),
      ),
      1,
    ).setOrigin(0, 0.5);
    d.add(label);
  });
  return box.y + split.length * rowH;
}

/**
 * The revealed answer: how it was decided, with its mark (⚠ for a defence mechanism, never a tick), the
 * class's split beside it, then its technique tags and the expert's feedback, which shrink together to fit
 * and only past their minimum is the feedback cut.
 */
export function drawResultPanel(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  box: PanelBox,
  result: Result,
  /** Lines drawn between the tags and the feedback (the hot seat's room answers). */
  extra: ColumnText[] = [],
): { headEnd: number } {
  const [headline] = fitColumn(scene, box.x, box.y, Math.min(box.bottom, box.y + 100), [
    {
      cut: true,
      text: `${result.mark} ${result.headline}`,
      size: 36,
      min: 28,
      gap: 0,
      style: (size) => textStyle(size, theme.accentCss, { bold: true, wrap: box.w }),
    },
  ]);
  d.add(headline!);
  let y = box.y + headline!.height + 14;
  if (result.split) y = drawSplit(scene, d, { ...box, y }, result.split, result.mark) + 14;
  const headEnd = d.length;
  d.add(
    fitColumn(scene, box.x, y, box.bottom, [
      ...result.tags.map((badge) => ({
        text: badge.text,
        size: 28,
        min: 22,
        gap: 6,
        style: (size: number) =>
          textStyle(size, badge.good ? theme.goodCss : theme.badOnDarkCss, { bold: true, wrap: box.w }),
      })),
      ...extra,
      ...(result.feedback
        ? [
            {
              text: result.feedback,
              size: 30,
              min: 22,
              gap: 0,
              style: (size: number) => ({ ...textStyle(size, theme.ink, { wrap: box.w }), lineSpacing: 4 }),
            },
          ]
        : []),
    ]),
  );
  // What the reveal shows with the chosen answer (headline and split) ends here; the rest comes with the feedback.
  return { headEnd };
}

/** A tied vote's announcement above the tally ("A tie: 5 for “A”, 5 for “B” — the trainer decides"); returns the y below it. */
export function drawTieHeadline(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  box: PanelBox,
  tie: string,
): number {
  const [text] = fitColumn(scene, box.x, box.y, box.bottom, [
    {
      cut: true,
      text: `⚖ ${tie}`,
      size: 36,
      min: 28,
      gap: 0,
      style: (size) => textStyle(size, theme.accentCss, { bold: true, wrap: box.w }),
    },
  ]);
  d.add(text!);
  return box.y + text!.height + 16;
}

/**
 * The ending as its own moment: "How it ended", the outcome (green when the customer stays, red when they
 * are lost), the ending's title large, and the ending's text for the room to discuss.
 */
export function drawEndingPanel(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  box: PanelBox,
  ending: Ending,
): void {
  const g = scene.add.graphics();
  d.add(g);
  const texts = fitColumn(scene, box.x + 30, box.y + 24, box.bottom - 24, [
    {
      text: t("phase.ending").toUpperCase(),
      size: 28,
      min: 22,
      gap: 6,
      style: (size) => textStyle(size, theme.inkDim, { bold: true, wrap: box.w - 60 }),
    },
    {
      text: ending.outcome,
      size: 40,
      min: 30,
      gap: 8,
      style: (size) => textStyle(size, ending.good ? theme.goodCss : theme.badOnDarkCss, { bold: true }),
    },
    {
      text: ending.title,
      size: 60,
      min: 40,
      gap: 18,
      style: (size) => textStyle(size, theme.ink, { bold: true, wrap: box.w - 60 }),
    },
    ...(ending.debrief
      ? [
          {
            text: ending.debrief,
            size: 30,
            min: 22,
            gap: 0,
            style: (size: number) => ({
              ...textStyle(size, theme.ink, { wrap: box.w - 60 }),
              lineSpacing: 4,
            }),
          },
        ]
      : []),
  ]);
  const last = texts.at(-1)!;
  const h = last.y + last.height + 24 - box.y;
  g.fillStyle(theme.panel, 1).fillRoundedRect(box.x, box.y, box.w, h, 24);
  g.fillStyle(ending.good ? theme.good : theme.bad, 1).fillRect(box.x, box.y + 20, 10, h - 40);
  d.add(texts);
}
