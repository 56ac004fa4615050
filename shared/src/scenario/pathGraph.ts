import type { ImplementationCall, MeterName, RunContext } from "./runContext";
import { effectDeltas, totalCost } from "./runContext";
import { classRange, meterClass, meterCuts } from "./meterCuts";
import { startStep, stepOption } from "./scenarioModel";
import type { ScenarioModel } from "./scenarioModel";

/** How one meter moves along a step: total change and the highest/lowest point on the way. */
export type MeterTrace = { total: number; maxPrefix: number; minPrefix: number };

/** A choice between two abstract states. */
export type PathEdge = {
  option: string;
  to: number;
  cost: number;
  moodDeltas: number[];
  raw: Record<MeterName, MeterTrace>;
};

/** A state together with the part of the context that can still change what happens. */
export type PathNode = {
  key: string;
  stateId: string;
  ctx: RunContext;
  edges: PathEdge[];
  endingId?: string;
  final: boolean;
  /** Breadth-first parent: the node and option that first reached this node (shortest path). */
  parent?: { node: number; option: string };
  depth: number;
  /** The moods (inclusive) this node stands for: the class of its key's mood. */
  moods: [number, number];
  /** Set when the exploration limit cut off some of this node's options. */
  cut?: boolean;
};

/** The explored abstract state space of a scenario. */
export type PathGraph = {
  nodes: PathNode[];
  /** How the start (initial entry actions) moves the meters before any choice. */
  start: { cost: number; moodDeltas: number[]; raw: Record<MeterName, MeterTrace> };
  truncated: boolean;
  /** Every state entered on some path, including states only passed through by eventless checks. */
  entered: Set<string>;
};

/** What in the context guards can observe; everything else is dropped from the state key. */
export type Relevance = {
  cost: boolean;
  tags: Set<string>;
  options: Set<string>;
  facts: Set<string>;
  states: Set<string>;
};

/** The relevance of each state: what guards in that state or any state after it look at. */
export type Relevances = Map<
  string,
  { [K in keyof Relevance]: K extends "cost" ? boolean : string[] } & { cuts: Record<MeterName, number[]> }
>;

function emptyRelevance(): Relevance {
  return { cost: false, tags: new Set(), options: new Set(), facts: new Set(), states: new Set() };
}

function guardReads(r: Relevance, guard: ImplementationCall): void {
  const t = guard.type;
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === "string") set.add(value);
  };
  // Meter guards are handled by `meterCuts`, which keeps classes of values instead of exact values.
  if (t.startsWith("cost")) r.cost = true;
  else if (t === "said" || t === "notSaid") add(r.tags, guard.params["tag"]);
  else if (t === "chose" || t === "notChose") add(r.options, guard.params["option"]);
  else if (t === "remembers" || t === "forgot") add(r.facts, guard.params["fact"]);
  else if (t === "visited" || t === "notVisited") add(r.states, guard.params["state"]);
}

function merge(into: Relevance, from: Relevance): boolean {
  const before = size(into);
  into.cost ||= from.cost;
  for (const k of ["tags", "options", "facts", "states"] as const) for (const v of from[k]) into[k].add(v);
  return size(into) !== before;
}

function size(r: Relevance): number {
  return (r.cost ? 1 : 0) + r.tags.size + r.options.size + r.facts.size + r.states.size;
}

/**
 * Live-context analysis: a guard can only matter in a state from which it is still reachable, so
 * each state's key keeps just what the guards ahead of it read. Two contexts that agree on that
 * behave identically from then on, because every action updates each item from its own value only.
 */
export function relevanceOf(model: ScenarioModel): Relevances {
  const live = new Map<string, Relevance>();
  const next = new Map<string, string[]>();
  for (const state of model.states.values()) {
    const r = emptyRelevance();
    const branches = [...state.always, ...state.options.flatMap((o) => o.branches)];
    for (const { guard } of branches) if (guard !== undefined) guardReads(r, guard);
    live.set(state.id, r);
    next.set(state.id, [...new Set(branches.flatMap((b) => (b.target === undefined ? [] : [b.target])))]);
  }
  const ids = [...model.states.keys()].reverse();
  for (let changed = true; changed;) {
    changed = false;
    for (const id of ids) {
      const r = live.get(id) as Relevance;
      for (const t of next.get(id) ?? []) {
        const after = live.get(t);
        if (after !== undefined && merge(r, after)) changed = true;
      }
    }
  }
  const cuts = meterCuts(model);
  const out: Relevances = new Map();
  for (const [id, r] of live) {
    out.set(id, {
      cuts: cuts.get(id) ?? { mood: [], reputation: [], strain: [] },
      cost: r.cost,
      tags: [...r.tags].sort(),
      options: [...r.options].sort(),
      facts: [...r.facts].sort(),
      states: [...r.states].sort(),
    });
  }
  return out;
}

function bits(list: readonly string[], present: readonly string[]): string {
  let out = "";
  for (const item of list) out += present.includes(item) ? "1" : "0";
  return out;
}

/**
 * The key of a state and the relevant part of its context: equal "full" keys behave identically.
 * The coarser details ("guards": no meters, "state": the state alone) merge situations; they are
 * for quick traversals that only need to find some real path.
 */
export function abstractKey(
  relevances: Relevances,
  stateId: string,
  ctx: RunContext,
  detail: "full" | "guards" | "state" = "full",
): string {
  const r = relevances.get(stateId);
  if (r === undefined || detail === "state") return stateId;
  const facts = [
    bits(r.tags, ctx.said),
    bits(r.options, ctx.chosen),
    bits(r.facts, ctx.facts),
    bits(r.states, ctx.visited),
  ];
  if (detail === "guards") return [stateId, ...facts].join("|");
  // The exact cost goes last so `buildPathGraph` can count cost variants of the rest of the key.
  return [
    stateId,
    meterClass(r.cuts.mood, ctx.mood),
    meterClass(r.cuts.reputation, ctx.reputation ?? 0),
    meterClass(r.cuts.strain, ctx.strain ?? 0),
    ...facts,
    r.cost ? totalCost(ctx.ledger) : "",
  ].join("|");
}

// Keeps only what the guards ahead can read, so the explored nodes stay small.
function project(relevances: Relevances, stateId: string, ctx: RunContext): RunContext {
  const r = relevances.get(stateId);
  if (r === undefined) return ctx;
  const out: RunContext = {
    mood: ctx.mood,
    ledger: r.cost ? ctx.ledger : {},
    said: ctx.said.filter((t) => r.tags.includes(t)),
    chosen: ctx.chosen.filter((o) => r.options.includes(o)),
    facts: ctx.facts.filter((f) => r.facts.includes(f)),
    visited: ctx.visited.filter((v) => r.states.includes(v)),
  };
  if (ctx.reputation !== undefined) out.reputation = ctx.reputation;
  if (ctx.strain !== undefined) out.strain = ctx.strain;
  return out;
}

type Trace = { raw: Record<MeterName, MeterTrace>; moodDeltas: number[]; cost: number };

function computeTrace(effects: readonly ImplementationCall[]): Trace {
  const raw: Record<MeterName, MeterTrace> = {
    mood: { total: 0, maxPrefix: 0, minPrefix: 0 },
    reputation: { total: 0, maxPrefix: 0, minPrefix: 0 },
    strain: { total: 0, maxPrefix: 0, minPrefix: 0 },
  };
  const moodDeltas: number[] = [];
  let cost = 0;
  for (const call of effects) {
    const d = effectDeltas(call);
    cost += d.cost;
    if (d.mood !== 0) moodDeltas.push(d.mood);
    for (const m of ["mood", "reputation", "strain"] as const) {
      const t = raw[m];
      t.total += d[m];
      t.maxPrefix = Math.max(t.maxPrefix, t.total);
      t.minPrefix = Math.min(t.minPrefix, t.total);
    }
  }
  return { raw, moodDeltas, cost };
}

// Many edges run the same effect actions (the same branch from different situations), so their
// traces are computed once and shared; the analyses only read them.
function tracer(): (executed: readonly ImplementationCall[]) => Trace {
  const ids = new Map<ImplementationCall, number>();
  const cache = new Map<string, Trace>();
  return (executed) => {
    const effects = executed.filter((c) => c.type === "effect");
    let key = "";
    for (const call of effects) {
      let id = ids.get(call);
      if (id === undefined) ids.set(call, (id = ids.size));
      key += `${id},`;
    }
    let t = cache.get(key);
    if (t === undefined) cache.set(key, (t = computeTrace(effects)));
    return t;
  };
}

/**
 * Explores every (state, relevant context) reachable from the start, breadth first, so the
 * first parent of each node lies on a shortest path. Stops after `limit` nodes, and after
 * `maxCostVariants` different costs for one otherwise equal situation (a loop that costs money).
 */
export function buildPathGraph(model: ScenarioModel, limit: number, maxCostVariants = 1_000): PathGraph {
  const relevance = relevanceOf(model);
  const index = new Map<string, number>();
  // Cost guards keep the exact cost in the key; a loop that adds cost would then never end.
  const costVariants = new Map<string, number>();
  const nodes: PathNode[] = [];
  const first = startStep(model);
  const trace = tracer();
  const add = (stateId: string, ctx: RunContext, depth: number, parent?: PathNode["parent"]): number => {
    const key = abstractKey(relevance, stateId, ctx);
    const known = index.get(key);
    if (known !== undefined) return known;
    const state = model.states.get(stateId);
    const node: PathNode = {
      key,
      stateId,
      ctx: project(relevance, stateId, ctx),
      edges: [],
      final: state?.final ?? false,
      depth,
      moods: classRange(relevance.get(stateId)?.cuts.mood ?? [], ctx.mood),
    };
    if (parent !== undefined) node.parent = parent;
    if (node.final && state?.meta.ending !== undefined) node.endingId = state.meta.ending;
    index.set(key, nodes.length);
    nodes.push(node);
    return nodes.length - 1;
  };
  add(first.stateId, first.ctx, 0);
  const entered = new Set<string>();
  const note = (executed: readonly ImplementationCall[]) => {
    for (const call of executed) if (call.type === "visit") entered.add(String(call.params["state"]));
  };
  note(first.executed);
  let truncated = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as PathNode;
    if (node.final) continue;
    for (const option of model.states.get(node.stateId)?.options ?? []) {
      const step = stepOption(model, node.stateId, node.ctx, option.id);
      if (step === undefined) continue;
      note(step.executed);
      const key = abstractKey(relevance, step.stateId, step.ctx);
      if (!index.has(key)) {
        const rest = key.slice(0, key.lastIndexOf("|"));
        const variants = costVariants.get(rest) ?? 0;
        if (nodes.length >= limit || variants >= maxCostVariants) {
          truncated = true;
          node.cut = true;
          continue;
        }
        if (relevance.get(step.stateId)?.cost === true) costVariants.set(rest, variants + 1);
      }
      const to = add(step.stateId, step.ctx, node.depth + 1, { node: i, option: option.id });
      node.edges.push({ option: option.id, to, ...trace(step.executed) });
    }
  }
  return { nodes, start: trace(first.executed), truncated, entered };
}
