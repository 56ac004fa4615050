import { describe, expect, it } from "vitest";
import { costStages, revealPlays, revealTimeline, stepsStarting, type RevealWitness } from "./revealTimeline";

const classVote = { tally: true, costItems: 2, moodDelta: -12, reduced: false };

describe("the reveal's timeline", () => {
  it("runs tally → highlight → reaction → meters and cost item by item → feedback, in a few seconds", () => {
    const plan = revealTimeline(classVote);
    expect(plan.steps.map((s) => s.part)).toEqual([
      "settle",
      "highlight",
      "react",
      "meters",
      "cost",
      "cost",
      "feedback",
    ]);
    const starts = plan.steps.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // Each moment waits for the one before it to be seen.
    const at = (part: string) => plan.steps.find((s) => s.part === part)!;
    expect(at("highlight").start).toBeGreaterThanOrEqual(at("settle").start + at("settle").duration);
    expect(at("react").start).toBeGreaterThanOrEqual(at("highlight").start + at("highlight").duration);
    expect(at("feedback").start).toBeGreaterThanOrEqual(at("meters").start + at("meters").duration);
    const costs = plan.steps.filter((s) => s.part === "cost");
    expect(costs.map((s) => s.item)).toEqual([0, 1]);
    expect(at("feedback").start).toBeGreaterThanOrEqual(costs[1]!.start + costs[1]!.duration);
    expect(plan.total).toBe(at("feedback").start + at("feedback").duration);
    expect(plan.total).toBeGreaterThan(3000);
    expect(plan.total).toBeLessThan(6000);
  });

  it("plays a tick as the tally settles, a falling tone for a worse mood, a blip per cost item", () => {
    const cues = revealTimeline(classVote).steps.flatMap((s) => (s.cue ? [s.cue] : []));
    expect(cues).toEqual(["tick", "fall", "blip", "blip"]);
    const better = revealTimeline({ ...classVote, moodDelta: 8 });
    expect(better.steps.find((s) => s.part === "react")?.cue).toBe("rise");
  });

  it("has no settling without a tally (hot seat, override), and a shorter highlight", () => {
    const plan = revealTimeline({ ...classVote, tally: false });
    expect(plan.steps[0]?.part).toBe("highlight");
    expect(plan.steps[0]?.start).toBe(0);
    expect(plan.total).toBeLessThan(revealTimeline(classVote).total);
  });

  it("keeps a long ledger from dragging the reveal out", () => {
    const many = revealTimeline({ ...classVote, costItems: 12 });
    const five = revealTimeline({ ...classVote, costItems: 5 });
    expect(many.steps.filter((s) => s.part === "cost")).toHaveLength(12);
    expect(many.total).toBeLessThanOrEqual(five.total + 1);
  });

  it("under reduced motion shows everything at once: the final frame at 0 ms, only the reaction sounds", () => {
    const plan = revealTimeline({ ...classVote, reduced: true });
    expect(plan.total).toBe(0);
    expect(plan.steps.every((s) => s.start === 0 && s.duration === 0)).toBe(true);
    expect(plan.steps.map((s) => s.part)).toContain("feedback");
    expect(plan.steps.flatMap((s) => (s.cue ? [s.cue] : []))).toEqual(["fall"]);
  });

  it("hands each step to the clock exactly once, and a skip (the whole rest at once) reaches the end", () => {
    const plan = revealTimeline(classVote);
    const seen = [
      ...stepsStarting(plan, -1, 0),
      ...stepsStarting(plan, 0, 1000),
      ...stepsStarting(plan, 1000, 1016),
    ];
    // Skipping from 1016 ms: every step not yet started, then nothing more.
    const rest = stepsStarting(plan, 1016, Infinity);
    expect([...seen, ...rest]).toEqual(plan.steps);
    expect(stepsStarting(plan, plan.total, Infinity)).toEqual([]);
  });
});

describe("the cost ticker's stages", () => {
  it("adds each changed item in turn and ends on exactly the new ledger and total", () => {
    const before = [{ item: "refund" as const, amount: 20 }];
    const after = [
      { item: "refund" as const, amount: 45 },
      { item: "staffTime" as const, amount: 12 },
    ];
    const stages = costStages(before, after, 20, 57);
    expect(stages).toEqual([
      { ledger: [{ item: "refund", amount: 45 }], total: 45 },
      { ledger: after, total: 57 },
    ]);
  });

  it("has no stage when the decision cost nothing", () => {
    const same = [{ item: "refund" as const, amount: 20 }];
    expect(costStages(same, same, 20, 20)).toEqual([]);
  });
});

describe("which reveals play as a sequence", () => {
  const voting: RevealWitness = { scenarioId: "ruined-hat", phase: "voting", stepIndex: 1, teams: false };
  const revealed: RevealWitness = { ...voting, phase: "revealed", stepIndex: 2 };

  it("plays the reveal the wall watched happen", () => {
    expect(revealPlays(voting, revealed)).toBe(true);
    expect(revealPlays({ ...voting, phase: "closed" }, revealed)).toBe(true);
    expect(revealPlays({ ...voting, phase: "deciding" }, revealed)).toBe(true);
  });

  it("shows a late-joining or reloaded wall the final frame, not a replay", () => {
    expect(revealPlays(undefined, revealed)).toBe(false);
    // Already revealed when seen (a redraw of the same reveal, e.g. a trainee joined meanwhile).
    expect(revealPlays(revealed, revealed)).toBe(false);
  });

  it("does not play across scenarios, for a rewind, or on the teams' board", () => {
    expect(revealPlays({ ...voting, scenarioId: "other" }, revealed)).toBe(false);
    expect(revealPlays({ ...voting, stepIndex: 3 }, revealed)).toBe(false);
    expect(revealPlays({ ...voting, teams: true }, { ...revealed, teams: true })).toBe(false);
  });
});
