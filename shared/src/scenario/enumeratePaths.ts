import type { MeterExcursion, PathExtremes } from "./pathExtremes";
import { moodAfter, startMeters } from "./pathExtremes";
import type { PathGraph } from "./pathGraph";

type Found = { path: string[]; score: number };

/**
 * Walks every path that does not repeat an abstract state, up to `cap` finished paths. Used when
 * the conversation loops (so dynamic programming does not apply) and to check the DP in tests.
 */
export function enumeratePaths(
  graph: PathGraph,
  meters: Parameters<typeof startMeters>[1],
  cap: number,
): PathExtremes {
  const counts = new Map<string, number>();
  const extremes: Record<"bestMood" | "worstMood" | "bestCost" | "worstCost", Found | null> = {
    bestMood: null,
    worstMood: null,
    bestCost: null,
    worstCost: null,
  };
  const tracked = startMeters(graph, meters);
  const peaks = tracked.map(({ meter, start, trace }) => ({
    meter,
    high: { value: start + trace.maxPrefix, path: [] as string[] },
    low: { value: start + trace.minPrefix, path: [] as string[] },
  }));
  const keep = (slot: keyof typeof extremes, sign: number, score: number, path: string[]) => {
    const cur = extremes[slot];
    if (
      cur === null ||
      sign * score > sign * cur.score ||
      (score === cur.score && path.length < cur.path.length)
    ) {
      extremes[slot] = { path: [...path], score };
    }
  };
  let finished = 0;
  let truncated = graph.truncated;
  const onPath = new Set<number>();
  const path: string[] = [];
  const walk = (n: number, mood: number, cost: number, raw: number[]): void => {
    if (finished >= cap) {
      truncated = true;
      return;
    }
    const node = graph.nodes[n];
    if (node === undefined) return;
    if (node.final) {
      if (node.endingId === undefined) return;
      finished++;
      counts.set(node.endingId, (counts.get(node.endingId) ?? 0) + 1);
      keep("bestMood", 1, mood, path);
      keep("worstMood", -1, mood, path);
      keep("bestCost", -1, cost, path);
      keep("worstCost", 1, cost, path);
      return;
    }
    onPath.add(n);
    for (const e of node.edges) {
      if (onPath.has(e.to)) continue;
      path.push(e.option);
      const nextRaw = raw.map((value, i) => {
        const peak = peaks[i];
        if (peak === undefined) return value;
        const t = e.raw[peak.meter];
        if (value + t.maxPrefix > peak.high.value)
          peak.high = { value: value + t.maxPrefix, path: [...path] };
        if (value + t.minPrefix < peak.low.value) peak.low = { value: value + t.minPrefix, path: [...path] };
        return value + t.total;
      });
      walk(e.to, moodAfter(mood, e.moodDeltas), cost + e.cost, nextRaw);
      path.pop();
    }
    onPath.delete(n);
  };
  walk(
    0,
    graph.nodes[0]?.ctx.mood ?? 0,
    graph.start.cost,
    tracked.map((t) => t.start + t.trace.total),
  );
  const excursions: MeterExcursion[] = [];
  for (const p of peaks) {
    if (p.high.value > 100) excursions.push({ meter: p.meter, value: p.high.value, path: p.high.path });
    if (p.low.value < 0) excursions.push({ meter: p.meter, value: p.low.value, path: p.low.path });
  }
  return {
    counts,
    bestMood: extremes.bestMood?.path ?? null,
    worstMood: extremes.worstMood?.path ?? null,
    bestCost: extremes.bestCost?.path ?? null,
    worstCost: extremes.worstCost?.path ?? null,
    excursions,
    truncated,
  };
}
