import type { SessionPhase } from "../protocol/playStyle";
import type { BestPathView } from "../protocol/viewParts";
import { analyzePaths } from "../scenario/analyzePaths";
import type { CompiledScenario } from "../scenario/compileScenario";
import type { Localized } from "../scenario/localized";
import { choose, optionsAt, startRun } from "../scenario/runScenario";

/** The best path by final mood as the session keeps it: option ids and labels in every language. */
export type BestPathRef = { optionIds: string[]; labels: Localized[]; mood: number; cost: number };

// The analysis takes up to a few hundred ms on the largest library scenarios; a library's compiled
// scenario is one object for the server's life, so each is analysed once however often it is played.
const cache = new WeakMap<CompiledScenario, BestPathRef | null>();

/** Most situations explored for the comparison; beyond this the best path is not shown. */
const exploreLimit = 50_000;

/**
 * The scenario's best path by the customer's final mood, for the debrief's comparison; undefined when
 * the scenario has no complete path. Past the exploration limit it is the best path found so far.
 */
export function bestPathOf(compiled: CompiledScenario): BestPathRef | undefined {
  let found = cache.get(compiled);
  if (found === undefined) {
    found = analyse(compiled);
    cache.set(compiled, found);
  }
  return found ?? undefined;
}

function analyse(compiled: CompiledScenario): BestPathRef | null {
  const analysis = analyzePaths(compiled, { limit: exploreLimit, graphCheck: false });
  const best = analysis.best.byMood;
  if (!best) return null;
  let run = startRun(compiled);
  const labels: Localized[] = [];
  for (const id of best.path) {
    labels.push(optionsAt(compiled, run).find((o) => o.id === id)?.label ?? id);
    run = choose(compiled, run, id);
  }
  return { optionIds: best.path, labels, mood: best.mood, cost: best.cost };
}

/** The best path in one language, at the debrief only (before, it would give the answers away). */
export function bestPathView(
  ref: BestPathRef | undefined,
  phase: SessionPhase,
  t: (text: Localized) => string,
): BestPathView | undefined {
  if (phase !== "debrief" || ref === undefined) return undefined;
  return { labels: ref.labels.map(t), mood: ref.mood, cost: ref.cost };
}
