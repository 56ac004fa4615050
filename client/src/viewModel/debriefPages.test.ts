import type { PathStepView, TechniqueTag } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { setLocale, uiLocales } from "../i18n/t";
import { costAxis } from "./chartAxes";
import { debriefModel } from "./debriefModel";
import { clampPage, debriefPages, minWallType, wallFrame, type DebriefPage } from "./debriefPages";
import { estimateLines } from "./textEstimate";

const long =
  "I completely understand how frustrating this must be, and I want to make it right for you today";

/** A class-vote path of `n` decisions, each with a split of the class's eight votes. */
function path(n: number, label = (i: number) => `${long} (${i + 1})`): PathStepView[] {
  const tags: TechniqueTag[][] = [["listens", "acknowledges-emotion"], ["blames-customer"], []];
  return Array.from({ length: n }, (_, i) => ({
    stepIndex: i,
    optionId: `o${i}`,
    label: label(i),
    decidedBy: "majority" as const,
    tags: tags[i % 3]!,
    moodAfter: 20 + i * 7,
    costAfter: i * 50,
    split: [
      { optionId: `o${i}`, count: 5 },
      { optionId: "x", count: 2 },
      { optionId: "y", count: 1 },
    ],
  }));
}

const ending = {
  id: "kept",
  outcome: "kept" as const,
  title: "She stays",
  debrief: "You listened, named her disappointment and kept the company's interest in view. ".repeat(2),
};

function rows(pages: DebriefPage[]) {
  return pages.flatMap((p) => p.columns.flatMap((c) => c.blocks.flatMap((b) => b.rows)));
}

function pagesFor(n: number, extra: Partial<Parameters<typeof debriefModel>[0]> = {}) {
  const m = debriefModel({
    path: path(n),
    ending,
    currency: "EUR",
    locale: "en",
    best: { labels: ["Tell me what happened.", "I will send a new one."], mood: 80, cost: 20 },
    ...extra,
  });
  return { m, pages: debriefPages(m, { hasMap: true, currency: "EUR", locale: "en" }) };
}

describe("the debrief's pages on the wall", () => {
  setLocale("en");

  it("walks the trainer through the ending and path, the chart, the votes and what to take away", () => {
    const { pages } = pagesFor(3);
    expect(pages.map((p) => p.kind)).toEqual(["path", "chart", "votes", "takeaways"]);
    expect(pages[0]?.ending?.heading).toBe("✓ Customer kept: She stays");
    expect(pages[0]?.map).toBeDefined();
    expect(pages[1]?.chart?.cost?.ticks.at(-1)?.label).toBe("€100");
  });

  it("drops nothing: every decision's vote, every step, technique and the best path appear on some page", () => {
    for (const n of [1, 4, 8, 14]) {
      const { m, pages } = pagesFor(n);
      const texts = rows(pages).map((r) => r.text);
      for (const s of m.steps) expect(texts).toContain(`${s.n}. ${s.label}`);
      const voteRows = rows(pages.filter((p) => p.kind === "votes")).filter((r) => r.bar);
      expect(voteRows.map((r) => r.text)).toEqual(m.votes.map((v) => `${v.step}. ${v.label}`));
      expect(voteRows.every((r) => r.bar?.chosen === 0 && r.bar.counts.join() === "5,2,1")).toBe(true);
      for (const c of [...m.techniques, ...m.defences])
        expect(texts.some((x) => x.includes(`${c.name} ×${c.count}`))).toBe(true);
      for (const l of m.best?.labels ?? []) expect(texts.some((x) => x.endsWith(l))).toBe(true);
    }
  });

  it("gives eight long decisions more pages instead of cutting them, and fills each page to its bottom", () => {
    const { pages } = pagesFor(8);
    expect(pages.filter((p) => p.kind === "path").length).toBeGreaterThan(1);
    for (const p of pages)
      for (const c of p.columns) {
        const bottom = c.y + c.blocks.reduce((a, b) => a + 46 + b.rows.reduce((h, r) => h + r.height, 0), 0);
        expect(bottom).toBeLessThanOrEqual(wallFrame.bottom);
        expect(c.x + c.width).toBeLessThanOrEqual(wallFrame.right);
      }
  });

  it("names every page differently for the console's list, and compares the class with the best path", () => {
    const { pages } = pagesFor(14);
    const titles = pages.map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((x) => x.startsWith("How the class voted")).length).toBeGreaterThan(1);
    const takeaways = pages.find((p) => p.kind === "takeaways");
    const left = takeaways?.columns[0]?.blocks.flatMap((b) => b.rows.map((r) => r.text)) ?? [];
    expect(left).toContain("Best path: Mood 80 · Cost €20");
    expect(left.some((x) => x.startsWith("This class: Mood "))).toBe(true);
  });

  it("keeps every text a room reads at 24 px or more, in every language", () => {
    for (const locale of uiLocales) {
      setLocale(locale);
      const { pages } = pagesFor(8, { locale });
      for (const r of rows(pages)) expect(r.size).toBeGreaterThanOrEqual(minWallType);
      expect(pages[0]?.ending?.textSize ?? 0).toBeGreaterThanOrEqual(minWallType);
    }
    setLocale("en");
  });

  it("shows the hot seat's observers' marks with the step they belong to", () => {
    const marked = path(2).map((s) => ({
      ...s,
      split: undefined,
      marked: [
        { optionId: s.optionId, count: 3 },
        { optionId: "x", count: 1 },
      ],
    }));
    const m = debriefModel({ path: marked, currency: "EUR", locale: "en" });
    const pages = debriefPages(m, { hasMap: false, currency: "EUR", locale: "en" });
    const votes = pages.filter((p) => p.kind === "votes");
    expect(votes).toHaveLength(1);
    expect(rows(votes).map((r) => r.text)).toContain("✔ Same answer: 3 · ✖ Another answer: 1");
  });

  it("has no votes page in solo play, where nobody voted", () => {
    const solo = path(2).map(({ split: _split, ...s }) => s);
    const m = debriefModel({ path: solo, currency: "EUR", locale: "en" });
    expect(debriefPages(m, { hasMap: false, currency: "EUR", locale: "en" }).map((p) => p.kind)).toEqual([
      "path",
      "chart",
      "takeaways",
    ]);
  });

  it("lists each team with its ending coloured by outcome, and charts one mood line per team", () => {
    const m = debriefModel({
      path: [],
      teams: [
        {
          name: "Team 1",
          path: path(2),
          outcome: "public-adversary",
          endingTitle: "Gone public",
          meters: { mood: 5, cost: 0 },
        },
        { name: "Team 2", path: path(3), branches: [{ fromStep: 0, steps: path(1, () => "Tried first") }] },
      ],
      currency: "EUR",
      locale: "en",
    });
    const pages = debriefPages(m, { hasMap: true, currency: "EUR", locale: "en" });
    const all = rows(pages);
    const heads = all.filter((r) => typeof r.tone === "object" && "team" in r.tone);
    expect(heads.map((r) => r.text)).toEqual(["■ Team 1", "■ Team 2"]);
    const ended = all.filter((r) => typeof r.tone === "object" && "outcome" in r.tone);
    expect(ended.map((r) => [r.text, r.tone])).toEqual([
      ["! Public adversary: Gone public", { outcome: "public-adversary" }],
    ]);
    expect(all.some((r) => r.text === "not finished" && r.tone === "dim")).toBe(true);
    expect(all.map((r) => r.text)).toContain("⟲ Step 1: Tried first");
    // Every step of every team is on some page.
    for (const n of [1, 2, 3])
      expect(all.filter((r) => r.text === `${n}. ${long} (${n})`).length).toBe(n < 3 ? 2 : 1);
    expect(pages.find((p) => p.kind === "chart")?.chart?.cost).toBeUndefined();
  });

  it("keeps the trainer's page within the pages there are", () => {
    expect(clampPage(undefined, 4)).toBe(0);
    expect(clampPage(7, 4)).toBe(3);
    expect(clampPage(2, 4)).toBe(2);
  });
});

describe("chart axes", () => {
  it("puts 9 € on a 0–10 € axis and 405 € on a 0–500 € one, so small costs look small", () => {
    expect(costAxis(9, "EUR", "en").ticks.map((x) => x.label)).toEqual(["€0", "€2", "€4", "€6", "€8", "€10"]);
    expect(costAxis(405, "EUR", "en")).toMatchObject({ max: 500 });
    expect(costAxis(405, "EUR", "en").ticks).toHaveLength(6);
    expect(costAxis(0, "PLN", "pl").ticks.map((x) => x.value)).toEqual([0, 1]);
  });
});

describe("text estimates", () => {
  it("wrap by words and err wide", () => {
    expect(estimateLines("short", 26, 800)).toBe(1);
    expect(estimateLines(long, 26, 800)).toBe(2);
    expect(estimateLines("a\nb", 26, 800)).toBe(2);
  });
});
