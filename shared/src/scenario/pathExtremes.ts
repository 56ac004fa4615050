import type { MeterName } from "./runContext";
import { clampMeter } from "./runContext";
import type { PathGraph } from "./pathGraph";

/** The furthest a meter gets outside 0..100 (unclamped), and the choices that take it there. */
export type MeterExcursion = { meter: MeterName; value: number; path: string[] };

/** Path counts and extreme paths (as option ids) of an explored graph. */
export type PathExtremes = {
  counts: Map<string, number>;
  bestMood: string[] | null;
  worstMood: string[] | null;
  bestCost: string[] | null;
  worstCost: string[] | null;
  excursions: MeterExcursion[];
  truncated: boolean;
};

/** Moves a clamped mood through a step's mood changes, clamping after each as the runtime does. */
export function moodAfter(mood: number, deltas: readonly number[]): number {
  let m = mood;
  for (const d of deltas) m = clampMeter(m + d);
  return m;
}

/** Nodes in post-order (children first), or undefined when the graph has a loop. */
export function postOrder(graph: PathGraph): number[] | undefined {
  const state = new Uint8Array(graph.nodes.length); // 0 new, 1 on the stack, 2 done
  const order: number[] = [];
  const stack: { node: number; edge: number }[] = [{ node: 0, edge: 0 }];
  state[0] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: number; edge: number };
    const edges = graph.nodes[top.node]?.edges ?? [];
    if (top.edge < edges.length) {
      const to = (edges[top.edge++] as { to: number }).to;
      if (state[to] === 1) return undefined;
      if (state[to] === 0) {
        state[to] = 1;
        stack.push({ node: to, edge: 0 });
      }
    } else {
      state[top.node] = 2;
      order.push(top.node);
      stack.pop();
    }
  }
  return order;
}

type Choice = { score: number; len: number; edge: number } | null;

function better(sign: number, score: number, len: number, current: Choice): boolean {
  return (
    current === null || sign * score > sign * current.score || (score === current.score && len < current.len)
  );
}

function follow(graph: PathGraph, pick: (node: number, mood: number) => Choice): string[] {
  const path: string[] = [];
  let node = 0;
  let mood = graph.nodes[0]?.ctx.mood ?? 0;
  for (let c = pick(node, mood); c !== null && c.edge >= 0; c = pick(node, mood)) {
    const edge = graph.nodes[node]?.edges[c.edge];
    if (edge === undefined) break;
    path.push(edge.option);
    mood = moodAfter(mood, edge.moodDeltas);
    node = edge.to;
  }
  return path;
}

/**
 * The path to an ending with the highest (sign 1) or lowest (sign -1) final mood, fewest choices first.
 * The final mood depends on the mood on arrival (clamping is not additive) and a node stands for
 * a class of moods, so each node gets a slice of flat tables over the moods of its class (the
 * first node only the start mood), filled children first.
 */
export function extremeMood(graph: PathGraph, post: readonly number[], sign: number): string[] | null {
  const count = graph.nodes.length;
  const base = new Int16Array(count);
  const offset = new Int32Array(count + 1);
  graph.nodes.forEach((node, n) => {
    const [lo, hi] = n === 0 ? [node.ctx.mood, node.ctx.mood] : node.moods;
    base[n] = lo;
    offset[n + 1] = (offset[n] as number) + hi - lo + 1;
  });
  const total = offset[count] as number;
  const score = new Int16Array(total).fill(-1);
  const len = new Uint16Array(total);
  const edge = new Int16Array(total).fill(-1);
  const at = (n: number, m: number) => {
    const i = m - (base[n] as number);
    return i >= 0 && (offset[n] as number) + i < (offset[n + 1] as number) ? (offset[n] as number) + i : -1;
  };
  for (const n of post) {
    const node = graph.nodes[n];
    if (node === undefined) continue;
    const from = offset[n] as number;
    const to = offset[n + 1] as number;
    if (node.final) {
      if (node.endingId !== undefined)
        for (let i = from; i < to; i++) score[i] = (base[n] as number) + i - from;
      continue;
    }
    node.edges.forEach((e, edgeIndex) => {
      for (let i = from; i < to; i++) {
        const j = at(e.to, moodAfter((base[n] as number) + i - from, e.moodDeltas));
        const s = j < 0 ? -1 : (score[j] as number);
        if (s < 0) continue;
        const l = (len[j] as number) + 1;
        const cur = score[i] as number;
        if (cur < 0 || sign * s > sign * cur || (s === cur && l < (len[i] as number))) {
          score[i] = s;
          len[i] = l;
          edge[i] = edgeIndex;
        }
      }
    });
  }
  const pick = (n: number, m: number): Choice => {
    const i = at(n, m);
    const s = i < 0 ? -1 : (score[i] as number);
    return s < 0 ? null : { score: s, len: len[i] as number, edge: edge[i] as number };
  };
  return pick(0, graph.nodes[0]?.ctx.mood ?? 0) === null ? null : follow(graph, pick);
}

/**
 * The path to an ending with the highest (sign 1) or lowest (sign -1) total cost, fewest choices first.
 * Cost changes do not depend on the cost so far, so the cost still to come is a plain DAG sum.
 */
export function extremeCost(graph: PathGraph, post: readonly number[], sign: number): string[] | null {
  const best: Choice[] = new Array<Choice>(graph.nodes.length).fill(null);
  for (const n of post) {
    const node = graph.nodes[n];
    if (node === undefined) continue;
    if (node.final) {
      best[n] = node.endingId === undefined ? null : { score: 0, len: 0, edge: -1 };
      continue;
    }
    node.edges.forEach((e, i) => {
      const r = best[e.to];
      if (r != null && better(sign, r.score + e.cost, r.len + 1, best[n] ?? null)) {
        best[n] = { score: r.score + e.cost, len: r.len + 1, edge: i };
      }
    });
  }
  return best[0] == null ? null : follow(graph, (n) => best[n] ?? null);
}

/**
 * Paths from the start to each ending. Counts are floats: exact up to 2^53 paths, rounded beyond
 * (no trainer reads such a number exactly).
 */
export function countPaths(graph: PathGraph, post: readonly number[]): Map<string, number> {
  const endings = [...new Set(graph.nodes.flatMap((n) => (n.endingId === undefined ? [] : [n.endingId])))];
  const e = endings.length;
  const counts = new Float64Array(graph.nodes.length * e);
  for (const n of post) {
    const node = graph.nodes[n];
    if (node === undefined) continue;
    if (node.final) {
      const i = node.endingId === undefined ? -1 : endings.indexOf(node.endingId);
      if (i >= 0) counts[n * e + i] = 1;
      continue;
    }
    for (const edge of node.edges) {
      for (let i = 0; i < e; i++)
        counts[n * e + i] = (counts[n * e + i] as number) + (counts[edge.to * e + i] as number);
    }
  }
  return new Map(endings.map((id, i) => [id, counts[i] ?? 0]));
}

/** The meters a scenario has, with their start values. */
export function startMeters(
  graph: PathGraph,
  meters: { mood: number; reputation?: number; strain?: number },
) {
  const list: { meter: MeterName; start: number }[] = [{ meter: "mood", start: meters.mood }];
  if (meters.reputation !== undefined) list.push({ meter: "reputation", start: meters.reputation });
  if (meters.strain !== undefined) list.push({ meter: "strain", start: meters.strain });
  return list.map((m) => ({ ...m, trace: graph.start.raw[m.meter] }));
}

function pathTo(graph: PathGraph, parent: Int32Array, parentEdge: Int32Array, n: number): string[] {
  const path: string[] = [];
  for (let p = n; (parent[p] as number) >= 0; p = parent[p] as number) {
    path.unshift(graph.nodes[parent[p] as number]?.edges[parentEdge[p] as number]?.option ?? "");
  }
  return path;
}

/**
 * The furthest each meter would go above 100 or below 0 without clamping, with the choices that get
 * there. Unclamped values are sums along the path, so the extreme on arrival is a forward DAG DP.
 */
export function excursions(
  graph: PathGraph,
  post: readonly number[],
  meters: Parameters<typeof startMeters>[1],
) {
  const out: MeterExcursion[] = [];
  const count = graph.nodes.length;
  for (const { meter, start, trace } of startMeters(graph, meters)) {
    for (const sign of [1, -1]) {
      const arrive = new Float64Array(count).fill(NaN);
      const parent = new Int32Array(count).fill(-1);
      const parentEdge = new Int32Array(count);
      arrive[0] = start + trace.total;
      let peak = { value: start + (sign > 0 ? trace.maxPrefix : trace.minPrefix), node: 0, edge: -1 };
      for (let k = post.length - 1; k >= 0; k--) {
        const n = post[k] as number;
        const at = arrive[n] as number;
        graph.nodes[n]?.edges.forEach((e, i) => {
          const t = e.raw[meter];
          const high = at + (sign > 0 ? t.maxPrefix : t.minPrefix);
          if (sign * high > sign * peak.value) peak = { value: high, node: n, edge: i };
          const next = at + t.total;
          const cur = arrive[e.to] as number;
          if (Number.isNaN(cur) || sign * next > sign * cur) {
            arrive[e.to] = next;
            parent[e.to] = n;
            parentEdge[e.to] = i;
          }
        });
      }
      if (sign * peak.value > sign * (sign > 0 ? 100 : 0)) {
        const path = pathTo(graph, parent, parentEdge, peak.node);
        const last = graph.nodes[peak.node]?.edges[peak.edge];
        if (last !== undefined) path.push(last.option);
        out.push({ meter, value: peak.value, path });
      }
    }
  }
  return out;
}

/** Exact counts and extremes by dynamic programming over an acyclic explored graph. */
export function dagExtremes(
  graph: PathGraph,
  post: readonly number[],
  meters: Parameters<typeof startMeters>[1],
): PathExtremes {
  return {
    counts: countPaths(graph, post),
    bestMood: extremeMood(graph, post, 1),
    worstMood: extremeMood(graph, post, -1),
    bestCost: extremeCost(graph, post, -1),
    worstCost: extremeCost(graph, post, 1),
    excursions: excursions(graph, post, meters),
    truncated: graph.truncated,
  };
}
