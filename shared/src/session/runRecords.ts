import type { CompiledScenario } from "../scenario/compileScenario";
import { resolveLook } from "../scenario/resolveLook";
import { choose, endingOf, optionsAt, startRun, stateMetaOf } from "../scenario/runScenario";
import type { RunState } from "../scenario/runState";
import { scenarioMap } from "../scenario/scenarioMap";
import { bestPathOf } from "./bestPath";
import type { DecidedBy } from "../protocol/viewParts";
import type {
  Decision,
  EndingRecord,
  RunRecord,
  ScenarioRef,
  ScenarioSkeleton,
  StepDisplay,
} from "./sessionState";

/** What the run shows now: the customer's line and the options available. */
export function stepDisplayOf(compiled: CompiledScenario, run: RunState): StepDisplay {
  const meta = stateMetaOf(compiled, run.stateId);
  const display: StepDisplay = {
    stateId: run.stateId,
    line: meta.line,
    emotion: meta.emotion,
    options: optionsAt(compiled, run),
  };
  if (meta.narration !== undefined) display.narration = meta.narration;
  return display;
}

/** The ending a run reached, copied out of the scenario. */
export function endingRecordOf(compiled: CompiledScenario, run: RunState): EndingRecord | undefined {
  const ending = endingOf(compiled, run);
  if (ending === undefined) return undefined;
  return { id: ending.id, outcome: ending.outcome, title: ending.title, debrief: ending.debrief };
}

function withRun(
  compiled: CompiledScenario,
  record: Omit<RunRecord, "current" | "ending">,
  run: RunState,
): RunRecord {
  const next: RunRecord = { ...record, run, current: stepDisplayOf(compiled, run) };
  const ending = endingRecordOf(compiled, run);
  if (ending !== undefined) next.ending = ending;
  return next;
}

/** A fresh run of the scenario with no history. */
export function newRunRecord(compiled: CompiledScenario): RunRecord {
  const run = startRun(compiled);
  return withRun(compiled, { run, decisions: [], branches: [], marks: {} }, run);
}

/** How a decision came about, as recorded beside the option played. */
export type DecisionSource = {
  decidedBy: DecidedBy;
  byId?: string;
  tally?: Record<string, number>;
  votes?: Record<string, string>;
  at: number;
};

function markedLabelsOf(record: RunRecord): Decision["markedLabels"] {
  const ids = new Set(Object.values(record.marks));
  if (ids.size === 0) return undefined;
  const shown = record.current.options.filter((o) => ids.has(o.id));
  return Object.fromEntries(shown.map((o) => [o.id, o.label]));
}

/** Plays an option (which must be available) and records the decision with the marks of this step. */
export function playOption(
  compiled: CompiledScenario,
  record: RunRecord,
  optionId: string,
  source: DecisionSource,
): RunRecord {
  const option = record.current.options.find((o) => o.id === optionId);
  const run = choose(compiled, record.run, optionId);
  const decision: Decision = {
    stepIndex: record.decisions.length,
    optionId,
    label: option?.label ?? optionId,
    tags: option?.tags ?? [],
    decidedBy: source.decidedBy,
    tally: source.tally ?? {},
    votes: source.votes ?? {},
    marks: record.marks,
    at: source.at,
    meters: run.meters,
    cost: run.steps[run.steps.length - 1]?.costAfter ?? 0,
  };
  if (option?.feedback !== undefined) decision.feedback = option.feedback;
  const step = run.steps.at(-1);
  if (step !== undefined) {
    decision.from = step.from;
    decision.to = step.to;
  }
  if (source.byId !== undefined) decision.byId = source.byId;
  const marked = markedLabelsOf(record);
  if (marked !== undefined) decision.markedLabels = marked;
  const next = { run, decisions: [...record.decisions, decision], branches: record.branches, marks: {} };
  return withRun(compiled, { ...next, previous: record.current }, run);
}

/**
 * Goes back to just before decision `stepIndex` by replaying the earlier choices from the start;
 * the abandoned decisions (and the ending they reached) become a branch for the debrief.
 */
export function rewindRecord(
  compiled: CompiledScenario,
  record: RunRecord,
  stepIndex: number,
  at: number,
): RunRecord {
  const kept = record.decisions.slice(0, stepIndex);
  const abandoned = record.decisions.slice(stepIndex);
  let run = startRun(compiled);
  let previous: RunState | undefined;
  for (const decision of kept) {
    previous = run;
    run = choose(compiled, run, decision.optionId);
  }
  const branch = {
    fromStep: stepIndex,
    decisions: abandoned,
    at,
    ...(record.ending ? { ending: record.ending } : {}),
  };
  const next = { run, decisions: kept, branches: [...record.branches, branch], marks: {} };
  return withRun(compiled, previous ? { ...next, previous: stepDisplayOf(compiled, previous) } : next, run);
}

/** The scenario's map without its words: states by depth, endings with their outcome, and where each leads. */
export function skeletonOf(compiled: CompiledScenario): ScenarioSkeleton {
  const { nodes, edges } = scenarioMap(compiled);
  const pairs = new Set<string>();
  const skeleton: ScenarioSkeleton = { start: startRun(compiled).stateId, nodes: [], edges: [] };
  for (const n of nodes) {
    const node: ScenarioSkeleton["nodes"][number] = { id: n.id, depth: n.depth, final: n.final };
    if (n.outcome !== undefined) node.outcome = n.outcome;
    skeleton.nodes.push(node);
  }
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    if (e.from === e.to || pairs.has(key)) continue;
    pairs.add(key);
    skeleton.edges.push({ from: e.from, to: e.to });
  }
  return skeleton;
}

/** The scenario as the session remembers it; `source` only for uploads. */
export function scenarioRefOf(compiled: CompiledScenario, source?: string): ScenarioRef {
  const s = compiled.scenario;
  const ref: ScenarioRef = {
    id: s.id,
    title: s.title,
    currency: s.currency,
    personaName: s.persona.name,
    look: resolveLook(s),
    languages: s.languages,
    startMeters: startRun(compiled).meters,
    map: skeletonOf(compiled),
  };
  const best = bestPathOf(compiled);
  if (best) ref.best = best;
  const declared = declaredRefOf(s);
  if (declared) ref.declared = declared;
  if (source !== undefined) ref.source = source;
  return ref;
}

// Only what views and the rubric need: the label and kind of each tag, the label of each cost item.
function declaredRefOf(s: CompiledScenario["scenario"]): ScenarioRef["declared"] {
  const v = s.vocabulary;
  if (!v || (v.tags === undefined && v.costItems === undefined)) return undefined;
  const declared: NonNullable<ScenarioRef["declared"]> = {};
  if (v.tags)
    declared.tags = Object.fromEntries(
      Object.entries(v.tags).map(([name, tag]) => [
        name,
        { kind: tag.kind, label: tag.label, ...(tag.skill ? { skill: tag.skill } : {}) },
      ]),
    );
  if (v.costItems)
    declared.costItems = Object.fromEntries(Object.entries(v.costItems).map(([id, c]) => [id, c.label]));
  return declared;
}
