import type { Localized } from "./localized";
import { applyAction, guardPasses, initialContext } from "./runContext";
import type { ImplementationCall, RunContext } from "./runContext";
import type { ImplementationRef, Scenario, StateMeta, TransitionConfig } from "./scenarioSchema";
import type { TagName } from "./declaredVocabulary";

/** One branch of an option or of an `always` check, with its refs normalised. */
export type BranchModel = {
  target?: string;
  guard?: ImplementationCall;
  actions: ImplementationCall[];
  label?: Localized;
  feedback?: Localized;
  tags: TagName[];
  description?: string;
};

/** An option of a state: its id (the event type), its label and its branches in order. */
export type OptionModel = { id: string; label: Localized; branches: BranchModel[] };

/** A state with everything the engine needs, normalised from the plain-JSON config. */
export type StateModel = {
  id: string;
  final: boolean;
  meta: StateMeta;
  entry: ImplementationCall[];
  options: OptionModel[];
  always: BranchModel[];
};

/** The scenario's conversation graph in the shape the runtime and the analyses walk. */
export type ScenarioModel = {
  scenario: Scenario;
  initial: string;
  states: Map<string, StateModel>;
};

/** Turns a bare action/guard name into `{ type, params: {} }`. */
export function normalizeRef(ref: ImplementationRef): ImplementationCall {
  if (typeof ref === "string") return { type: ref, params: {} };
  return { type: ref.type, params: ref.params ?? {} };
}

function refList(refs: ImplementationRef | ImplementationRef[] | undefined): ImplementationCall[] {
  if (refs === undefined) return [];
  return (Array.isArray(refs) ? refs : [refs]).map(normalizeRef);
}

function branchList(config: TransitionConfig | TransitionConfig[] | undefined): BranchModel[] {
  if (config === undefined) return [];
  return (Array.isArray(config) ? config : [config]).map((t) => {
    const branch: BranchModel = { actions: refList(t.actions), tags: t.meta?.tags ?? [] };
    if (t.target !== undefined) branch.target = t.target;
    if (t.guard !== undefined) branch.guard = normalizeRef(t.guard);
    if (t.meta?.label !== undefined) branch.label = t.meta.label;
    if (t.meta?.feedback !== undefined) branch.feedback = t.meta.feedback;
    if (t.description !== undefined) branch.description = t.description;
    return branch;
  });
}

/** Builds the normalised model; options inherit the label of their first labelled branch. */
export function buildModel(scenario: Scenario): ScenarioModel {
  const states = new Map<string, StateModel>();
  for (const [id, state] of Object.entries(scenario.machine.states)) {
    const options: OptionModel[] = Object.entries(state.on ?? {}).map(([optionId, config]) => {
      const branches = branchList(config);
      const label = branches.find((b) => b.label !== undefined)?.label ?? optionId;
      return { id: optionId, label, branches };
    });
    states.set(id, {
      id,
      final: state.type === "final",
      meta: state.meta,
      entry: refList(state.entry),
      options,
      always: branchList(state.always),
    });
  }
  return { scenario, initial: scenario.machine.initial, states };
}

const models = new WeakMap<Scenario, ScenarioModel>();

/** The (cached) model of a scenario. */
export function modelOf(compiled: { scenario: Scenario }): ScenarioModel {
  let model = models.get(compiled.scenario);
  if (model === undefined) {
    model = buildModel(compiled.scenario);
    models.set(compiled.scenario, model);
  }
  return model;
}

/** The first branch whose guard passes (a branch without a guard always passes). */
export function selectBranch(branches: readonly BranchModel[], ctx: RunContext): BranchModel | undefined {
  return branches.find((b) => b.guard === undefined || guardPasses(ctx, b.guard));
}

/** Where the engine is after a step, and every action it executed on the way, in order. */
export type StepResult = { stateId: string; ctx: RunContext; executed: ImplementationCall[] };

// Eventless checks that keep firing mean a loop in the file; stop rather than hang a room.
const maxAlwaysChain = 100;

function run(
  ctx: RunContext,
  calls: readonly ImplementationCall[],
  executed: ImplementationCall[],
): RunContext {
  let next = ctx;
  for (const call of calls) {
    next = applyAction(next, call);
    executed.push(call);
  }
  return next;
}

function enter(
  model: ScenarioModel,
  stateId: string,
  ctx: RunContext,
  executed: ImplementationCall[],
): RunContext {
  const state = model.states.get(stateId);
  const visit: ImplementationCall = { type: "visit", params: { state: stateId } };
  return run(ctx, [visit, ...(state?.entry ?? [])], executed);
}

// Takes a branch the way XState does: its actions, then the target's entry. A target equal to
// the current state is not re-entered (XState 5 transitions are not re-entering by default).
function take(
  model: ScenarioModel,
  from: string,
  branch: BranchModel,
  extra: readonly ImplementationCall[],
  ctx: RunContext,
  executed: ImplementationCall[],
): { stateId: string; ctx: RunContext } {
  let next = run(ctx, [...branch.actions, ...extra], executed);
  const to = branch.target ?? from;
  if (branch.target !== undefined && branch.target !== from) next = enter(model, to, next, executed);
  return { stateId: to, ctx: next };
}

function settle(
  model: ScenarioModel,
  at: { stateId: string; ctx: RunContext },
  executed: ImplementationCall[],
) {
  let current = at;
  for (let i = 0; i < maxAlwaysChain; i++) {
    const state = model.states.get(current.stateId);
    if (state === undefined || state.final) break;
    const branch = selectBranch(state.always, current.ctx);
    if (branch === undefined) break;
    current = take(model, current.stateId, branch, [], current.ctx, executed);
  }
  return current;
}

/** The state and context a run starts in (initial entry and eventless checks applied). */
export function startStep(model: ScenarioModel): StepResult {
  const executed: ImplementationCall[] = [];
  const ctx = enter(model, model.initial, initialContext(model.scenario), executed);
  const settled = settle(model, { stateId: model.initial, ctx }, executed);
  return { ...settled, executed };
}

/** The call the compiler appends to every option branch to record its id and tags. */
export function recordCall(optionId: string, branch: BranchModel): ImplementationCall {
  return { type: "record", params: { option: optionId, tags: branch.tags } };
}

/** Takes an option in a state; undefined when the option does not exist there or is unavailable. */
export function stepOption(
  model: ScenarioModel,
  stateId: string,
  ctx: RunContext,
  optionId: string,
): StepResult | undefined {
  const option = model.states.get(stateId)?.options.find((o) => o.id === optionId);
  if (option === undefined) return undefined;
  const branch = selectBranch(option.branches, ctx);
  if (branch === undefined) return undefined;
  const executed: ImplementationCall[] = [];
  const taken = take(model, stateId, branch, [recordCall(optionId, branch)], ctx, executed);
  const settled = settle(model, taken, executed);
  return { ...settled, executed };
}
