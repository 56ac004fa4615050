import type { CompiledScenario } from "./compileScenario";
import { edgeText, outcomeColors, scenarioMap } from "./scenarioMap";
import type { MapNode } from "./scenarioMap";

const boxW = 220;
const boxH = 64;
const gapX = 40;
const gapY = 90;
const margin = 30;
// Room on the left for arrows that go back up.
const gutter = 150;

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Splits a line into at most `lines` pieces of about `width` characters, at spaces where possible.
function wrap(text: string, width: number, lines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const out: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur === "" || cur.length + 1 + w.length <= width) cur = cur === "" ? w : `${cur} ${w}`;
    else {
      out.push(cur);
      cur = w;
    }
  }
  if (cur !== "") out.push(cur);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${(kept[lines - 1] ?? "").slice(0, width - 1)}…`;
    return kept;
  }
  return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}

/**
 * A self-contained SVG map of the scenario (no Graphviz needed): states in layers by distance
 * from the start, endings coloured by outcome, arrows labelled with the option. Arrows that go
 * back up or skip across are drawn as curves so they do not hide behind boxes.
 */
export function toSvg(compiled: CompiledScenario, locale = "en"): string {
  const { nodes, edges } = scenarioMap(compiled, locale);
  const layers = new Map<number, MapNode[]>();
  for (const n of nodes) layers.set(n.depth, [...(layers.get(n.depth) ?? []), n]);
  const widest = Math.max(1, ...[...layers.values()].map((l) => l.length));
  const width = margin * 2 + gutter + widest * boxW + (widest - 1) * gapX;
  const depthCount = Math.max(1, ...layers.keys()) + 1;
  const height = margin * 2 + depthCount * boxH + (depthCount - 1) * gapY;
  const pos = new Map<string, { x: number; y: number }>();
  // One top-down barycentre pass: a state sits under the states that lead to it, fewer crossings.
  const order = new Map<string, number>();
  for (const depth of [...layers.keys()].sort((a, b) => a - b)) {
    const layer = layers.get(depth) ?? [];
    const centre = (n: MapNode) => {
      const from = edges.filter((e) => e.to === n.id && order.has(e.from)).map((e) => order.get(e.from) ?? 0);
      return from.length === 0 ? Infinity : from.reduce((a, b) => a + b, 0) / from.length;
    };
    const keyed = layer.map((n, i) => ({ n, c: centre(n), i }));
    keyed.sort((a, b) => a.c - b.c || a.i - b.i);
    layers.set(
      depth,
      keyed.map((k) => k.n),
    );
    keyed.forEach((k, i) => order.set(k.n.id, i - (keyed.length - 1) / 2));
  }
  for (const [depth, layer] of layers) {
    const rowWidth = layer.length * boxW + (layer.length - 1) * gapX;
    layer.forEach((n, i) => {
      pos.set(n.id, {
        x: gutter + (width - gutter - rowWidth) / 2 + i * (boxW + gapX),
        y: margin + depth * (boxH + gapY),
      });
    });
  }
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>${xml(compiled.scenario.id)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ];
  const labels: string[] = [];
  edges.forEach((e, k) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (a === undefined || b === undefined) return;
    const dash = e.auto ? ' stroke-dasharray="6 4"' : "";
    let d: string;
    let lx: number;
    let ly: number;
    if (e.from === e.to) {
      const x = a.x + boxW;
      d = `M${x},${a.y + 16} C${x + 50},${a.y - 10} ${x + 50},${a.y + boxH + 10} ${x},${a.y + boxH - 16}`;
      [lx, ly] = [x + 44, a.y + boxH / 2];
    } else if (b.y > a.y) {
      const [x1, y1, x2, y2] = [a.x + boxW / 2, a.y + boxH, b.x + boxW / 2, b.y];
      d = `M${x1},${y1} C${x1},${y1 + gapY / 2} ${x2},${y2 - gapY / 2} ${x2},${y2}`;
      // Labels of arrows leaving the same box are staggered so they do not sit on one another.
      const t = 0.35 + (k % 3) * 0.15;
      [lx, ly] = [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
    } else if (b.y === a.y) {
      // Within one layer: an arc under the row.
      const [x1, x2, y] = [a.x + boxW / 2, b.x + boxW / 2, a.y + boxH];
      d = `M${x1},${y} C${x1},${y + gapY * 0.6} ${x2},${y + gapY * 0.6} ${x2},${y}`;
      [lx, ly] = [(x1 + x2) / 2, y + gapY * 0.45 + 4];
    } else {
      // Back up: around the left of the boxes, through the gutter.
      const [x1, y1, x2, y2] = [a.x, a.y + boxH / 2, b.x, b.y + boxH / 2];
      const bend = Math.max(10, Math.min(x1, x2) - 80 - (k % 3) * 12);
      d = `M${x1},${y1} C${bend},${y1} ${bend},${y2} ${x2},${y2}`;
      [lx, ly] = [bend + 60, (y1 + y2) / 2];
    }
    out.push(`<path d="${d}" fill="none" stroke="#555" stroke-width="1.4"${dash} marker-end="url(#arrow)"/>`);
    const text = edgeText(e, 34);
    labels.push(
      `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="11" text-anchor="middle" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">${xml(text)}</text>`,
    );
  });
  for (const n of nodes) {
    const p = pos.get(n.id);
    if (p === undefined) continue;
    const fill = n.outcome === undefined ? "#f5f7fb" : outcomeColors[n.outcome];
    const ink = n.outcome === undefined ? "#111" : "#fff";
    // data-state lets a page that shows the map (the Studio) find a state's box to select or mark it.
    out.push(`<g data-state="${xml(n.id)}"><title>${xml(`${n.id}: ${n.line}`)}</title>`);
    out.push(
      `<rect x="${p.x}" y="${p.y}" width="${boxW}" height="${boxH}" rx="${n.final ? 18 : 6}" fill="${fill}" stroke="#333"/>`,
    );
    out.push(
      `<text x="${p.x + boxW / 2}" y="${p.y + 18}" font-size="13" font-weight="bold" text-anchor="middle" fill="${ink}">${xml(n.id)}</text>`,
    );
    wrap(`“${n.line}”`, 34, 2).forEach((line, i) => {
      out.push(
        `<text x="${p.x + boxW / 2}" y="${p.y + 36 + i * 15}" font-size="11" text-anchor="middle" fill="${ink}">${xml(line)}</text>`,
      );
    });
    out.push("</g>");
  }
  out.push(...labels, "</svg>");
  return `${out.join("\n")}\n`;
}
