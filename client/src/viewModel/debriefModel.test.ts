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
      moodAfter: 30,
      costAfter: 3,
    },
    {
      stepIndex: 1,
      optionId: "label",
      label: "The label says hand wash.",
      decidedBy: "majority" as const,
      moodAfter: 10,
      costAfter: 3,
    },
  ];

  it("names the techniques and the defence mechanisms the class showed, as DOMAIN.md does", () => {
    const m = debriefModel({
      path,
      currency: "EUR",
      locale: "en",
      startMood: 20,
      tagsByStep: { 0: ["listens"], 1: ["blames-customer"] },
    });
    expect(m.techniques).toEqual([{ name: "Listens", count: 1 }]);
    expect(m.defences).toEqual([{ name: '"It\'s his own fault"', count: 1 }]);
  });

  it("charts mood and cost from the start through every step", () => {
    const m = debriefModel({ path, currency: "EUR", locale: "en", startMood: 20 });
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
    expect(m.votes).toEqual([{ step: 1, label: "Tell me what happened.", split: "3 / 1" }]);
    expect(m.marks).toEqual([{ step: 1, agreed: 2, differed: 1 }]);
  });
});
