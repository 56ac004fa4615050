import type { CompiledScenario } from "../scenario/compileScenario";
import { choose, optionsAt } from "../scenario/runScenario";
import type { RunState } from "../scenario/runState";

/** The best final mood and the lowest total cost still reachable at an ending from a run state. */
export type Reachable = { bestMood: number; leastCost: number };

// A run state's future depends on where it is and its context, not on the steps that led there.
function keyOf(run: RunState): string {
  return JSON.stringify([run.stateId, run.meters, run.ledger, run.said, run.chosen, run.facts, run.visited]);
}

/**
 * What is still reachable after a run state, by exploring every option to every ending (memoised per
 * state and context, so a scenario's shared sub-paths are walked once). A loop back to a state already
 * on the path adds nothing new and is cut; a state with no ending ahead counts its own meters.
 */
export class ReachableFinder {
  private readonly memo = new Map<string, Reachable>();

  constructor(private readonly compiled: CompiledScenario) {}

  /** Reachable from `run` after taking `optionId` there. */
  afterOption(run: RunState, optionId: string): Reachable {
    return this.from(choose(this.compiled, run, optionId), new Set());
  }

  private from(run: RunState, onPath: Set<string>): Reachable {
    const cost = run.steps.at(-1)?.costAfter ?? 0;
    const here = { bestMood: run.meters.mood, leastCost: cost };
    if (run.ended) return here;
    const key = keyOf(run);
    const known = this.memo.get(key);
    if (known) return { bestMood: known.bestMood, leastCost: cost + known.leastCost };
    if (onPath.has(key)) return here;
    onPath.add(key);
    let best: Reachable | undefined;
    for (const option of optionsAt(this.compiled, run)) {
      const next = this.from(choose(this.compiled, run, option.id), onPath);
      best = {
        bestMood: Math.max(best?.bestMood ?? -Infinity, next.bestMood),
        leastCost: Math.min(best?.leastCost ?? Infinity, next.leastCost),
      };
    }
    onPath.delete(key);
    const result = best ?? here;
    // Stored relative to the cost so far: the same context reached by dearer paths costs more in total.
    this.memo.set(key, { bestMood: result.bestMood, leastCost: result.leastCost - cost });
    return result;
  }
}
