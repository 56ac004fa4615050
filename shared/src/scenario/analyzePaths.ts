import type { CompiledScenario } from "./compileScenario";
import { enumeratePaths } from "./enumeratePaths";
import { graphCheck } from "./graphCheck";
import type { GraphCheck } from "./graphCheck";
import { dagExtremes, postOrder } from "./pathExtremes";
import type { MeterExcursion } from "./pathExtremes";
import { buildPathGraph } from "./pathGraph";
import type { PathGraph } from "./pathGraph";
import { totalCost } from "./runContext";
import { modelOf, startStep, stepOption } from "./scenarioModel";
import type { ScenarioModel } from "./scenarioModel";
import type { Outcome } from "./vocabulary";

export type { MeterExcursion } from "./pathExtremes";
export type { GraphCheck } from "./graphCheck";

/** One complete path: the options chosen and where it ends. */
export type PathSummary = { path: string[]; mood: number; cost: number; endingId: string };

/** How often an ending is reached, and the fewest choices that reach it. */
export type EndingPaths = { id: string; outcome: Outcome; pathCount: number; shortest: string[] };

/** Everything `analyzePaths` learns about the conversation graph. */
export type PathAnalysis = {
  endings: EndingPaths[];
  /** Complete paths from the start to any ending (exact unless `truncated`; huge counts are rounded). */
  distinctPaths: number;
  best: { byMood: PathSummary | null; byCost: PathSummary | null };
  worst: { byMood: PathSummary | null; byCost: PathSummary | null };
  unreachableEndings: string[];
  unreachableStates: string[];
  /** Non-final states where, on some path, no option is available. */
  deadEnds: string[];
  meterExcursions: MeterExcursion[];
  /** True when choices can lead back to an earlier situation; paths are then counted without repeats. */
  loops: boolean;
  /** Exploration stopped early (the situation limit, or a loop that keeps adding cost): counts are lower bounds. */
  truncated: boolean;
  /** Distinct (state, relevant context) situations explored. */
  abstractStates: number;
  graphCheck?: GraphCheck;
};

/** Options for `analyzePaths`. */
export type AnalyzeOptions = {
  /** Most (state, relevant context) situations to explore. */
  limit?: number;
  /** Most complete paths to walk one by one when the graph loops (or `method` is "enumerate"). */
  maxPaths?: number;
  /** Also traverse the XState machine with @xstate/graph (default true). */
  graphCheck?: boolean;
  /** Up to this many explored situations, the @xstate/graph traversal is complete (default 2000). */
  completeCheckUpTo?: number;
  /** "auto": dynamic programming unless the graph loops; "enumerate": walk paths one by one. */
  method?: "auto" | "enumerate";
};

function replay(model: ScenarioModel, path: string[] | null): PathSummary | null {
  if (path === null) return null;
  let at = startStep(model);
  for (const option of path) {
    const next = stepOption(model, at.stateId, at.ctx, option);
    if (next === undefined) return null;
    at = next;
  }
  const ending = model.states.get(at.stateId)?.meta.ending ?? "";
  return { path, mood: at.ctx.mood, cost: totalCost(at.ctx.ledger), endingId: ending };
}

function shortestTo(graph: PathGraph, n: number): string[] {
  const path: string[] = [];
  for (let p = graph.nodes[n]?.parent; p !== undefined; p = graph.nodes[p.node]?.parent)
    path.unshift(p.option);
  return path;
}

/**
 * Finds every path from the start to an ending: counts per ending, shortest paths, the best and
 * worst outcomes by mood and by cost, unreachable endings and states, dead ends and meter excursions.
 */
export function analyzePaths(compiled: CompiledScenario, opts: AnalyzeOptions = {}): PathAnalysis {
  const model = modelOf(compiled);
  const scenario = compiled.scenario;
  const graph = buildPathGraph(model, opts.limit ?? 100_000);
  const order = postOrder(graph);
  const loops = order === undefined;
  const post = opts.method === "enumerate" ? undefined : order;
  const found =
    post === undefined
      ? enumeratePaths(graph, scenario.meters, opts.maxPaths ?? 200_000)
      : dagExtremes(graph, post, scenario.meters);

  const firstNode = new Map<string, number>();
  const reachedStates = new Set<string>();
  const deadEnds = new Set<string>();
  graph.nodes.forEach((node, i) => {
    reachedStates.add(node.stateId);
    if (node.endingId !== undefined && !firstNode.has(node.endingId)) firstNode.set(node.endingId, i);
    if (!node.final && node.edges.length === 0 && !node.cut) deadEnds.add(node.stateId);
  });
  const endings: EndingPaths[] = Object.entries(scenario.endings).map(([id, ending]) => {
    const n = firstNode.get(id);
    return {
      id,
      outcome: ending.outcome,
      pathCount: found.counts.get(id) ?? 0,
      shortest: n === undefined ? [] : shortestTo(graph, n),
    };
  });
  let total = 0;
  for (const c of found.counts.values()) total += c;
  const states = [...model.states.keys()];
  const result: PathAnalysis = {
    endings,
    distinctPaths: total,
    best: { byMood: replay(model, found.bestMood), byCost: replay(model, found.bestCost) },
    worst: { byMood: replay(model, found.worstMood), byCost: replay(model, found.worstCost) },
    unreachableEndings: endings.filter((e) => !firstNode.has(e.id)).map((e) => e.id),
    unreachableStates: states.filter((s) => !reachedStates.has(s) && !graph.entered.has(s)),
    deadEnds: states.filter((s) => deadEnds.has(s)),
    meterExcursions: found.excursions,
    loops,
    truncated: found.truncated,
    abstractStates: graph.nodes.length,
  };
  if (opts.graphCheck !== false) {
    // Small graphs get the complete traversal (it can also confirm what is unreachable); large
    // ones the quickest traversal that still confirms every ending the analysis found.
    result.graphCheck = graphCheck(compiled, {
      expected: endings.filter((e) => e.pathCount > 0).map((e) => e.id),
      complete: graph.nodes.length <= (opts.completeCheckUpTo ?? 2_000),
    });
  }
  return result;
}
