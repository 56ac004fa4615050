import { getInitialSnapshot, transition } from "xstate";
import type { AnyMachineSnapshot } from "xstate";
import type { CompiledScenario } from "./compileScenario";
import { effectDeltas, totalCost } from "./runContext";
import type { RunContext } from "./runContext";
import { RunError } from "./runState";
import type { RunMeters, RunOption, RunState } from "./runState";
import { modelOf, selectBranch } from "./scenarioModel";
import type { Ending, StateMeta } from "./scenarioSchema";

function metersOf(ctx: RunContext): RunMeters {
  const meters: RunMeters = { mood: ctx.mood };
  if (ctx.reputation !== undefined) meters.reputation = ctx.reputation;
  if (ctx.strain !== undefined) meters.strain = ctx.strain;
  return meters;
}

/** The machine context a run stands for. */
export function contextOfRun(run: RunState): RunContext {
  const ctx: RunContext = {
    mood: run.meters.mood,
    ledger: { ...run.ledger },
    said: [...run.said],
    chosen: [...run.chosen],
    facts: [...run.facts],
    visited: [...run.visited],
  };
  if (run.meters.reputation !== undefined) ctx.reputation = run.meters.reputation;
  if (run.meters.strain !== undefined) ctx.strain = run.meters.strain;
  return ctx;
}

function fromSnapshot(
  compiled: CompiledScenario,
  snapshot: AnyMachineSnapshot,
  steps: RunState["steps"],
): RunState {
  const ctx = snapshot.context as RunContext;
  const stateId = String(snapshot.value);
  const state = modelOf(compiled).states.get(stateId);
  const run: RunState = {
    stateId,
    meters: metersOf(ctx),
    ledger: { ...ctx.ledger },
    said: [...ctx.said],
    chosen: [...ctx.chosen],
    facts: [...ctx.facts],
    visited: [...ctx.visited],
    steps,
    ended: state?.final ?? false,
  };
  if (state?.final && state.meta.ending !== undefined) run.endingId = state.meta.ending;
  return run;
}

/** Starts a run in the scenario's initial state (its entry effects and eventless checks applied). */
export function startRun(compiled: CompiledScenario): RunState {
  return fromSnapshot(compiled, getInitialSnapshot(compiled.machine), []);
}

/** The options the trainee can pick now, in file order; unavailable options are left out. */
export function optionsAt(compiled: CompiledScenario, run: RunState): RunOption[] {
  if (run.ended) return [];
  const state = modelOf(compiled).states.get(run.stateId);
  if (state === undefined) return [];
  const ctx = contextOfRun(run);
  const options: RunOption[] = [];
  for (const option of state.options) {
    const branch = selectBranch(option.branches, ctx);
    if (branch === undefined) continue;
    const effects = { mood: 0, reputation: 0, strain: 0, cost: 0 };
    for (const call of branch.actions) {
      const d = effectDeltas(call);
      effects.mood += d.mood;
      effects.reputation += d.reputation;
      effects.strain += d.strain;
      effects.cost += d.cost;
    }
    const result: RunOption = { id: option.id, label: option.label, tags: [...branch.tags], effects };
    if (branch.feedback !== undefined) result.feedback = branch.feedback;
    options.push(result);
  }
  return options;
}

/** Takes an option and returns the next run state; throws `RunError` if the choice is not possible. */
export function choose(compiled: CompiledScenario, run: RunState, optionId: string): RunState {
  if (run.ended) throw new RunError("run.ended", `The conversation has already ended in '${run.stateId}'.`);
  const state = modelOf(compiled).states.get(run.stateId);
  const option = state?.options.find((o) => o.id === optionId);
  if (option === undefined) {
    throw new RunError("option.unknown", `There is no option '${optionId}' in '${run.stateId}'.`);
  }
  const branch = selectBranch(option.branches, contextOfRun(run));
  if (branch === undefined) {
    throw new RunError(
      "option.unavailable",
      `The option '${optionId}' is not available in '${run.stateId}' now.`,
    );
  }
  const snapshot = compiled.machine.resolveState({ value: run.stateId, context: contextOfRun(run) });
  const [next] = transition(compiled.machine, snapshot, { type: optionId });
  const ctx = next.context as RunContext;
  const step = {
    optionId,
    from: run.stateId,
    to: String(next.value),
    tags: [...branch.tags],
    metersAfter: metersOf(ctx),
    costAfter: totalCost(ctx.ledger),
  };
  return fromSnapshot(compiled, next, [...run.steps, step]);
}

/** The customer's line, emotion and narration in a state. */
export function stateMetaOf(compiled: CompiledScenario, stateId: string): StateMeta {
  const state = modelOf(compiled).states.get(stateId);
  if (state === undefined) throw new Error(`Scenario '${compiled.scenario.id}' has no state '${stateId}'.`);
  return state.meta;
}

/** The ending a finished run reached, with its id; undefined while the run goes on. */
export function endingOf(compiled: CompiledScenario, run: RunState): (Ending & { id: string }) | undefined {
  if (run.endingId === undefined) return undefined;
  const ending = compiled.scenario.endings[run.endingId];
  return ending === undefined ? undefined : { ...ending, id: run.endingId };
}
