import { describe, expect, it } from "vitest";
import type { LearnerDecision, LearnerRecord } from "@hotseat/shared";
import { myPracticeHtml } from "./myPracticePage";
import { myPracticeModel } from "./myPracticeModel";

const step = (seq: number, chosen: "listens" | "rushes-to-fix", feedback: string): LearnerDecision => ({
  sessionId: "s",
  scenarioId: "ruined-hat",
  scenarioVersion: "v",
  stateId: "opening",
  seq,
  at: seq,
  role: "class-vote",
  optionId: chosen,
  optionLabel: chosen === "listens" ? "Tell me what happened" : "I'll refund it right away",
  tags: [chosen],
  effect: { mood: 0, cost: 0 },
  feedback,
  open: [
    { optionId: "listens", tags: ["listens"], reachable: { bestMood: 80, leastCost: 0 } },
    { optionId: "rushes-to-fix", tags: ["rushes-to-fix"], reachable: { bestMood: 40, leastCost: 0 } },
  ],
  comparedWithBest: { moodGap: 0, costGap: 0, bestOptionId: "listens" },
});

const record: LearnerRecord = {
  learner: { learnerId: "l", groupId: "g", displayName: "Dana <3" },
  runs: [
    {
      sessionId: "s1",
      scenarioId: "ruined-hat",
      scenarioVersion: "v",
      scenarioTitle: "The ruined hat",
      customerType: "disappointed",
      role: "class-vote",
      startedAt: Date.UTC(2026, 11, 1),
      ending: { endingId: "calm", outcome: "kept", title: "Calmed down" },
      decisions: [step(1, "rushes-to-fix", "Too fast: she was not heard.")],
    },
    {
      sessionId: "s2",
      scenarioId: "ruined-hat",
      scenarioVersion: "v",
      scenarioTitle: "The ruined hat",
      customerType: "disappointed",
      role: "solo",
      startedAt: Date.UTC(2026, 11, 3),
      decisions: [step(1, "listens", "Good: she tells the story.")],
    },
  ],
};

describe("My practice", () => {
  const model = myPracticeModel(record);

  it("shows each skill's first and latest score, sessions newest first", () => {
    expect(model.skills).toEqual([{ skill: "listening", first: 0, latest: 100, runs: 2 }]);
    expect(model.sessions.map((s) => s.score)).toEqual([100, 0]);
    expect(model.sessions[1]?.steps[0]).toEqual({
      label: "I'll refund it right away",
      feedback: "Too fast: she was not heard.",
      tags: ["rushes-to-fix"],
    });
  });

  it("puts a type with a mean of 50 neither among the well nor the badly handled", () => {
    expect(model.well).toEqual([]);
    expect(model.badly).toEqual([]);
  });

  it("says every score in words (bars are hidden from screen readers) and escapes the learner's text", () => {
    const html = myPracticeHtml(model);
    expect(html).toContain("Listening: first 0, latest 100");
    expect(html).toContain("Dana &#60;3");
    expect(html).not.toContain("Dana <3");
    expect(html).toContain("Customer kept: Calmed down");
    expect(html).toContain("Too fast: she was not heard.");
  });
});
