import type { CompiledScenario } from "./compileScenario";
import type { Diagnostic } from "./diagnostic";
import { issueDiagnostics } from "./issueDiagnostics";
import { localize } from "./localized";
import { parseScenarioText } from "./parseScenarioText";
import { totalCost } from "./runContext";
import { choose, optionsAt, startRun } from "./runScenario";
import { RunError } from "./runState";
import type { RunMeters, RunState } from "./runState";
import { testPlansFileSchema } from "./scenarioSchema";
import type { TestPlan, TestPlansFile } from "./scenarioSchema";
import { modelOf } from "./scenarioModel";
import type { SourcePositions } from "./sourcePositions";

/** The outcome of one test plan: whether it passed and, if not, why in a trainer's words. */
export type TestPlanResult = {
  name: string;
  passed: boolean;
  failures: string[];
  endingId?: string;
  meters: RunMeters;
  cost: number;
  /** How many of the plan's choices were made before it stopped. */
  choicesMade: number;
};

/** A plans file read from text: the plans when they are well-formed, and every problem found. */
export type LoadedTestPlans = { plans?: TestPlansFile; diagnostics: Diagnostic[] };

function stepWords(run: RunState): string {
  const last = run.steps[run.steps.length - 1];
  return last === undefined ? "at the start" : `after choice ${run.steps.length} '${last.optionId}'`;
}

type Played = { run: RunState; failure?: { index: number; message: string } };

// Plays the choices until one cannot be made; says why in the words of someone reading the plan.
function play(compiled: CompiledScenario, choices: readonly string[]): Played {
  let run = startRun(compiled);
  for (const [index, optionId] of choices.entries()) {
    try {
      run = choose(compiled, run, optionId);
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      const where = stepWords(run);
      const available = optionsAt(compiled, run).map((o) => o.id);
      const list = available.length > 0 ? available.join(", ") : "none";
      const message =
        e.code === "run.ended"
          ? `${where}, the conversation had already ended at '${run.endingId ?? run.stateId}', so '${optionId}' could not be chosen; remove the choices after it`
          : e.code === "option.unavailable"
            ? `${where}, the option '${optionId}' was not available in '${run.stateId}'; available were: ${list}`
            : `${where}, there is no option '${optionId}' in '${run.stateId}'; available were: ${list}`;
      return { run, failure: { index, message } };
    }
  }
  return { run };
}

function band(name: string, value: number | undefined, expected: { min?: number; max?: number } | undefined) {
  if (expected === undefined) return [];
  if (value === undefined) return [`the scenario has no ${name} meter, but the plan expects one`];
  const out: string[] = [];
  if (expected.min !== undefined && value < expected.min)
    out.push(`${name} ended at ${value}, expected at least ${expected.min}`);
  if (expected.max !== undefined && value > expected.max)
    out.push(`${name} ended at ${value}, expected at most ${expected.max}`);
  return out;
}

/** Plays one plan and checks every expectation. */
export function runTestPlan(compiled: CompiledScenario, plan: TestPlan): TestPlanResult {
  const { run, failure } = play(compiled, plan.choices);
  const failures = failure === undefined ? [] : [failure.message];
  const expect = plan.expect;
  if (run.endingId !== expect.ending) {
    failures.push(
      run.ended
        ? `ended at '${run.endingId ?? run.stateId}' but the plan expects '${expect.ending}'`
        : `the conversation did not end (it stopped in '${run.stateId}' after ${run.steps.length} choices) but the plan expects '${expect.ending}'`,
    );
  }
  const cost = totalCost(run.ledger);
  failures.push(
    ...band("mood", run.meters.mood, expect.mood),
    ...band("reputation", run.meters.reputation, expect.reputation),
    ...band("strain", run.meters.strain, expect.strain),
    ...band("cost", cost, expect.cost),
  );
  if (expect.lines !== undefined) {
    const model = modelOf(compiled);
    const locale = plan.locale ?? compiled.scenario.languages[0] ?? "en";
    const seen = [startRun(compiled).stateId, ...run.steps.map((s) => s.to)].map((id) => {
      const meta = model.states.get(id)?.meta;
      return meta === undefined ? "" : localize(meta.line, locale);
    });
    for (const wanted of expect.lines) {
      if (!seen.some((line) => line.includes(wanted))) {
        failures.push(`no customer line on the way contains "${wanted}"`);
      }
    }
  }
  const result: TestPlanResult = {
    name: plan.name,
    passed: failures.length === 0,
    failures,
    meters: run.meters,
    cost,
    choicesMade: run.steps.length,
  };
  if (run.endingId !== undefined) result.endingId = run.endingId;
  return result;
}

/** Plays every plan of a plans file against a compiled scenario. */
export function runTestPlans(compiled: CompiledScenario, plansFile: TestPlansFile): TestPlanResult[] {
  return plansFile.plans.map((plan) => runTestPlan(compiled, plan));
}

// HS018: choices that cannot be made and endings that do not exist, pointing at the plan's line.
function planDiagnostics(
  compiled: CompiledScenario,
  plans: TestPlansFile,
  positions: SourcePositions,
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: (string | number)[], severity: Diagnostic["severity"], message: string) => {
    const p = positions.valueAt(path);
    out.push({ code: "HS018", severity, message, file, line: p.line, column: p.column, path });
  };
  if (plans.scenario !== compiled.scenario.id) {
    at(
      ["scenario"],
      "warning",
      `These plans are for '${plans.scenario}', but the scenario is '${compiled.scenario.id}'.`,
    );
  }
  const endings = Object.keys(compiled.scenario.endings);
  plans.plans.forEach((plan, i) => {
    const { failure } = play(compiled, plan.choices);
    if (failure !== undefined) {
      at(["plans", i, "choices", failure.index], "error", `Plan '${plan.name}': ${failure.message}.`);
    }
    if (!endings.includes(plan.expect.ending)) {
      at(
        ["plans", i, "expect", "ending"],
        "error",
        `Plan '${plan.name}' expects the ending '${plan.expect.ending}', which the scenario does not have. Endings: ${endings.join(", ")}.`,
      );
    }
  });
  return out;
}

/**
 * Reads a plans file (YAML or JSON). Syntax errors are HS001, schema problems HS002; when the
 * compiled scenario is given, choices that cannot be made and unknown endings are HS018.
 */
export function loadTestPlans(text: string, file: string, compiled?: CompiledScenario): LoadedTestPlans {
  const parsed = parseScenarioText(text, file);
  if (parsed.data === undefined) return { diagnostics: parsed.diagnostics };
  const result = testPlansFileSchema.safeParse(parsed.data);
  if (!result.success) {
    const diagnostics = issueDiagnostics(result.error.issues, {
      data: parsed.data,
      positions: parsed.positions,
      file,
      schema: testPlansFileSchema,
    });
    return { diagnostics };
  }
  const diagnostics =
    compiled === undefined ? [] : planDiagnostics(compiled, result.data, parsed.positions, file);
  return { plans: result.data, diagnostics };
}
