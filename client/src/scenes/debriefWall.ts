import type Phaser from "phaser";
import type { ScenarioMapView } from "@hotseat/shared";
import { t } from "../i18n/t";
import { fitText } from "../ui/fitText";
import { drawScenarioMap, outcomeTextCss, teamColours } from "../ui/ScenarioMap";
import { textStyle, theme } from "../ui/theme";
import type { DebriefModel } from "../viewModel/debriefModel";
import { pageTag, wallFrame, type DebriefPage, type PageRow, type Tone } from "../viewModel/debriefPages";
import type { MapTrack } from "../viewModel/pathMapModel";
import { lineHeight } from "../viewModel/textEstimate";
import { drawDebriefChart } from "./debriefChart";

const css = (colour: number) => `#${colour.toString(16).padStart(6, "0")}`;

/** The text colour of a row's tone, the same greens, reds and outcome colours as the map and the chart. */
export function toneColour(tone: Tone): string {
  if (typeof tone === "object")
    return "outcome" in tone
      ? outcomeTextCss[tone.outcome]
      : css(teamColours[tone.team % teamColours.length] ?? theme.accent);
  return {
    ink: theme.ink,
    dim: theme.inkDim,
    good: theme.goodCss,
    bad: theme.badOnDarkCss,
    accent: theme.accentCss,
  }[tone];
}

/** What a page needs besides the page model: the scenario's title, map and the tracks drawn on it. */
export type WallContext = {
  title: string;
  map?: ScenarioMapView;
  tracks: MapTrack[];
  teamNames: string[];
  money: { currency: string; locale: string };
};

/** A decision's votes as one bar: the answer played in the accent colour with ✔, the others grey. */
function voteBar(
  scene: Phaser.Scene,
  x: number,
  y: number,
  w: number,
  bar: NonNullable<PageRow["bar"]>,
): void {
  const total = bar.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return;
  const g = scene.add.graphics();
  const h = 42;
  const gap = 4;
  const shown = bar.counts.map((count, i) => ({ count, i })).filter((s) => s.count > 0);
  const room = w - gap * (shown.length - 1);
  let cx = x;
  for (const { count, i } of shown) {
    const sw = Math.max(56, (room * count) / total);
    const chosen = i === bar.chosen;
    g.fillStyle(chosen ? theme.accent : 0x5a6f99, 1).fillRoundedRect(cx, y, Math.min(sw, x + w - cx), h, 8);
    scene.add
      .text(
        cx + 12,
        y + h / 2,
        chosen ? `✔ ${count}` : String(count),
        textStyle(26, chosen ? theme.inkDark : theme.ink, { bold: true }),
      )
      .setOrigin(0, 0.5);
    cx += sw + gap;
    if (cx >= x + w) break;
  }
}

/**
 * Draws one page of the debrief on the wall's 1920x1080: a header with the scenario and the page's place,
 * the ending across the top, the map, the chart, and columns of rows, as the page model laid them out.
 */
export function drawWallPage(
  scene: Phaser.Scene,
  m: DebriefModel,
  pages: readonly DebriefPage[],
  index: number,
  ctx: WallContext,
): void {
  const page = pages[index];
  if (!page) return;
  const f = wallFrame;
  const tag = scene.add
    .text(
      f.right,
      36,
      `${page.title}  ·  ${pageTag(pages, index)}`,
      textStyle(30, theme.inkDim, { bold: true }),
    )
    .setOrigin(1, 0);
  const title = scene.add.text(
    f.x,
    28,
    `${t("debrief.title")} · ${ctx.title}`,
    textStyle(44, theme.ink, { bold: true }),
  );
  // A long scenario title gives way to the page's name, never runs under it.
  const room = tag.x - tag.width - 40 - f.x;
  if (title.width > room) title.setScale(Math.max(0.6, room / title.width));
  if (page.kind === "votes") {
    // The bars' key, under the page's name.
    const key = scene.add.graphics();
    const ky = 36 + 46;
    const label = (x: number, s: string) =>
      scene.add.text(x, ky, s, textStyle(24, theme.inkDim)).setOrigin(1, 0);
    const other = label(f.right, t("debrief.voteOther"));
    key.fillStyle(0x5a6f99, 1).fillRect(other.x - other.width - 32, ky + 4, 24, 24);
    const played = label(other.x - other.width - 56, t("debrief.votePlayed"));
    key.fillStyle(theme.accent, 1).fillRect(played.x - played.width - 32, ky + 4, 24, 24);
  }
  if (page.ending) {
    const e = page.ending;
    const head = scene.add.text(
      f.x,
      f.top,
      e.heading,
      textStyle(40, outcomeTextCss[e.outcome], { bold: true, wrap: f.right - f.x }),
    );
    const body = scene.add.text(f.x, head.y + head.height + 8, e.text, {
      ...textStyle(e.textSize, theme.ink, { wrap: f.right - f.x }),
      lineSpacing: 4,
    });
    for (let size = e.textSize - 1; body.getWrappedText().length > e.textLines && size >= 24; size--)
      body.setFontSize(size);
    fitText(body, e.textLines);
  }
  if (page.map && ctx.map) {
    scene.add
      .text(page.map.x, page.map.y - 8, t("debrief.mapTitle"), textStyle(30, theme.ink, { bold: true }))
      .setOrigin(0, 1);
    drawScenarioMap(
      scene,
      ctx.map,
      ctx.tracks,
      { x: page.map.x, y: page.map.y, width: page.map.w, height: page.map.h },
      { teamNames: ctx.teamNames },
    );
  }
  if (page.chart) drawDebriefChart(scene, m, page.chart.box, page.chart, ctx.money);
  for (const column of page.columns) {
    let y = column.y;
    column.blocks.forEach((block, bi) => {
      if (bi > 0) y += 18;
      scene.add.text(column.x, y, block.title, textStyle(30, theme.ink, { bold: true }));
      y += lineHeight(30) + 8;
      for (const row of block.rows) {
        const o = scene.add.text(column.x, y, row.text, {
          ...textStyle(row.size, toneColour(row.tone), { bold: row.bold ?? false, wrap: column.width }),
          lineSpacing: 4,
        });
        // Fonts differ from one projector to the next: a text wider than estimated takes a slightly
        // smaller type (never under 24 px) before anything is cut.
        for (let size = row.size - 1; o.getWrappedText().length > row.lines && size >= 24; size--)
          o.setFontSize(size);
        fitText(o, row.lines);
        if (row.bar)
          voteBar(scene, column.x, y + row.lines * lineHeight(row.size) + 2, column.width, row.bar);
        y += row.height;
      }
    });
  }
}
