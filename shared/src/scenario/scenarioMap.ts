import type { CompiledScenario } from "./compileScenario";
import { localize } from "./localized";
import type { ImplementationCall } from "./runContext";
import { modelOf } from "./scenarioModel";
import type { ScenarioModel } from "./scenarioModel";
import type { Outcome } from "./vocabulary";

/** One state of the map: its id, short customer line, and ending outcome if it is final. */
export type MapNode = { id: string; line: string; final: boolean; outcome?: Outcome; depth: number };
/** One arrow of the map: an option branch (or an automatic check, `auto`); `when` is its guard note. */
export type MapEdge = { from: string; to: string; label: string; auto: boolean; when?: string };

/**
 * An edge's text in at most `max` characters. Only the option's words are shortened: the guard note
 * (`[mood < 15]`) is what tells two branches of one option apart, so it always stays whole.
 */
export function edgeText(edge: MapEdge, max: number): string {
  if (edge.when === undefined) return short(edge.label, max);
  const room = Math.max(8, max - edge.when.length - 1);
  return `${short(edge.label, room)} ${edge.when}`;
}

/** Colours of endings on the maps, from best to worst. */
export const outcomeColors: Record<Outcome, string> = {
  ambassador: "#2e7d32",
  kept: "#66bb6a",
  neutral: "#9e9e9e",
  "lost-quietly": "#ef6c00",
  "public-adversary": "#c62828",
};

function short(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A guard in the words a trainer reads on the map, e.g. "mood < 15" or "said listens". */
export function describeGuard(guard: ImplementationCall): string {
  const p = guard.params;
  const raw = p["value"] ?? p["tag"] ?? p["option"] ?? p["fact"] ?? p["state"];
  const arg = typeof raw === "string" || typeof raw === "number" ? String(raw) : "";
  const words: Record<string, string> = {
    moodBelow: "mood <",
    moodAtLeast: "mood ≥",
    reputationBelow: "reputation <",
    reputationAtLeast: "reputation ≥",
    strainAbove: "strain >",
    strainAtMost: "strain ≤",
    costAbove: "cost >",
    costAtMost: "cost ≤",
    said: "said",
    notSaid: "not said",
    chose: "chose",
    notChose: "did not choose",
    remembers: "remembers",
    forgot: "forgot",
    visited: "visited",
    notVisited: "not visited",
  };
  return `${words[guard.type] ?? guard.type} ${arg}`.trim();
}

// States are placed by breadth-first depth from the start; states nothing reaches go last.
function depths(model: ScenarioModel): Map<string, number> {
  const depth = new Map<string, number>([[model.initial, 0]]);
  const queue = [model.initial];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const state = model.states.get(id);
    const targets = [...(state?.always ?? []), ...(state?.options.flatMap((o) => o.branches) ?? [])];
    for (const b of targets) {
      if (b.target === undefined || depth.has(b.target) || !model.states.has(b.target)) continue;
      depth.set(b.target, (depth.get(id) ?? 0) + 1);
      queue.push(b.target);
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  for (const id of model.states.keys()) if (!depth.has(id)) depth.set(id, last);
  return depth;
}

/** The scenario as nodes and labelled edges in one locale: the common ground of every map format. */
export function scenarioMap(
  compiled: CompiledScenario,
  locale = "en",
): { nodes: MapNode[]; edges: MapEdge[] } {
  const model = modelOf(compiled);
  const depth = depths(model);
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  for (const state of model.states.values()) {
    const node: MapNode = {
      id: state.id,
      line: localize(state.meta.line, locale),
      final: state.final,
      depth: depth.get(state.id) ?? 0,
    };
    const ending = state.meta.ending === undefined ? undefined : compiled.scenario.endings[state.meta.ending];
    if (ending !== undefined) node.outcome = ending.outcome;
    nodes.push(node);
    for (const option of state.options) {
      for (const b of option.branches) {
        const label = localize(option.label, locale);
        const edge: MapEdge = { from: state.id, to: b.target ?? state.id, label, auto: false };
        if (b.guard !== undefined) edge.when = `[${describeGuard(b.guard)}]`;
        edges.push(edge);
      }
    }
    for (const b of state.always) {
      const label = b.guard === undefined ? "otherwise" : `if ${describeGuard(b.guard)}`;
      edges.push({ from: state.id, to: b.target ?? state.id, label, auto: true });
    }
  }
  return { nodes, edges };
}

// Mermaid reads entity codes inside quoted labels; `#` goes first so later codes stay intact.
function mermaidText(text: string): string {
  return text
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/\|/g, "#124;")
    .replace(/[\r\n]+/g, " ");
}

/** A Mermaid flowchart of the scenario: states with the customer's line, endings coloured by outcome. */
export function toMermaid(compiled: CompiledScenario, locale = "en"): string {
  const { nodes, edges } = scenarioMap(compiled, locale);
  const ids = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const out = ["flowchart TD"];
  for (const n of nodes) {
    const text = mermaidText(`${n.id}: “${short(n.line, 40)}”`);
    out.push(n.final ? `  ${ids.get(n.id)}(["${text}"])` : `  ${ids.get(n.id)}["${text}"]`);
  }
  for (const e of edges) {
    const arrow = e.auto ? "-.->" : "-->";
    out.push(`  ${ids.get(e.from)} ${arrow}|"${mermaidText(edgeText(e, 60))}"| ${ids.get(e.to) ?? e.to}`);
  }
  for (const [outcome, color] of Object.entries(outcomeColors)) {
    const members = nodes.filter((n) => n.outcome === outcome).map((n) => ids.get(n.id));
    if (members.length === 0) continue;
    const cls = outcome.replace(/-/g, "_");
    out.push(`  classDef ${cls} fill:${color},color:#fff,stroke:#333`);
    out.push(`  class ${members.join(",")} ${cls}`);
  }
  return `${out.join("\n")}\n`;
}

function dotText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, " ");
}

/** A Graphviz DOT graph of the scenario, for `dot -Tsvg` or other Graphviz tools. */
export function toDot(compiled: CompiledScenario, locale = "en"): string {
  const { nodes, edges } = scenarioMap(compiled, locale);
  const out = [
    `digraph "${dotText(compiled.scenario.id)}" {`,
    "  rankdir=TB;",
    '  node [shape=box, fontname="sans-serif"];',
  ];
  for (const n of nodes) {
    const label = `${dotText(n.id)}\\n${dotText(`“${short(n.line, 40)}”`)}`;
    const style =
      n.outcome === undefined
        ? ""
        : `, shape=box, style="rounded,filled", fillcolor="${outcomeColors[n.outcome]}", fontcolor="white"`;
    out.push(`  "${dotText(n.id)}" [label="${label}"${style}];`);
  }
  for (const e of edges) {
    const style = e.auto ? ", style=dashed" : "";
    out.push(`  "${dotText(e.from)}" -> "${dotText(e.to)}" [label="${dotText(edgeText(e, 60))}"${style}];`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

export { toSvg } from "./scenarioSvg";
