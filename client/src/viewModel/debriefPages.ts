import type { Outcome } from "@hotseat/shared";
import { t } from "../i18n/t";
import { costAxis, moodAxis, type Axis } from "./chartAxes";
import type { DebriefModel } from "./debriefModel";
import { formatMoney } from "./money";
import { estimateLines, lineHeight } from "./textEstimate";

/**
 * The debrief on the wall, in pages the trainer walks through: the ending and the path, the chart, how
 * the class voted, and what to take away. Laid out on the wall's 1920x1080 by estimated text sizes (no
 * fonts are measured), so the console and the wall, on different machines, cut the same pages. Text the
 * room must read is at least 24 px at 1080p.
 */

/** The wall's frame: margins, and where the content goes under the page's header. */
export const wallFrame = { width: 1920, height: 1080, x: 60, right: 1860, top: 128, bottom: 1050 } as const;

/** The smallest type on a debrief page: read from the back of a room at 1080p. */
export const minWallType = 24;

/** How a row's text is coloured: ink, dimmed, a technique, a defence mechanism, the accent, or an ending. */
export type Tone = "ink" | "dim" | "good" | "bad" | "accent" | { outcome: Outcome } | { team: number };

/** One row of text (and, for a vote, its split as a bar) with its estimated height. */
export type PageRow = {
  text: string;
  size: number;
  tone: Tone;
  bold?: boolean;
  /** The most lines it may take (the estimate it was laid out by). */
  lines: number;
  /** A decision's votes: counts per option, and the index of the one played. */
  bar?: { counts: number[]; chosen: number };
  /** Its height including the gap after it. */
  height: number;
};

/** A titled group of rows in one column (a section continued on the next page repeats its title). */
export type PageBlock = { title: string; rows: PageRow[] };

/** A column of a page at `x`, `width` wide, from `y` down. */
export type PageColumn = { x: number; y: number; width: number; blocks: PageBlock[] };

/** A rectangle on the wall. */
export type Box = { x: number; y: number; w: number; h: number };

/** The kinds of pages, in the order the trainer walks them. */
export type PageKind = "path" | "chart" | "votes" | "takeaways";

/** One page of the debrief. */
export type DebriefPage = {
  kind: PageKind;
  /** The page's name in the header and on the console's page buttons. */
  title: string;
  /** The ending's title and text at the top (the first page). */
  ending?: { heading: string; text: string; outcome: Outcome; textSize: number; textLines: number };
  map?: Box;
  chart?: { box: Box; mood: Axis; cost?: Axis };
  columns: PageColumn[];
};

const titleSize = 30;
const titleHeight = lineHeight(titleSize) + 8;
const blockGap = 18;

function row(
  text: string,
  size: number,
  tone: Tone,
  width: number,
  opts: { bold?: boolean; gap?: number; bar?: PageRow["bar"] } = {},
): PageRow {
  const lines = estimateLines(text, size, width, opts.bold);
  const barHeight = opts.bar ? 52 : 0;
  const out: PageRow = {
    text,
    size,
    tone,
    lines,
    height: lines * lineHeight(size) + barHeight + (opts.gap ?? 6),
  };
  if (opts.bold) out.bold = true;
  if (opts.bar) out.bar = opts.bar;
  return out;
}

/** A section's rows, kept together where they belong together (a step and its techniques). */
type Section = { title: string; groups: PageRow[][] };

/**
 * Pours sections into columns of `height`: a group never splits, a section split across columns repeats
 * its title. Returns the columns' blocks, as many columns as the sections need.
 */
export function pour(sections: Section[], height: number): PageBlock[][] {
  const columns: PageBlock[][] = [];
  let blocks: PageBlock[] = [];
  let used = 0;
  const next = () => {
    columns.push(blocks);
    blocks = [];
    used = 0;
  };
  for (const section of sections) {
    let block: PageBlock | undefined;
    for (const group of section.groups) {
      const h = group.reduce((a, r) => a + r.height, 0);
      const need = h + (block ? 0 : titleHeight + (blocks.length ? blockGap : 0));
      if (used + need > height && (blocks.length > 0 || block)) {
        next();
        block = undefined;
      }
      if (!block) {
        used += titleHeight + (blocks.length ? blockGap : 0);
        block = { title: section.title, rows: [] };
        blocks.push(block);
      }
      block.rows.push(...group);
      used += h;
    }
  }
  if (blocks.length) columns.push(blocks);
  return columns;
}

const outcomeMark: Record<Outcome, string> = {
  ambassador: "★",
  kept: "✓",
  neutral: "–",
  "lost-quietly": "↓",
  "public-adversary": "!",
};

/** The ending's heading as the wall shows it: its mark, outcome and title. */
export function endingHeading(m: DebriefModel): string {
  return m.ending ? `${outcomeMark[m.ending.kind]} ${m.ending.outcome}: ${m.ending.title}` : "";
}

function stepGroups(m: DebriefModel, width: number, size: number): PageRow[][] {
  const groups: PageRow[][] = [];
  if (m.teams.length) {
    m.teams.forEach((team, i) => {
      // The team's name in its colour (as on the map and the chart), its ending in the outcome's colour.
      const rows = [row(`■ ${team.name}`, size, { team: i }, width, { bold: true, gap: 2 })];
      rows.push(
        team.outcome
          ? row(`${outcomeMark[team.outcome]} ${team.ending}`, size, { outcome: team.outcome }, width, {
              bold: true,
              gap: 2,
            })
          : row(team.ending, size, "dim", width, { bold: true, gap: 2 }),
      );
      if (team.summary) rows.push(row(team.summary, size, "dim", width, { gap: 2 }));
      groups.push(rows);
      // Each step on its own row: a long path continues in the next column rather than being cut; the
      // team's rewound branches follow it.
      const tried = team.branches.map((b) => [row(branchText(b), size, "dim", width, { gap: 10 })]);
      team.steps.forEach((s, k) =>
        groups.push([
          row(`${s.n}. ${s.label}`, size, "ink", width, { gap: k === team.steps.length - 1 ? 18 : 6 }),
        ]),
      );
      groups.push(...tried);
    });
    return groups;
  }
  for (const s of m.steps) {
    const rows = [row(`${s.n}. ${s.label}`, size, "ink", width, { gap: s.tags.length ? 2 : 12 })];
    const good = s.tags.filter((b) => b.good).map((b) => b.short);
    const bad = s.tags.filter((b) => !b.good).map((b) => b.short);
    if (good.length)
      rows.push(row(good.join(" · "), size, "good", width, { bold: true, gap: bad.length ? 2 : 12 }));
    if (bad.length) rows.push(row(bad.join(" · "), size, "bad", width, { bold: true, gap: 12 }));
    groups.push(rows);
  }
  if (!groups.length) groups.push([row(t("debrief.none"), size, "dim", width)]);
  return groups;
}

function branchText(b: DebriefModel["branches"][number]): string {
  return `⟲ ${t("debrief.step", { step: b.fromStep })}: ${b.labels.join(" → ")}${b.ending ? ` (${b.ending})` : ""}`;
}

function branchSection(m: DebriefModel, width: number, size: number): Section[] {
  if (!m.branches.length) return [];
  return [
    {
      title: t("debrief.branches"),
      groups: m.branches.map((b) => [row(branchText(b), size, "dim", width, { gap: 10 })]),
    },
  ];
}

/** Pages of one kind for columns poured from `sections`, `perPage` columns at the given places. */
function columnPages(
  kind: PageKind,
  title: string,
  sections: Section[],
  places: { x: number; width: number }[],
  top: number,
  height: number,
): DebriefPage[] {
  const columns = pour(sections, height);
  const pages: DebriefPage[] = [];
  for (let i = 0; i < columns.length; i += places.length) {
    pages.push({
      kind,
      title,
      columns: columns.slice(i, i + places.length).map((blocks, j) => ({
        x: places[j]!.x,
        y: top,
        width: places[j]!.width,
        blocks,
      })),
    });
  }
  return pages;
}

/** Splits the debrief into the wall's pages; every step, vote, mark, technique and branch is on one of them. */
export function debriefPages(
  m: DebriefModel,
  opts: { hasMap: boolean; currency: string; locale: string },
): DebriefPage[] {
  const f = wallFrame;
  const full = f.right - f.x;
  const pages: DebriefPage[] = [];

  // 1. The ending and the path: the ending across the top, the map on the left, the steps beside it.
  let top = f.top;
  let ending: DebriefPage["ending"];
  if (m.ending) {
    const heading = endingHeading(m);
    const headingH = estimateLines(heading, 40, full, true) * lineHeight(40);
    // A long ending text (Polish and Romanian run a third longer) takes a smaller type, never under 26 px.
    let textSize = 32;
    let textLines = estimateLines(m.ending.debrief, textSize, full);
    for (const size of [30, 28, 26]) {
      if (textLines <= 4) break;
      textSize = size;
      textLines = estimateLines(m.ending.debrief, size, full);
    }
    ending = { heading, text: m.ending.debrief, outcome: m.ending.kind, textSize, textLines };
    top += headingH + 8 + textLines * lineHeight(textSize) + 28;
  }
  const stepSize = 26;
  const mapW = opts.hasMap ? 1000 : 0;
  const listX = opts.hasMap ? f.x + mapW + 50 : f.x;
  const listW = f.right - listX;
  const pathTitle = t("debrief.pagePath");
  const sections: Section[] = [
    { title: t("debrief.path"), groups: stepGroups(m, listW, stepSize) },
    ...branchSection(m, listW, stepSize),
  ];
  const beside = pour(sections, f.bottom - top);
  const first: DebriefPage = { kind: "path", title: pathTitle, columns: [] };
  if (ending) first.ending = ending;
  pages.push(first);
  // Two columns across the wall, for every page without a map or a chart.
  const half = (full - 80) / 2;
  const halves = [
    { x: f.x, width: half },
    { x: f.x + half + 80, width: half },
  ];
  const steps: Section[] = [
    { title: t("debrief.path"), groups: stepGroups(m, half, stepSize) },
    ...branchSection(m, half, stepSize),
  ];
  if (beside.length <= 1) {
    // Everything fits beside the map (or, without a map, in the width): one page.
    first.columns = [{ x: listX, y: top, width: listW, blocks: beside[0] ?? [] }];
    if (opts.hasMap) first.map = { x: f.x, y: top + titleHeight, w: mapW, h: f.bottom - top - titleHeight };
  } else if (opts.hasMap) {
    // A long path: the map gets the first page's whole width, and the steps pages of two columns.
    first.map = { x: f.x, y: top + titleHeight, w: full, h: f.bottom - top - titleHeight };
    pages.push(...columnPages("path", pathTitle, steps, halves, f.top, f.bottom - f.top));
  } else {
    // No map: the steps in two columns under the ending, continued on the next pages.
    const columns = pour(steps, f.bottom - top);
    first.columns = columns.slice(0, 2).map((blocks, j) => ({ ...halves[j]!, y: top, blocks }));
    for (let i = 2; i < columns.length; i += 2)
      pages.push({
        kind: "path",
        title: pathTitle,
        columns: columns.slice(i, i + 2).map((blocks, j) => ({ ...halves[j]!, y: f.top, blocks })),
      });
  }

  // 2. Mood and cost over the steps, with axes and values.
  const chartBox = { x: f.x + 150, y: f.top + 70, w: full - 300, h: f.bottom - f.top - 160 };
  pages.push({
    kind: "chart",
    // Teams are compared by mood alone (their costs are in the path's rows).
    title: m.teams.length ? `${t("meter.mood")} (0–100)` : t("debrief.chart"),
    chart: {
      box: chartBox,
      mood: moodAxis(),
      ...(m.teams.length ? {} : { cost: costAxis(m.chart.maxCost, opts.currency, opts.locale) }),
    },
    columns: [],
  });

  // 3. How the class voted at every decision, and what the hot seat's observers would have said.
  const voteSections: Section[] = [];
  if (m.votes.length)
    voteSections.push({
      title: t("debrief.votes"),
      groups: m.votes.map((v) => [
        row(`${v.step}. ${v.label}`, stepSize, "ink", half, {
          gap: 16,
          bar: { counts: v.counts, chosen: v.chosen },
        }),
      ]),
    });
  if (m.marks.length) {
    const label = (step: number) => m.steps.find((s) => s.n === step)?.label ?? "";
    voteSections.push({
      title: t("debrief.marks"),
      groups: m.marks.map((v) => [
        row(`${v.step}. ${label(v.step)}`, stepSize, "ink", half, { gap: 2 }),
        row(t("debrief.marksRow", { same: v.agreed, other: v.differed }), stepSize, "dim", half, { gap: 14 }),
      ]),
    });
  }
  pages.push(...columnPages("votes", t("debrief.votes"), voteSections, halves, f.top, f.bottom - f.top));

  // 4. What to take away: techniques, defence mechanisms, and the best path to compare with.
  const named = (rows: { name: string; count: number }[], mark: string, tone: Tone) =>
    rows.length
      ? rows.map((c) => [row(`${mark} ${c.name} ×${c.count}`, 28, tone, half, { bold: true })])
      : [[row(t("debrief.none"), 28, "dim", half)]];
  const last = m.chart.mood.length - 1;
  const played = `${t("debrief.played")}: ${t("meter.mood")} ${Math.round(m.chart.mood[last] ?? 0)} · ${t("meter.cost")} ${formatMoney(m.chart.cost[last] ?? 0, opts.currency, opts.locale)}`;
  // The comparison (where the class ended against the best path) stays under the techniques, so a long
  // best path never pushes it onto a page of its own.
  const compare: Section[] = m.best
    ? [
        {
          title: t("debrief.compare"),
          groups: [
            [
              row(`${t("debrief.bestShort")}: ${m.best.summary}`, 28, "accent", half, { bold: true, gap: 4 }),
              ...(m.teams.length ? [] : [row(played, 28, "ink", half, { bold: true })]),
            ],
          ],
        },
      ]
    : [];
  const left = pour(
    [
      { title: t("debrief.techniques"), groups: named(m.techniques, "✔", "good") },
      { title: t("debrief.defences"), groups: named(m.defences, "✖", "bad") },
      ...compare,
    ],
    f.bottom - f.top,
  );
  const right = m.best
    ? pour(
        [
          {
            title: t("debrief.best"),
            groups: m.best.labels.map((l, i) => [row(`${i + 1}. ${l}`, stepSize, "ink", half, { gap: 8 })]),
          },
        ],
        f.bottom - f.top,
      )
    : [];
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    pages.push({
      kind: "takeaways",
      title: t("debrief.pageTakeaways"),
      columns: [
        { x: halves[0]!.x, y: f.top, width: half, blocks: left[i] ?? [] },
        { x: halves[1]!.x, y: f.top, width: half, blocks: right[i] ?? [] },
      ],
    });
  // A kind that runs over several pages numbers them, so the console's page list tells them apart.
  for (const kind of ["path", "votes", "takeaways"] as const) {
    const same = pages.filter(
      (p) => p.kind === kind && p.title === pages.find((q) => q.kind === kind)?.title,
    );
    if (same.length > 1) same.forEach((p, i) => (p.title = `${p.title} (${i + 1}/${same.length})`));
  }
  return pages;
}

/** The page the wall shows: the trainer's page, kept within the pages there are. */
export function clampPage(page: number | undefined, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.floor(page ?? 0)));
}

/** "2 / 4" with the page's name, for the header. */
export function pageTag(pages: readonly DebriefPage[], index: number): string {
  return t("debrief.pageOf", { page: index + 1, count: pages.length });
}
