import { describe, expect, it } from "vitest";
import type { LearnerDecision, LearnerRecord } from "@hotseat/shared";
import { myPracticeHtml } from "./myPracticePage";
import { mergedRecord, myPracticeModel } from "./myPracticeModel";

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

  it("puts a type with a mean of 50 neither among the well nor the badly handled, but still on the page", () => {
    expect(model.well).toEqual([]);
    expect(model.badly).toEqual([]);
    expect(model.between).toEqual([{ customerType: "disappointed", meanScore: 50, runs: 2 }]);
    expect(myPracticeHtml(model)).toContain("Still practising");
  });

  it("says every score in words, names each bar, and escapes the learner's text", () => {
    const html = myPracticeHtml(model);
    expect(html).toContain("Listening: first 0, latest 100");
    expect(html).toContain(
      'role="meter" aria-label="Listening: First" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"',
    );
    expect(html).toContain(
      'aria-label="Listening: Latest" aria-valuemin="0" aria-valuemax="100" aria-valuenow="100"',
    );
    expect(html).toContain("Dana &#60;3");
    expect(html).not.toContain("Dana <3");
    expect(html).toContain("Customer kept: Calmed down");
    expect(html).toContain("Too fast: she was not heard.");
  });
});

describe("My practice on a phone seated in two groups", () => {
  const [older, newer] = record.runs as [LearnerRecord["runs"][number], LearnerRecord["runs"][number]];
  const inSpring: LearnerRecord = { learner: { ...record.learner, groupId: "spring" }, runs: [newer] };
  const inAutumn: LearnerRecord = {
    learner: { learnerId: "l2", groupId: "autumn", displayName: "Dana K." },
    runs: [older],
  };

  it("shows one person: every run first to latest whichever group kept it, and both names and groups", () => {
    const { record: merged, groups } = mergedRecord([
      { groupName: "Spring cohort", record: inSpring },
      { groupName: "Autumn cohort", record: inAutumn },
    ]);
    expect(merged.runs.map((r) => r.sessionId)).toEqual(["s1", "s2"]);
    const model = myPracticeModel(merged, groups);
    expect(model.skills).toEqual([{ skill: "listening", first: 0, latest: 100, runs: 2 }]);
    expect(model.name).toBe("Dana <3 / Dana K.");
    expect(myPracticeHtml(model)).toContain("Groups: Spring cohort, Autumn cohort");
  });

  it("keeps one name when both groups know the learner by the same one", () => {
    const twin = { ...inAutumn, learner: { ...inAutumn.learner, displayName: "Dana <3" } };
    const { record: merged } = mergedRecord([
      { groupName: "a", record: inSpring },
      { groupName: "b", record: twin },
    ]);
    expect(merged.learner.displayName).toBe("Dana <3");
  });
});
