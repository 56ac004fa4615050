import { getShortestPaths } from "@xstate/graph";
import type { AnyMachineSnapshot } from "xstate";
import type { CompiledScenario } from "./compileScenario";
import { abstractKey, relevanceOf } from "./pathGraph";
import type { RunContext } from "./runContext";
import { modelOf } from "./scenarioModel";

/** What an independent traversal of the XState machine (by @xstate/graph) found. */
export type GraphCheck = {
  /** Endings the machine itself reaches, each with the shortest choices that get there. */
  reached: { endingId: string; path: string[] }[];
  /** Abstract states the traversal visited. */
  states: number;
  /** Set when the traversal could not finish (e.g. its limit was hit). */
  error?: string;
};

/**
 * Walks the compiled machine with @xstate/graph's `getShortestPaths`. States are keyed by their
 * value plus only the context the guards can observe, so the space stays finite without merging
 * states that behave differently.
 */
export function graphCheck(compiled: CompiledScenario, limit = 1_000_000): GraphCheck {
  const model = modelOf(compiled);
  const relevance = relevanceOf(model);
  const serializeState = (s: AnyMachineSnapshot) =>
    abstractKey(relevance, String(s.value), s.context as RunContext);
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
      const choices = p.steps.slice(1).map((s) => s.event.type);
      const known = reached.get(ending);
      if (known === undefined || choices.length < known.length) reached.set(ending, choices);
    }
    return { reached: [...reached].map(([endingId, path]) => ({ endingId, path })), states: paths.length };
  } catch (e) {
    return { reached: [], states: 0, error: e instanceof Error ? e.message : String(e) };
  }
}
