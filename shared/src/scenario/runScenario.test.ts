import { describe, expect, it } from "vitest";
import { compileScenario } from "./compileScenario";
import { choose, endingOf, optionsAt, startRun, stateMetaOf } from "./runScenario";
import { RunError, runStateSchema } from "./runState";
import type { RunState } from "./runState";
import { totalCost } from "./runContext";
import { hatScenario } from "./testFixtures";

const compiled = compileScenario(hatScenario());

function play(ids: string[], from: RunState = startRun(compiled)): RunState {
  return ids.reduce((run, id) => choose(compiled, run, id), from);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof RunError) return e.code;
    throw e;
  }
  return undefined;
}

describe("run API", () => {
  it("starts in the initial state with the scenario's meters", () => {
    const run = startRun(compiled);
    expect(run).toMatchObject({ stateId: "opening", meters: { mood: 20, reputation: 60 }, ended: false });
    expect(run.visited).toEqual(["opening"]);
    expect(runStateSchema.parse(run)).toEqual(run);
  });

  it("plays through choices, moving meters, ledger, said and chosen, to an ending", () => {
    const run = play(["ask-what-happened", "acknowledge", "replace"]);
    expect(run.stateId).toBe("delighted");
    expect(run.meters.mood).toBe(70);
    expect(run.ledger).toEqual({ staffTime: 3, replacement: 40 });
    expect(totalCost(run.ledger)).toBe(43);
    expect(run.said).toEqual(["listens", "acknowledges-emotion", "offers-solution"]);
    expect(run.chosen).toEqual(["ask-what-happened", "acknowledge", "replace"]);
    expect(run.facts).toEqual(["wants-hat"]);
    expect(run.ended).toBe(true);
    expect(endingOf(compiled, run)).toMatchObject({ id: "ambassador", outcome: "ambassador" });
    expect(run.steps.map((s) => [s.from, s.to, s.costAfter])).toEqual([
      ["opening", "details", 3],
      ["details", "offer", 3],
      ["offer", "delighted", 43],
    ]);
  });

  it("follows the eventless check to the lower ending when mood stays below 60", () => {
    const run = play(["quote-the-label", "apologise", "acknowledge", "replace"]);
    expect(run.meters.mood).toBe(55);
    expect(endingOf(compiled, run)?.id).toBe("kept");
  });

  it("runs a final state's entry effect", () => {
    const run = play(["ask-what-happened", "blame-courier", "insist"]);
    expect(run.stateId).toBe("gone-public");
    expect(run.meters).toEqual({ mood: 0, reputation: 40 });
  });

  it("takes the moodBelow branch only when the mood is low enough", () => {
    expect(play(["quote-the-label"]).stateId).toBe("grudging");
    const angry = hatScenario();
    angry.meters.mood = 10;
    const c = compileScenario(angry);
    const run = choose(c, startRun(c), "quote-the-label");
    expect(run.stateId).toBe("gone-public");
    expect(run.meters).toEqual({ mood: 0, reputation: 25 });
  });

  it("offers only available options, with inherited labels and the taken branch's effects", () => {
    const opening = optionsAt(compiled, startRun(compiled));
    expect(opening.map((o) => o.id)).toEqual(["ask-what-happened", "quote-the-label"]);
    expect(opening[1]).toMatchObject({
      label: "The label says hand wash only.",
      feedback: "She hears: it is your fault.",
      effects: { mood: -10, reputation: 0, strain: 0, cost: 0 },
    });
    expect(opening[0]?.effects).toEqual({ mood: 10, reputation: 0, strain: 0, cost: 3 });
    // `thank` needs the `listens` technique; `replace` needs the remembered fact.
    const listened = play(["ask-what-happened", "acknowledge"]);
    expect(optionsAt(compiled, listened).map((o) => o.id)).toEqual(["replace", "refund", "thank"]);
    const blamed = play(["quote-the-label", "apologise", "acknowledge"]);
    expect(optionsAt(compiled, blamed).map((o) => o.id)).toEqual(["replace", "refund"]);
    // `apologise` is guarded by notVisited details.
    expect(optionsAt(compiled, play(["ask-what-happened", "blame-courier"])).map((o) => o.id)).toEqual([
      "insist",
    ]);
  });

  it("refuses impossible choices with a RunError code", () => {
    const start = startRun(compiled);
    expect(codeOf(() => choose(compiled, start, "sing"))).toBe("option.unknown");
    const afterListening = play(["quote-the-label", "apologise", "acknowledge"]);
    expect(codeOf(() => choose(compiled, afterListening, "thank"))).toBe("option.unavailable");
    const ended = play(["quote-the-label", "insist"]);
    expect(codeOf(() => choose(compiled, ended, "insist"))).toBe("run.ended");
    expect(optionsAt(compiled, ended)).toEqual([]);
  });

  it("restores a run from its JSON and continues identically", () => {
    const mid = play(["ask-what-happened"]);
    const restored = runStateSchema.parse(JSON.parse(JSON.stringify(mid)));
    expect(play(["acknowledge", "thank"], restored)).toEqual(
      play(["ask-what-happened", "acknowledge", "thank"]),
    );
  });

  it("gives the customer's line of a state", () => {
    expect(stateMetaOf(compiled, "grudging")).toEqual({ line: "So it is my fault?", emotion: "contempt" });
  });
});
