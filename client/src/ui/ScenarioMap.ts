import type Phaser from "phaser";
import type { Outcome, ScenarioMapView } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";
import { pathMapLayout, type MapEdge, type MapTrack } from "../viewModel/pathMapModel";
import { textStyle, theme } from "./theme";

/** Ending colours with a mark each, so an outcome never reads by colour alone. */
export const outcomeLook: Record<Outcome, { colour: number; mark: string }> = {
  ambassador: { colour: 0x2e9d4a, mark: "★" },
  kept: { colour: 0x66bb6a, mark: "✓" },
  neutral: { colour: 0x9e9e9e, mark: "–" },
  "lost-quietly": { colour: 0xef8c2a, mark: "↓" },
  "public-adversary": { colour: 0xe0405a, mark: "!" },
};

/**
 * The same outcome colours for text on the dark background (the wall's ending, the team board, the
 * debrief's rows): lighter, so that even red text reads at WCAG AA's large-text contrast.
 */
export const outcomeTextCss: Record<Outcome, string> = {
  ambassador: "#5fd68a",
  kept: "#9be39e",
  neutral: "#c9c9c9",
  "lost-quietly": "#f7a55a",
  "public-adversary": "#ff8fa3",
};

/** Team colours on the map, told apart by the legend's names as well. */
export const teamColours = [0xffd166, 0x4cc9f0, 0xf78c6b, 0xb794f4, 0x06d6a0, 0xff8fa3];

function dashed(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash = 10,
): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  const n = Math.max(1, Math.floor(len / dash));
  for (let i = 0; i < n; i += 2) {
    const a = i / n;
    const b = Math.min(1, (i + 1) / n);
    g.lineBetween(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
  }
}

function arrowHead(
  g: Phaser.GameObjects.Graphics,
  e: MapEdge,
  r: number,
  size: number,
  colour: number,
): void {
  const angle = Math.atan2(e.y2 - e.y1, e.x2 - e.x1);
  const tipX = e.x2 - Math.cos(angle) * (r + 2);
  const tipY = e.y2 - Math.sin(angle) * (r + 2);
  const back = (side: number) => ({
    x: tipX - Math.cos(angle) * size + Math.cos(angle + Math.PI / 2) * side,
    y: tipY - Math.sin(angle) * size + Math.sin(angle + Math.PI / 2) * side,
  });
  const l = back(size * 0.6);
  const rr = back(-size * 0.6);
  g.fillStyle(colour, 1).fillTriangle(tipX, tipY, l.x, l.y, rr.x, rr.y);
}

/**
 * Draws the scenario's map in a box at (x, y): every state as a dot, endings as squares with their
 * outcome's colour and mark, the roads not taken faint, rewound branches dashed, and the path played
 * in thick yellow with its step numbers (or, in team play, one colour per team). Returns the height used,
 * legend included.
 */
export function drawScenarioMap(
  scene: Phaser.Scene,
  map: ScenarioMapView,
  tracks: readonly MapTrack[],
  box: { x: number; y: number; width: number; height: number },
  opts: { small?: boolean; teamNames?: readonly string[] } = {},
): number {
  const small = opts.small ?? false;
  const outcomes = new Set(map.nodes.flatMap((n) => (n.outcome ? [n.outcome] : [])));
  const legend = drawLegend(scene, tracks, outcomes, box.x, box.width, small, opts.teamNames ?? []);
  const mapH = box.height - legend.height - (small ? 4 : 8);
  legend.moveTo(box.y + mapH + (small ? 4 : 8));
  const layout = pathMapLayout(map, tracks, box.width, mapH, small ? 16 : 26);
  const r = small ? 8 : 16;
  const g = scene.add.graphics({ x: box.x, y: box.y });
  for (const e of layout.edges) {
    const off = e.lane === undefined ? 0 : (e.lane - (tracks.length - 1) / 2) * (small ? 3 : 5);
    const shifted = { ...e, y1: e.y1 + off, y2: e.y2 + off };
    if (e.kind === "other") {
      g.lineStyle(small ? 1.5 : 2, 0x8fa3c8, 0.35).lineBetween(e.x1, e.y1, e.x2, e.y2);
    } else if (e.kind === "branch") {
      g.lineStyle(small ? 2 : 3, 0xc9d3e6, 0.9);
      dashed(g, e.x1, e.y1, e.x2, e.y2, small ? 6 : 10);
      arrowHead(g, e, r, small ? 7 : 11, 0xc9d3e6);
    } else {
      const colour =
        e.kind === "team"
          ? (teamColours[(e.colour ?? 0) % teamColours.length] ?? theme.accent)
          : theme.accent;
      g.lineStyle(small ? 4 : 7, colour, 1).lineBetween(shifted.x1, shifted.y1, shifted.x2, shifted.y2);
      arrowHead(g, shifted, r, small ? 9 : 15, colour);
    }
  }
  for (const n of layout.nodes) {
    if (n.final && n.outcome) {
      const look = outcomeLook[n.outcome];
      const s = n.visited ? r + 5 : r + 1;
      g.fillStyle(look.colour, n.visited ? 1 : 0.55).fillRoundedRect(n.x - s, n.y - s, 2 * s, 2 * s, 4);
      if (n.visited) g.lineStyle(3, 0xffffff, 1).strokeRoundedRect(n.x - s, n.y - s, 2 * s, 2 * s, 4);
      scene.add
        .text(box.x + n.x, box.y + n.y, look.mark, textStyle(small ? 12 : 22, theme.inkDark, { bold: true }))
        .setOrigin(0.5);
      continue;
    }
    const main = n.steps.length > 0;
    const radius = main ? r + (small ? 3 : 4) : n.start ? r + 2 : r * 0.7;
    g.fillStyle(main ? theme.accent : n.visited || n.start ? 0xc9d3e6 : 0x5a6f99, 1).fillCircle(
      n.x,
      n.y,
      radius,
    );
    if (n.start) g.lineStyle(3, theme.good, 1).strokeCircle(n.x, n.y, radius + 4);
    if (main)
      scene.add
        .text(
          box.x + n.x,
          box.y + n.y,
          n.steps.join(","),
          textStyle(small ? 11 : n.steps.length > 1 ? 18 : 22, theme.inkDark, { bold: true }),
        )
        .setOrigin(0.5);
  }
  return box.height;
}

/** Lays the legend out in rows across `width`; returns its height and a way to move it to its final top. */
function drawLegend(
  scene: Phaser.Scene,
  tracks: readonly MapTrack[],
  outcomes: ReadonlySet<Outcome>,
  x: number,
  width: number,
  small: boolean,
  teamNames: readonly string[],
): { height: number; moveTo: (top: number) => void } {
  const parts: { colour: number; text: string; square?: boolean; dashed?: boolean }[] = [];
  if (tracks.some((tr) => tr.kind === "path"))
    parts.push({ colour: theme.accent, text: t("debrief.mapPath") });
  tracks
    .filter((tr) => tr.kind === "team")
    .forEach((tr, i) =>
      parts.push({
        colour: teamColours[(tr.colour ?? i) % teamColours.length] ?? theme.accent,
        text: teamNames[i] ?? `${i + 1}`,
      }),
    );
  if (tracks.some((tr) => tr.kind === "branch"))
    parts.push({ colour: 0xc9d3e6, text: t("debrief.mapBranch"), dashed: true });
  for (const outcome of Object.keys(outcomeLook) as Outcome[])
    if (outcomes.has(outcome))
      parts.push({
        colour: outcomeLook[outcome].colour,
        text: `${outcomeLook[outcome].mark} ${t(`outcome.${outcome}` as MessageKey)}`,
        square: true,
      });
  const g = scene.add.graphics();
  // The wall's legend is read from the back of the room: 24 px at 1080p.
  const size = small ? 14 : 24;
  const rowH = size + 12;
  let cx = x;
  let row = 0;
  const placed: { label: Phaser.GameObjects.Text; dx: number; row: number }[] = [];
  for (const p of parts) {
    const label = scene.add.text(0, 0, p.text, textStyle(size, theme.inkDim));
    const key = p.square ? size : size * 1.6;
    const w = key + 6 + label.width + (small ? 10 : 18);
    if (cx + w > x + width && cx > x) {
      cx = x;
      row++;
    }
    const cy = row * rowH;
    if (p.square) g.fillStyle(p.colour, 1).fillRect(cx, cy + 2, size, size);
    else if (p.dashed) {
      g.lineStyle(3, p.colour, 1);
      dashed(g, cx, cy + size / 2 + 2, cx + key, cy + size / 2 + 2, 5);
    } else
      g.lineStyle(small ? 4 : 6, p.colour, 1).lineBetween(cx, cy + size / 2 + 2, cx + key, cy + size / 2 + 2);
    placed.push({ label, dx: cx + key + 6, row });
    cx += w;
  }
  return {
    height: (row + 1) * rowH,
    moveTo: (top) => {
      g.setY(top);
      for (const p of placed) p.label.setPosition(p.dx, top + p.row * rowH);
    },
  };
}
