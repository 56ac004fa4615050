import { describe, expect, it } from "vitest";
import { compileScenario } from "../scenario/compileScenario";
import { runTestPlan } from "../scenario/testPlans";
import { hatScenario } from "../scenario/testFixtures";
import { loadTestPlans } from "../scenario/testPlans";
import { planFromRun, plansFileText, plansOfText } from "./planFromRun";
import { pathToState, previewChoose, previewJump, previewStart, replayChoices } from "./previewRun";

const compiled = compileScenario(hatScenario());

describe("the Studio's preview run", () => {
  it("plays choices with each option's feedback, and replays them on an edited scenario", () => {
    let at = previewStart(compiled);
    at = previewChoose(compiled, at, "quote-the-label");
    expect(at.run.stateId).toBe("grudging");
    expect(at.feedback).toBe("She hears: it is your fault.");
    const kept = replayChoices(compiled, ["ask-what-happened", "acknowledge"]);
    expect(kept).toMatchObject({ complete: true, at: { run: { stateId: "offer" } } });
    // The option was renamed in the edited text: the replay stops where it no longer exists.
    const edited = hatScenario();
    const details = edited.machine.states.details!;
    details.on = { "acknowledge-it": details.on!.acknowledge! };
    const after = replayChoices(compileScenario(edited), ["ask-what-happened", "acknowledge"]);
    expect(after).toMatchObject({ complete: false, at: { run: { stateId: "details" } } });
  });

  it("jumps to a state by its shortest way from the start, or places the run there when none reaches it", () => {
    expect(pathToState(compiled, "offer")).toEqual(["ask-what-happened", "acknowledge"]);
    const jumped = previewJump(compiled, "offer");
    expect(jumped.fromStart).toBe(true);
    expect(jumped.run.meters.mood).toBe(50);
    const withAside = hatScenario();
    withAside.machine.states.aside = { type: "final", meta: { line: "…", emotion: "calm", ending: "lost" } };
    const aside = previewJump(compileScenario(withAside), "aside");
    expect(aside).toMatchObject({
      fromStart: false,
      run: { stateId: "aside", ended: true, endingId: "lost" },
    });
  });
});

describe("a run saved as a test plan", () => {
  const finished = replayChoices(compiled, ["ask-what-happened", "acknowledge", "replace"]).at.run;

  it("expects the ending, meters and cost the run reached, and passes as `hotseat test` reads it", () => {
    const plan = planFromRun(compiled, finished, "en", ["A fan, 3 choices"]);
    expect(plan).toEqual({
      name: "A fan, 3 choices (2)",
      locale: "en",
      choices: ["ask-what-happened", "acknowledge", "replace"],
      expect: {
        ending: "ambassador",
        mood: { min: 70, max: 70 },
        reputation: { min: finished.meters.reputation, max: finished.meters.reputation },
        cost: { min: 43, max: 43 },
      },
    });
    const text = plansFileText("ruined-hat", [plan!]);
    const loaded = loadTestPlans(text, "plans.yaml", compiled);
    expect(loaded.diagnostics).toEqual([]);
    expect(plansOfText(text)).toEqual([plan]);
    expect(runTestPlan(compiled, plan!).passed).toBe(true);
    expect(planFromRun(compiled, previewStart(compiled).run, "en")).toBeUndefined();
    expect(plansFileText("ruined-hat", [])).toBe("");
    expect(plansOfText("")).toEqual([]);
  });

  it("fails once the scenario is edited under it", () => {
    const plan = planFromRun(compiled, finished, "en")!;
    const edited = hatScenario();
    const offer = edited.machine.states.offer!;
    const replace = offer.on!.replace!;
    offer.on = {
      ...offer.on,
      replace: { ...(Array.isArray(replace) ? replace[0]! : replace), target: "satisfied" },
    };
    const result = runTestPlan(compileScenario(edited), plan);
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toContain("ended at 'kept' but the plan expects 'ambassador'");
  });
});
