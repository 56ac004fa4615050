import { stringify } from "yaml";
import { currentFormatVersion } from "../scenario/scenarioSchema";
import type { CompiledScenario } from "../scenario/compileScenario";
import { localize } from "../scenario/localized";
import { totalCost } from "../scenario/runContext";
import type { RunState } from "../scenario/runState";
import type { TestPlan, TestPlansFile } from "../scenario/scenarioSchema";
import { loadTestPlans } from "../scenario/testPlans";

/** `name`, or `name (2)`, `name (3)`… whichever no plan in `taken` has yet. */
export function freePlanName(name: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) if (!used.has(`${name} (${n})`)) return `${name} (${n})`;
}

/**
 * A finished run as a test plan in the format `hotseat test` reads: its choices, and as expectations the
 * ending it reached and the meters and cost exactly as they ended (a trainer widens the bands to taste).
 * Undefined while the run has not reached an ending: a plan must name one.
 */
export function planFromRun(
  compiled: CompiledScenario,
  run: RunState,
  locale: string,
  taken: readonly string[] = [],
): TestPlan | undefined {
  if (!run.ended || run.endingId === undefined) return undefined;
  const ending = compiled.scenario.endings[run.endingId];
  const title = ending ? localize(ending.title, locale) : run.endingId;
  const exactly = (value: number) => ({ min: value, max: value });
  const cost = totalCost(run.ledger);
  return {
    name: freePlanName(`${title}, ${run.steps.length} choices`, taken),
    locale,
    choices: run.steps.map((s) => s.optionId),
    expect: {
      ending: run.endingId,
      mood: exactly(run.meters.mood),
      ...(run.meters.reputation !== undefined ? { reputation: exactly(run.meters.reputation) } : {}),
      ...(run.meters.strain !== undefined ? { strain: exactly(run.meters.strain) } : {}),
      cost: exactly(cost),
    },
  };
}

/** The plans as the text of a plans file (`plans.yaml`); empty when there are none (the file needs one). */
export function plansFileText(scenarioId: string, plans: readonly TestPlan[]): string {
  if (plans.length === 0) return "";
  const file: TestPlansFile = {
    formatVersion: currentFormatVersion,
    scenario: scenarioId,
    plans: [...plans],
  };
  return stringify(file, { lineWidth: 0 });
}

/**
 * The plans of a stored plans text: none for an empty text, else the file's plans. Throws with the first
 * problem when the text is not a plans file (the server refuses such a text, so it is not expected here).
 */
export function plansOfText(text: string): TestPlan[] {
  if (text.trim() === "") return [];
  const loaded = loadTestPlans(text, "plans.yaml");
  if (!loaded.plans) throw new Error(loaded.diagnostics[0]?.message ?? "not a plans file");
  return loaded.plans.plans;
}
