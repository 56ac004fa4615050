import type { Outcome, ScenarioMapView } from "@hotseat/shared";

/** A walk drawn on the map: the path played, a branch abandoned by a rewind, or one team's path. */
export type MapTrack = {
  kind: "path" | "branch" | "team";
  steps: readonly { from?: string | undefined; to?: string | undefined }[];
  /** For a team: which of the team colours. */
  colour?: number;
};

export type MapNode = {
  id: string;
  x: number;
  y: number;
  start: boolean;
  final: boolean;
  outcome?: Outcome;
  /** Step numbers at which the path played arrived here (1-based); empty when it never did. */
  steps: number[];
  /** Whether any track passes through here. */
  visited: boolean;
};

export type MapEdge = {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  kind: "other" | MapTrack["kind"];
  colour?: number;
  /** For team tracks: a small sideways offset so teams that share an edge stay apart. */
  lane?: number;
};

export type PathMapLayout = { nodes: MapNode[]; edges: MapEdge[]; columns: number };

/**
 * Lays the scenario out for the debrief: states in columns by distance from the start, each column
 * ordered by where its states come from (fewer crossings), then the tracks as edges on top.
 * Pure: positions are in the box's own pixels, from (0,0) to (width,height).
 */
export function pathMapLayout(
  map: ScenarioMapView,
  tracks: readonly MapTrack[],
  width: number,
  height: number,
  margin = 24,
): PathMapLayout {
  const columns = new Map<number, ScenarioMapView["nodes"]>();
  for (const n of map.nodes) columns.set(n.depth, [...(columns.get(n.depth) ?? []), n]);
  const depths = [...columns.keys()].sort((a, b) => a - b);
  const lastDepth = Math.max(1, depths.at(-1) ?? 1);
  const parents = new Map<string, string[]>();
  for (const e of map.edges) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
  const rank = new Map<string, number>();
  const pos = new Map<string, { x: number; y: number }>();
  for (const depth of depths) {
    const column = [...(columns.get(depth) ?? [])];
    const centre = (id: string) => {
      const ranks = (parents.get(id) ?? []).map((p) => rank.get(p)).filter((r) => r !== undefined);
      return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : Number.MAX_SAFE_INTEGER;
    };
    column.sort((a, b) => centre(a.id) - centre(b.id) || Number(a.final) - Number(b.final));
    const x = margin + ((width - 2 * margin) * depth) / lastDepth;
    column.forEach((n, i) => {
      rank.set(n.id, column.length > 1 ? i / (column.length - 1) : 0.5);
      pos.set(n.id, { x, y: margin + ((height - 2 * margin) * (i + 0.5)) / column.length });
    });
  }

  const nodes = new Map<string, MapNode>();
  for (const n of map.nodes) {
    const p = pos.get(n.id) ?? { x: margin, y: height / 2 };
    const node: MapNode = {
      id: n.id,
      ...p,
      start: n.id === map.start,
      final: n.final,
      steps: [],
      visited: false,
    };
    if (n.outcome) node.outcome = n.outcome;
    nodes.set(n.id, node);
  }
  const edges: MapEdge[] = [];
  const drawn = new Set<string>();
  const edge = (from: string, to: string, kind: MapEdge["kind"], colour?: number, lane?: number) => {
    const a = nodes.get(from);
    const b = nodes.get(to);
    if (!a || !b || from === to) return;
    const e: MapEdge = { x1: a.x, y1: a.y, x2: b.x, y2: b.y, kind };
    if (colour !== undefined) e.colour = colour;
    if (lane !== undefined) e.lane = lane;
    edges.push(e);
    drawn.add(`${from}\u0000${to}`);
  };
  // The tracks first so the map's other roads can skip what they already show; drawn back to front later.
  const trackEdges: MapEdge[] = [];
  let lane = 0;
  for (const track of tracks) {
    for (const [i, s] of track.steps.entries()) {
      if (s.from === undefined || s.to === undefined) continue;
      const before = edges.length;
      edge(s.from, s.to, track.kind, track.colour, track.kind === "team" ? lane : undefined);
      trackEdges.push(...edges.splice(before));
      const from = nodes.get(s.from);
      const to = nodes.get(s.to);
      if (from) from.visited = true;
      if (to) to.visited = true;
      if (track.kind === "path" && to) to.steps.push(i + 1);
    }
    if (track.kind === "team") lane++;
  }
  for (const e of map.edges) if (!drawn.has(`${e.from}\u0000${e.to}`)) edge(e.from, e.to, "other");
  const order: MapEdge["kind"][] = ["other", "branch", "team", "path"];
  const all = [...edges, ...trackEdges].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { nodes: [...nodes.values()], edges: all, columns: depths.length };
}
