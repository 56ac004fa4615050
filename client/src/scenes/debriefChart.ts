import Phaser from "phaser";
import { t } from "../i18n/t";
import { teamColours } from "../ui/ScenarioMap";
import { textStyle, theme } from "../ui/theme";
import type { Axis } from "../viewModel/chartAxes";
import type { DebriefModel } from "../viewModel/debriefModel";
import type { Box } from "../viewModel/debriefPages";
import { formatMoney } from "../viewModel/money";

const css = (colour: number) => `#${colour.toString(16).padStart(6, "0")}`;

/**
 * Mood (circles, left axis 0–100) and cost (squares, right axis in the scenario's currency) over the
 * decisions, with labelled axes and every point's value, in `box` (the plot area; labels go around it).
 * `size` is the type size of every label: 24 on the wall, smaller on a phone.
 */
export function drawDebriefChart(
  scene: Phaser.Scene,
  m: DebriefModel,
  box: Box,
  axes: { mood: Axis; cost?: Axis },
  money: { currency: string; locale: string },
  size = 24,
): Phaser.GameObjects.GameObject[] {
  const out: Phaser.GameObjects.GameObject[] = [];
  const { x, y, w, h } = box;
  const g = scene.add.graphics();
  out.push(g);
  const text = (tx: number, ty: number, s: string, colour: string, ox: number, oy: number, bold = false) => {
    const o = scene.add.text(tx, ty, s, textStyle(size, colour, { bold })).setOrigin(ox, oy);
    out.push(o);
    return o;
  };
  // Grid and the mood axis on the left.
  for (const tick of axes.mood.ticks) {
    const ty = y + h - (h * tick.value) / axes.mood.max;
    g.lineStyle(1, 0xffffff, tick.value === 0 ? 0.7 : 0.18).lineBetween(x, ty, x + w, ty);
    text(x - 12, ty, tick.label, theme.goodCss, 1, 0.5, true);
  }
  g.lineStyle(2, 0xffffff, 0.7).lineBetween(x, y, x, y + h);
  text(x, y - 14, `● ${t("meter.mood")} (0–100)`, theme.goodCss, 0, 1, true);
  if (axes.cost) {
    const cost = axes.cost;
    for (const tick of cost.ticks)
      text(x + w + 12, y + h - (h * tick.value) / cost.max, tick.label, theme.accentCss, 0, 0.5, true);
    g.lineStyle(2, 0xffffff, 0.7).lineBetween(x + w, y, x + w, y + h);
    text(x + w, y - 14, `■ ${t("meter.cost")}`, theme.accentCss, 1, 1, true);
  }
  // The decisions along the bottom: the start, then each step's number.
  const count = Math.max(m.chart.mood.length, ...m.teams.map((team) => team.mood.length));
  const n = Math.max(1, count - 1);
  // Room at the right for the teams' names at their lines' ends.
  const inner = m.teams.length ? w - 220 : w - 60;
  const px = (i: number) => x + 30 + (inner * i) / n;
  // On a phone the points stand close: the start is "0", and values are written only where they have room.
  const spacing = inner / n;
  const roomy = spacing >= size * 3.2;
  for (let i = 0; i < count; i++)
    text(px(i), y + h + 10, i === 0 && roomy ? t("debrief.axisStart") : String(i), theme.inkDim, 0.5, 0);
  const dot = size >= 20 ? 1 : 0.6;
  text(x + w / 2, y + h + 16 + size * 1.3, t("debrief.axisStep"), theme.inkDim, 0.5, 0, true);
  const moodY = (v: number) => y + h - (h * v) / axes.mood.max;

  if (m.teams.length) {
    const ends: number[] = [];
    m.teams.forEach((team, ti) => {
      const colour = teamColours[ti % teamColours.length] ?? theme.accent;
      const pts = team.mood.map((v, i) => new Phaser.Math.Vector2(px(i), moodY(v)));
      g.lineStyle(5 * dot, colour, 1).strokePoints(pts);
      pts.forEach((p) => g.fillStyle(colour, 1).fillCircle(p.x, p.y, 8 * dot));
      const end = pts.at(-1);
      if (!end) return;
      // Names that would land on each other move down a line, so colour is never the only key.
      let ly = end.y;
      while (ends.some((e) => Math.abs(e - ly) < size * 1.2)) ly += size * 1.2;
      ends.push(ly);
      text(end.x + 16, ly, `${team.name} ${Math.round(team.mood.at(-1) ?? 0)}`, css(colour), 0, 0.5, true);
    });
    return out;
  }
  const moodPts = m.chart.mood.map((v, i) => new Phaser.Math.Vector2(px(i), moodY(v)));
  const costMax = axes.cost?.max ?? Math.max(1, m.chart.maxCost);
  const costPts = m.chart.cost.map((v, i) => new Phaser.Math.Vector2(px(i), y + h - (h * v) / costMax));
  g.lineStyle(4 * dot, theme.accent, 0.9).strokePoints(costPts);
  g.lineStyle(5 * dot, theme.good, 1).strokePoints(moodPts);
  costPts.forEach((p) =>
    g.fillStyle(theme.accent, 1).fillRect(p.x - 8 * dot, p.y - 8 * dot, 16 * dot, 16 * dot),
  );
  moodPts.forEach((p) => g.fillStyle(theme.good, 1).fillCircle(p.x, p.y, 9 * dot));
  // Where points stand close, only the last values are written beside them (the axes give the rest).
  const shown = (i: number) => roomy || i === count - 1;
  // Each value beside its point: mood above its circle, cost below its square (on a dark backing so a
  // line running through never hides it).
  // A value that would land on one already written goes to the other side of its point.
  const placed: Phaser.Geom.Rectangle[] = [];
  const label = (p: Phaser.Math.Vector2, s: string, colour: string, above: boolean) => {
    const at = (up: boolean) =>
      up ? Math.max(y + size * 1.2, p.y - 16) : Math.min(y + h - 6, p.y + 16 + size);
    const o = text(p.x, at(above), s, colour, 0.5, 1, true);
    o.setBackgroundColor("#14213dcc").setPadding(4, 1, 4, 1);
    const clash = () => placed.some((r) => Phaser.Geom.Intersects.RectangleToRectangle(r, o.getBounds()));
    if (clash()) o.setY(at(!above));
    if (clash()) o.setY(above ? o.y - size * 1.2 : o.y + size * 1.2);
    placed.push(o.getBounds());
  };
  m.chart.cost.forEach((v, i) => {
    const p = costPts[i];
    if (p && shown(i)) label(p, formatMoney(v, money.currency, money.locale), theme.accentCss, false);
  });
  m.chart.mood.forEach((v, i) => {
    const p = moodPts[i];
    if (p && shown(i)) label(p, String(Math.round(v)), theme.goodCss, true);
  });
  return out;
}
