import { describe, expect, it } from "vitest";
import { compileScenario } from "./compileScenario";
import { loadTestPlans, runTestPlans } from "./testPlans";
import { hatScenario } from "./testFixtures";

const compiled = compileScenario(hatScenario());

const plansYaml = `formatVersion: 1
scenario: ruined-hat
plans:
  - name: Listen, acknowledge, replace
    locale: pl
    choices: [ask-what-happened, acknowledge, replace]
    expect: { ending: ambassador, mood: { min: 60 }, cost: { max: 50 }, lines: ["rozpadła"] }
  - name: Blame the customer and still hope for a fan
    choices: [quote-the-label, apologise, acknowledge, thank]
    expect: { ending: ambassador, mood: { min: 60 } }
  - name: Refund
    choices: [ask-what-happened, acknowledge, refund]
    expect: { ending: ambassador, mood: { min: 60 }, reputation: { max: 10 }, lines: ["Thank you"] }
`;

describe("test plans", () => {
  it("loads a plans file and reports choices that cannot be made as HS018 at their line", () => {
    const loaded = loadTestPlans(plansYaml, "plans.yaml", compiled);
    expect(loaded.plans?.plans).toHaveLength(3);
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ code: "HS018", severity: "error", line: 9, column: 56 });
    expect(loaded.diagnostics[0]?.message).toContain("the option 'thank' was not available");
  });

  it("passes a plan that holds and explains every failed expectation", () => {
    const loaded = loadTestPlans(plansYaml, "plans.yaml");
    if (loaded.plans === undefined) throw new Error("plans did not load");
    const [good, blamed, refund] = runTestPlans(compiled, loaded.plans);
    expect(good).toMatchObject({ passed: true, failures: [], endingId: "ambassador", cost: 43 });
    expect(good?.meters.mood).toBe(70);
    expect(blamed?.passed).toBe(false);
    expect(blamed?.failures).toEqual([
      "after choice 3 'acknowledge', the option 'thank' was not available in 'offer'; available were: replace, refund",
      "the conversation did not end (it stopped in 'offer' after 3 choices) but the plan expects 'ambassador'",
      "mood ended at 35, expected at least 60",
    ]);
    expect(refund?.failures).toEqual([
      "ended at 'neutral' but the plan expects 'ambassador'",
      "mood ended at 45, expected at least 60",
      "reputation ended at 60, expected at most 10",
      'no customer line on the way contains "Thank you"',
    ]);
  });

  it("reports YAML syntax errors as HS001 and schema problems as HS002", () => {
    expect(loadTestPlans("formatVersion: 1\nplans: [\n", "p.yaml").diagnostics[0]?.code).toBe("HS001");
    const bad = loadTestPlans(
      "formatVersion: 1\nscenario: ruined-hat\nplans:\n  - name: x\n    choices: []\n",
      "p.yaml",
    );
    expect(bad.plans).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ code: "HS002", line: 4 });
  });

  it("flags an unknown ending and plans meant for another scenario", () => {
    const other = plansYaml
      .replace("scenario: ruined-hat", "scenario: other")
      .replace("ending: ambassador,", "ending: hero,");
    const codes = loadTestPlans(other, "plans.yaml", compiled).diagnostics.map((d) => [
      d.code,
      d.severity,
      d.line,
    ]);
    expect(codes).toContainEqual(["HS018", "warning", 2]);
    expect(codes).toContainEqual(["HS018", "error", 7]);
  });
});
