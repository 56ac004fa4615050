import type { CompiledScenario } from "../scenario/compileScenario";
import { moodAfter, postOrder } from "../scenario/pathExtremes";
import { abstractKey, buildPathGraph, relevanceOf } from "../scenario/pathGraph";
import type { PathGraph, Relevances } from "../scenario/pathGraph";
import { contextOfRun } from "../scenario/runScenario";
import type { RunState } from "../scenario/runState";
import { totalCost } from "../scenario/runContext";
import { modelOf } from "../scenario/scenarioModel";
import type { Reachable } from "./reachable";

// Scenarios whose explored graph is larger than this fall back to the search (none bundled comes close).
const graphLimit = 50_000;

/**
 * Best final mood and least cost still to come, for every node of a scenario's path graph and every
 * mood of the node's class, filled children first. Meter classes are closed backwards (meterCuts), so
 * every mood of a class takes the same edges to the same next nodes; only the clamped mood differs,
 * hence one slot per mood. Built once per compiled scenario (one per pinned version on the server),
 * then every learner's every decision is a lookup.
 */
export class ReachableTable {
  private readonly index = new Map<string, number>();
  private readonly base: Int16Array;
  private readonly offset: Int32Array;
  private readonly bestMood: Int16Array;
  private readonly toGo: Float64Array;

  private constructor(
    private readonly graph: PathGraph,
    post: readonly number[],
    private readonly relevance: Relevances,
  ) {
    const count = graph.nodes.length;
    this.base = new Int16Array(count);
    this.offset = new Int32Array(count + 1);
    graph.nodes.forEach((node, n) => {
      this.index.set(node.key, n);
      this.base[n] = node.moods[0];
      this.offset[n + 1] = (this.offset[n] as number) + node.moods[1] - node.moods[0] + 1;
    });
    const total = this.offset[count] as number;
    this.bestMood = new Int16Array(total);
    this.toGo = new Float64Array(total);
    for (const n of post) this.fill(n);
  }

  /** The table of a scenario, or undefined when its graph loops or was cut short (use the search). */
  static of(compiled: CompiledScenario): ReachableTable | undefined {
    if (tables.has(compiled)) return tables.get(compiled);
    const model = modelOf(compiled);
    const graph = buildPathGraph(model, graphLimit);
    const post = graph.truncated ? undefined : postOrder(graph);
    const table = post === undefined ? undefined : new ReachableTable(graph, post, relevanceOf(model));
    tables.set(compiled, table);
    return table;
  }

  /** Reachable from `run` after taking `optionId` there; undefined when the graph does not know `run`. */
  afterOption(run: RunState, optionId: string): Reachable | undefined {
    const n = this.index.get(abstractKey(this.relevance, run.stateId, contextOfRun(run)));
    const edge = n === undefined ? undefined : this.graph.nodes[n]?.edges.find((e) => e.option === optionId);
    if (edge === undefined) return undefined;
    const i = this.slot(edge.to, moodAfter(run.meters.mood, edge.moodDeltas));
    if (i < 0) return undefined;
    return {
      bestMood: this.bestMood[i] as number,
      leastCost: totalCost(run.ledger) + edge.cost + (this.toGo[i] as number),
    };
  }

  private slot(n: number, mood: number): number {
    const i = mood - (this.base[n] as number);
    const at = (this.offset[n] as number) + i;
    return i >= 0 && at < (this.offset[n + 1] as number) ? at : -1;
  }

  // As the search did: an ending (or any final state, or a state with no option open) counts its own
  // mood and adds no cost; otherwise the best over the options, each moving the mood as the runtime does.
  private fill(n: number): void {
    const node = this.graph.nodes[n];
    if (node === undefined) return;
    const from = this.offset[n] as number;
    const to = this.offset[n + 1] as number;
    for (let i = from; i < to; i++) {
      const mood = (this.base[n] as number) + i - from;
      let best = -1;
      let least = Infinity;
      if (!node.final)
        for (const e of node.edges) {
          const j = this.slot(e.to, moodAfter(mood, e.moodDeltas));
          if (j < 0) continue;
          best = Math.max(best, this.bestMood[j] as number);
          least = Math.min(least, e.cost + (this.toGo[j] as number));
        }
      this.bestMood[i] = best < 0 ? mood : best;
      this.toGo[i] = best < 0 ? 0 : least;
    }
  }
}

const tables = new WeakMap<CompiledScenario, ReachableTable | undefined>();
