import { assign, setup } from "xstate";
import type { AnyStateMachine } from "xstate";
import { actionParamsSchemas, guardParamsSchemas } from "./implementationParams";
import type { GuardName } from "./implementationParams";
import { applyAction, guardPasses, initialContext } from "./runContext";
import type { ImplementationCall, RunContext } from "./runContext";
import { buildModel, recordCall } from "./scenarioModel";
import type { BranchModel, OptionModel } from "./scenarioModel";
import type { Scenario, StateMeta } from "./scenarioSchema";

/** A scenario ready to run: the validated file and its XState 5 machine. */
export type CompiledScenario = { scenario: Scenario; machine: AnyStateMachine };

type Params = Record<string, unknown>;
type MachineEvent = { type: string };

// Every action is an `assign`, so XState's pure `transition()` applies them all and
// @xstate/graph's traversal (which skips custom actions) still sees the real context.
function assigner(type: string) {
  return assign<RunContext, MachineEvent, Params, MachineEvent, never>(({ context }, params) =>
    applyAction(context, { type, params }),
  );
}

function guardImpl(type: GuardName) {
  return ({ context }: { context: RunContext }, params: Params) => guardPasses(context, { type, params });
}

function jsonBranch(
  branch: BranchModel,
  extra: ImplementationCall[],
  label: OptionModel["label"] | undefined,
) {
  const meta: Record<string, unknown> = { tags: branch.tags };
  if (label !== undefined) meta["label"] = label;
  if (branch.feedback !== undefined) meta["feedback"] = branch.feedback;
  return {
    ...(branch.target === undefined ? {} : { target: branch.target }),
    ...(branch.guard === undefined ? {} : { guard: branch.guard }),
    ...(branch.description === undefined ? {} : { description: branch.description }),
    actions: [...branch.actions, ...extra],
    meta,
  };
}

/** Builds the XState machine of a scenario (call it only on a scenario without error diagnostics). */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const model = buildModel(scenario);
  const actions = {
    ...Object.fromEntries(Object.keys(actionParamsSchemas).map((name) => [name, assigner(name)])),
    visit: assigner("visit"),
    record: assigner("record"),
  };
  const guards = Object.fromEntries(
    (Object.keys(guardParamsSchemas) as GuardName[]).map((name) => [name, guardImpl(name)]),
  );
  const states: Record<string, unknown> = {};
  for (const state of model.states.values()) {
    const on: Record<string, unknown> = {};
    for (const option of state.options) {
      // Every branch carries the option's (inherited) label so the machine alone can show it.
      on[option.id] = option.branches.map((b) => jsonBranch(b, [recordCall(option.id, b)], option.label));
    }
    const meta: StateMeta = state.meta;
    states[state.id] = {
      ...(state.final ? { type: "final" } : {}),
      meta,
      entry: [{ type: "visit", params: { state: state.id } }, ...state.entry],
      ...(state.options.length > 0 ? { on } : {}),
      ...(state.always.length > 0 && !state.final
        ? { always: state.always.map((b) => jsonBranch(b, [], undefined)) }
        : {}),
    };
  }
  const machine = setup({
    types: { context: {} as RunContext, events: {} as MachineEvent },
    actions,
    guards,
  }).createMachine({
    id: scenario.id,
    initial: scenario.machine.initial,
    context: () => initialContext(scenario),
    // The config is generated from validated JSON; XState's config types cannot follow it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
    states: states as any,
  });
  return { scenario, machine };
}
