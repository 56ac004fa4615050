import { describe, expect, it } from "vitest";
import type { TechniqueTag } from "../scenario/vocabulary";
import { groupAverages, groupMatrix } from "./groupMatrix";
import type { LearnerDecision, LearnerRecord, LearnerRun } from "./learnerDecision";
import { learnerProfile, scoreRun } from "./learnerProfile";

/** A decision between options carrying `open` tags, choosing the one at `chosen`. */
function decision(seq: number, open: TechniqueTag[][], chosen: number): LearnerDecision {
  return {
    sessionId: "s",
    scenarioId: "x",
    scenarioVersion: "v",
    stateId: `state-${seq}`,
    seq,
    at: seq,
    role: "class-vote",
    optionId: `o${chosen}`,
    optionLabel: `Option ${chosen}`,
    tags: open[chosen] ?? [],
    effect: { mood: 0, cost: 0 },
    open: open.map((tags, i) => ({ optionId: `o${i}`, tags, reachable: { bestMood: 0, leastCost: 0 } })),
    comparedWithBest: { moodGap: 0, costGap: 0, bestOptionId: "o0" },
  };
}

function run(
  sessionId: string,
  startedAt: number,
  customerType: string,
  decisions: LearnerDecision[],
): LearnerRun {
  return {
    sessionId,
    scenarioId: "x",
    scenarioVersion: "v",
    scenarioTitle: "X",
    customerType,
    role: "class-vote",
    startedAt,
    decisions: decisions.map((d) => ({ ...d, sessionId })),
  };
}

const learner = (id: string, name: string) => ({ learnerId: id, groupId: "g", displayName: name });

// Ana rushed to a fix and denied the emotion with the aggressive customer, then listened next time,
// and acknowledged the expert's feelings.
const ana: LearnerRecord = {
  learner: learner("ana", "Ana"),
  runs: [
    run("s2", 200, "aggressive", [decision(1, [["listens"], ["rushes-to-fix"]], 0)]),
    run("s1", 100, "aggressive", [
      decision(1, [["listens"], ["rushes-to-fix"]], 1),
      decision(2, [["apologises"], ["denies-emotion"]], 1),
    ]),
    run("s3", 300, "expert", [decision(1, [["acknowledges-emotion"], ["denies-emotion"]], 0)]),
  ],
};

describe("a learner's profile", () => {
  const profile = learnerProfile(ana);

  it("gives each skill its first and latest score, oldest run first", () => {
    const listening = profile.skills.find((s) => s.skill === "listening");
    expect(listening).toMatchObject({
      first: { score: 0, sessionId: "s1" },
      latest: { score: 100, sessionId: "s2" },
      runs: 2,
    });
    const acknowledging = profile.skills.find((s) => s.skill === "acknowledging");
    expect(acknowledging).toMatchObject({
      first: { score: 0, sessionId: "s1" },
      latest: { score: 100, sessionId: "s3" },
    });
    expect(profile.runs.map((r) => r.run.sessionId)).toEqual(["s1", "s2", "s3"]);
    expect(profile.runs.map((r) => r.score)).toEqual([0, 100, 100]);
  });

  it("says which customer types were handled well, badly or in between, from the mean run score", () => {
    expect(profile.customerTypes).toEqual([
      { customerType: "aggressive", runs: 2, meanScore: 50, handling: "in-between" },
      { customerType: "expert", runs: 1, meanScore: 100, handling: "well" },
    ]);
  });

  it("counts the defence mechanisms chosen", () => {
    expect(profile.defences["denies-emotion"]).toBe(1);
    expect(profile.defences["over-gives"]).toBe(0);
  });

  it("scores a scenario's declared tags by the skill the run's pinned scenario gave them", () => {
    const tea = {
      ...run("s4", 400, "expert", [decision(1, [["listens"], []], 1)]),
      declaredTags: { "offers-tea": { kind: "good" as const, skill: "acknowledging" as const } },
    };
    tea.decisions[0] = { ...tea.decisions[0]!, tags: ["offers-tea"] };
    tea.decisions[0].open[1] = { ...tea.decisions[0].open[1]!, tags: ["offers-tea"] };
    const scores = scoreRun(tea).report.skills.map((s) => [s.skill, s.score]);
    expect(scores).toEqual([
      ["listening", 0],
      ["acknowledging", 100],
    ]);
    // Without the declaration the same tag says nothing about a skill.
    const { declaredTags: _, ...bare } = tea;
    expect(scoreRun(bare).report.skills.map((s) => s.skill)).toEqual(["listening"]);
  });

  it("has no skills and no types for a learner with no record yet", () => {
    const empty = learnerProfile({ learner: learner("new", "New"), runs: [] });
    expect(empty).toMatchObject({ skills: [], customerTypes: [], runs: [] });
  });
});

describe("a group's matrix", () => {
  const ben: LearnerRecord = {
    learner: learner("ben", "Ben"),
    runs: [run("s1", 100, "aggressive", [decision(1, [["listens"], ["rushes-to-fix"]], 0)])],
  };
  const matrix = groupMatrix([ana, ben]);

  it("puts each learner's latest score per skill in their row", () => {
    expect(matrix.rows.map((r) => [r.displayName, r.skills])).toEqual([
      ["Ana", { listening: 100, acknowledging: 100 }],
      ["Ben", { listening: 100 }],
    ]);
    expect(matrix.skills).toEqual(["listening", "acknowledging"]);
    expect(matrix.customerTypes).toEqual(["aggressive", "expert"]);
  });

  it("follows the group's mean per skill session by session", () => {
    expect(matrix.trend).toEqual([
      { sessionId: "s1", at: 100, learners: 2, skills: { listening: 50, acknowledging: 0 } },
      { sessionId: "s2", at: 200, learners: 1, skills: { listening: 100 } },
      { sessionId: "s3", at: 300, learners: 1, skills: { acknowledging: 100 } },
    ]);
  });

  it("gives the projector averages that name nobody", () => {
    const averages = groupAverages(matrix);
    expect(averages).toEqual({ learners: 2, skills: { listening: 100, acknowledging: 100 } });
    expect(JSON.stringify(averages)).not.toMatch(/Ana|Ben|ana|ben/);
  });
});
