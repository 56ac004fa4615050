import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { rewindCue, rewindWords, type RunWitness } from "./rewindCue";

setLocale("en");

const at = (phase: string, stepIndex: number, more: Partial<RunWitness> = {}): RunWitness => ({
  scenarioId: "ruined-hat",
  phase,
  stepIndex,
  ...more,
});

describe("the rewind cue", () => {
  it("appears when the trainer takes the run back to an earlier step, from play or from the debrief", () => {
    expect(rewindCue(at("revealed", 3), at("deciding", 1))).toEqual({ step: 2 });
    expect(rewindCue(at("voting", 2), at("deciding", 0), "Not our fault.")).toEqual({
      step: 1,
      undone: "Not our fault.",
    });
    expect(rewindCue(at("debrief", 4), at("deciding", 3))).toEqual({ step: 4 });
  });

  it("stays away when the run moves on, a new scenario starts, or another team rewinds", () => {
    expect(rewindCue(undefined, at("deciding", 0))).toBeUndefined();
    expect(rewindCue(at("voting", 1), at("revealed", 2))).toBeUndefined();
    expect(rewindCue(at("revealed", 2), at("voting", 2))).toBeUndefined();
    expect(rewindCue(at("debrief", 4), at("lobby", 0))).toBeUndefined();
    expect(rewindCue(at("lobby", 0), at("deciding", 0, { scenarioId: "agency" }))).toBeUndefined();
    expect(rewindCue(at("deciding", 3, { teamId: "a" }), at("deciding", 1, { teamId: "b" }))).toBeUndefined();
  });

  it("says where the run went and what was undone", () => {
    expect(rewindWords({ step: 2, undone: "Calm down." })).toEqual({
      title: "Rewound to step 2",
      detail: "Undone: “Calm down.”",
    });
    expect(rewindWords({ step: 1 })).toEqual({ title: "Rewound to step 1" });
  });
});
