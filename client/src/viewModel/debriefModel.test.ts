import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { debriefModel } from "./debriefModel";

describe("debrief", () => {
  setLocale("en");
  const path = [
    {
      stepIndex: 0,
      optionId: "ask",
      label: "Tell me what happened.",
      decidedBy: "majority" as const,
      tags: ["listens" as const],
      moodAfter: 30,
      costAfter: 3,
    },
    {
      stepIndex: 1,
      optionId: "label",
      label: "The label says hand wash.",
      decidedBy: "majority" as const,
      tags: ["blames-customer" as const],
      moodAfter: 10,
      costAfter: 3,
    },
  ];

  it("names the techniques and the defence mechanisms of every step from the view, as DOMAIN.md does", () => {
    const m = debriefModel({ path, currency: "EUR", locale: "en" });
    expect(m.techniques).toEqual([{ name: "Listens", count: 1 }]);
    expect(m.defences).toEqual([{ name: "\"It's the customer's own fault\"", count: 1 }]);
    expect(m.steps.map((s) => s.tags.map((b) => b.text))).toEqual([
      ["✔ Technique: Listens"],
      ["✖ Defence mechanism: \"It's the customer's own fault\""],
    ]);
    expect(m.steps[1]?.tags[0]?.good).toBe(false);
  });

  it("names the defence mechanisms in every language", () => {
    for (const [locale, name] of [
      ["pl", "Zaprzeczanie emocjom"],
      ["ro", "Negarea emoției"],
      ["lt", "Emocijos neigimas"],
    ] as const) {
      setLocale(locale);
      const m = debriefModel({
        path: [{ ...path[0]!, tags: ["denies-emotion", "listens"] }],
        currency: "EUR",
        locale,
      });
      expect(m.defences.map((c) => c.name)).toEqual([name]);
      expect(m.steps[0]?.tags[0]?.text.startsWith("✖ ")).toBe(true);
      expect(m.steps[0]?.tags[1]?.text.startsWith("✔ ")).toBe(true);
    }
    setLocale("en");
  });

  it("charts mood and cost from the start through every step", () => {
    const m = debriefModel({
      path,
      currency: "EUR",
      locale: "en",
      startMeters: { mood: 20, reputation: 60, cost: 0 },
    });
    expect(m.chart.mood).toEqual([20, 30, 10]);
    expect(m.chart.cost).toEqual([0, 3, 3]);
    expect(m.chart.costLabel).toBe("€3");
  });

  it("shows each decision's vote split and how many observers' marks agreed", () => {
    const meters = { mood: 30, cost: 3 };
    const m = debriefModel({
      path,
      currency: "EUR",
      locale: "en",
      history: [
        {
          stepIndex: 0,
          optionId: "ask",
          label: "Tell me what happened.",
          decidedBy: "majority",
          tags: ["listens"],
          tally: [
            { optionId: "ask", count: 3 },
            { optionId: "label", count: 1 },
          ],
          votes: {},
          marks: { a: "ask", b: "label", c: "ask" },
          at: 0,
          meters,
        },
      ],
    });
    expect(m.votes).toEqual([
      { step: 1, label: "Tell me what happened.", split: "3 / 1", counts: [3, 1], chosen: 0 },
    ]);
    expect(m.marks).toEqual([{ step: 1, agreed: 2, differed: 1 }]);
  });

  it("lists each team's path and mood line, and counts every team's techniques", () => {
    const m = debriefModel({
      path: [],
      teams: [
        { name: "Team 1", path: [path[0]!] },
        { name: "Team 2", path },
      ],
      startMeters: { mood: 20, cost: 0 },
      currency: "EUR",
      locale: "en",
    });
    expect(m.teams.map((team) => [team.name, team.steps.length, team.mood])).toEqual([
      ["Team 1", 1, [20, 30]],
      ["Team 2", 2, [20, 30, 10]],
    ]);
    expect(m.techniques).toEqual([{ name: "Listens", count: 2 }]);
    expect(m.defences.map((c) => c.count)).toEqual([1]);
  });

  it("shows the wall and the phones the vote split and observers' marks from the path's counts", () => {
    const counted = [
      {
        ...path[0]!,
        split: [
          { optionId: "ask", count: 7 },
          { optionId: "label", count: 2 },
        ],
      },
      {
        ...path[1]!,
        marked: [
          { optionId: "label", count: 1 },
          { optionId: "ask", count: 4 },
        ],
      },
    ];
    const m = debriefModel({ path: counted, currency: "EUR", locale: "en" });
    expect(m.votes).toEqual([
      { step: 1, label: "Tell me what happened.", split: "7 / 2", counts: [7, 2], chosen: 0 },
    ]);
    expect(m.marks).toEqual([{ step: 2, agreed: 1, differed: 4 }]);
  });
});
