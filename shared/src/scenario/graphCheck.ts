import { getShortestPaths } from "@xstate/graph";
import type { AnyMachineSnapshot } from "xstate";
import type { CompiledScenario } from "./compileScenario";
import { abstractKey, relevanceOf } from "./pathGraph";
import type { RunContext } from "./runContext";
import { modelOf } from "./scenarioModel";

/** How finely the traversal told situations apart (see `abstractKey`). */
export type GraphCheckDetail = "state" | "guards" | "full";

/** What an independent traversal of the XState machine (by @xstate/graph) found. */
export type GraphCheck = {
  /** Endings the machine itself reaches, each with the shortest choices found to get there. */
  reached: { endingId: string; path: string[] }[];
  /** Abstract states visited by the last traversal. */
  states: number;
  /** The finest detail used. With "full" the traversal saw every situation, so it is complete. */
  detail: GraphCheckDetail;
  /** Set when a traversal could not finish (e.g. its limit was hit). */
  error?: string;
};

/** Options for `graphCheck`. */
export type GraphCheckOptions = {
  /** Endings that must be confirmed; coarser traversals are tried first and refined until all are. */
  expected?: readonly string[];
  /** Always finish with the complete ("full") traversal. */
  complete?: boolean;
  /** Most traversal steps per pass. */
  limit?: number;
};

function traverse(compiled: CompiledScenario, detail: GraphCheckDetail, limit: number): GraphCheck {
  const model = modelOf(compiled);
  const relevance = relevanceOf(model);
  const serializeState = (s: AnyMachineSnapshot) =>
    abstractKey(relevance, String(s.value), s.context as RunContext, detail);
  try {
    const paths = getShortestPaths(compiled.machine, {
      serializeState,
      events: (s: AnyMachineSnapshot) => {
        const state = model.states.get(String(s.value));
        return state === undefined || state.final ? [] : state.options.map((o) => ({ type: o.id }));
      },
      limit,
    });
    const reached = new Map<string, string[]>();
    for (const p of paths) {
      const state = model.states.get(String(p.state.value));
      const ending = state?.final ? state.meta.ending : undefined;
      if (ending === undefined) continue;
      const choices = p.steps.slice(1).map((s) => (s.event as { type: string }).type);
      const known = reached.get(ending);
      if (known === undefined || choices.length < known.length) reached.set(ending, choices);
    }
    return {
      reached: [...reached].map(([endingId, path]) => ({ endingId, path })),
      states: paths.length,
      detail,
    };
  } catch (e) {
    return { reached: [], states: 0, detail, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Walks the compiled machine itself with @xstate/graph's `getShortestPaths`, keyed by state value
 * plus only the context the guards can observe, so the space stays finite. Each path it returns
 * is a real run of the machine, so a coarse traversal already proves the endings it reaches; it
 * refines ("state", then "guards", then "full") only while expected endings are still missing.
 */
export function graphCheck(compiled: CompiledScenario, opts: GraphCheckOptions = {}): GraphCheck {
  const limit = opts.limit ?? 10_000_000;
  const levels: GraphCheckDetail[] = opts.complete === true ? ["full"] : ["state", "guards", "full"];
  let result = traverse(compiled, levels[0] ?? "full", limit);
  for (const detail of levels.slice(1)) {
    const found = new Set(result.reached.map((r) => r.endingId));
    const missing = opts.expected === undefined || opts.expected.some((e) => !found.has(e));
    if (!missing && result.error === undefined) break;
    result = traverse(compiled, detail, limit);
  }
  return result;
}
