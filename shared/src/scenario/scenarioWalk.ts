import type { DataPath } from "./diagnostic";
import type { ImplementationRef, Scenario, StateConfig, TransitionConfig } from "./scenarioSchema";

/** One branch of an option or of an `always` check, with where it is written. */
export type BranchAt = {
  stateId: string;
  /** The option id, or undefined for an automatic (`always`) check. */
  optionId?: string;
  branch: TransitionConfig;
  path: DataPath;
};

/** An action or guard reference, with the paths of its name and of its params. */
export type RefAt = {
  name: string;
  params: Record<string, unknown>;
  /** Where the reference is written (a bare name, or the `{ type, params }` block). */
  path: DataPath;
  /** Where its name is written: the bare name itself or the value of `type:`. */
  namePath: DataPath;
  /** Where its params are (or would be) written. */
  paramsPath: DataPath;
};

/** The path of a state in the file. */
export function statePath(stateId: string): DataPath {
  return ["machine", "states", stateId];
}

/** Lists a single item or a list with the path of each item (a single item keeps the field's own path). */
export function itemsAt<T>(value: T | T[] | undefined, path: DataPath): [T, DataPath][] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((item, i): [T, DataPath] => [item, [...path, i]]) : [[value, path]];
}

/** Every branch of a state's options and automatic checks, in file order. */
export function branchesOf(stateId: string, state: StateConfig): BranchAt[] {
  const base = statePath(stateId);
  const options = Object.entries(state.on ?? {}).flatMap(([optionId, transitions]) =>
    itemsAt(transitions, [...base, "on", optionId]).map(([branch, path]) => ({
      stateId,
      optionId,
      branch,
      path,
    })),
  );
  const checks = itemsAt(state.always, [...base, "always"]).map(([branch, path]) => ({
    stateId,
    branch,
    path,
  }));
  return [...options, ...checks];
}

/** Every branch in the scenario, in file order. */
export function allBranches(scenario: Scenario): BranchAt[] {
  return Object.entries(scenario.machine.states).flatMap(([id, state]) => branchesOf(id, state));
}

/** Describes a reference with the paths a diagnostic should point at. */
export function refAt(ref: ImplementationRef, path: DataPath): RefAt {
  if (typeof ref === "string")
    return { name: ref, params: {}, path, namePath: path, paramsPath: [...path, "params"] };
  return {
    name: ref.type,
    params: ref.params ?? {},
    path,
    namePath: [...path, "type"],
    paramsPath: [...path, "params"],
  };
}

/** Every action reference of the scenario: state entry actions and branch actions. */
export function allActions(scenario: Scenario): RefAt[] {
  const entries = Object.entries(scenario.machine.states).flatMap(([id, state]) =>
    itemsAt(state.entry, [...statePath(id), "entry"]).map(([ref, path]) => refAt(ref, path)),
  );
  const branchActions = allBranches(scenario).flatMap(({ branch, path }) =>
    itemsAt(branch.actions, [...path, "actions"]).map(([ref, p]) => refAt(ref, p)),
  );
  return [...entries, ...branchActions];
}

/** Every guard reference of the scenario. */
export function allGuards(scenario: Scenario): RefAt[] {
  return allBranches(scenario).flatMap(({ branch, path }) =>
    branch.guard === undefined ? [] : [refAt(branch.guard, [...path, "guard"])],
  );
}
