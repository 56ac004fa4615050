import { isMap, isScalar, isSeq } from "yaml";
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import type { DataPath } from "./diagnostic";

/** A 1-based place in a source file. */
export type SourcePosition = { line: number; column: number };

/** Maps data paths back to where they were written, so diagnostics can point at the exact key or value. */
export type SourcePositions = {
  /** Where the key of `path` is written (for list items: where the item starts). */
  keyAt(path: DataPath): SourcePosition;
  /** Where the value of `path` starts. */
  valueAt(path: DataPath): SourcePosition;
};

type Found = { keyOffset: number; valueOffset: number };

/** Positions for a text that could not be parsed at all: everything points at its start. */
export const noPositions: SourcePositions = {
  keyAt: () => ({ line: 1, column: 1 }),
  valueAt: () => ({ line: 1, column: 1 }),
};

/** Builds the position map of a parsed YAML/JSON document. Unknown paths fall back to their deepest known parent. */
export function sourcePositionsOf(doc: Document, lineCounter: LineCounter): SourcePositions {
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };
  const root: Found = { keyOffset: 0, valueOffset: startOf(doc.contents) ?? 0 };
  // Each map's pairs by name, built on first use: a file with thousands of diagnostics stays linear.
  const pairsByName = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairNamed = (map: YAMLMap, name: string): Pair | undefined => {
    let index = pairsByName.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && !index.has(key)) index.set(key, pair);
      }
      pairsByName.set(map, index);
    }
    return index.get(name);
  };

  function find(path: DataPath): Found {
    let found = root;
    let node: unknown = doc.contents;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairNamed(node, String(segment));
        if (!pair) break;
        const keyOffset = startOf(pair.key) ?? found.keyOffset;
        found = { keyOffset, valueOffset: startOf(pair.value) ?? keyOffset };
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        const offset = startOf(item);
        if (offset === undefined) break;
        found = { keyOffset: offset, valueOffset: offset };
        node = item;
      } else {
        break;
      }
    }
    return found;
  }

  return {
    keyAt: (path) => toPosition(find(path).keyOffset),
    valueAt: (path) => toPosition(find(path).valueOffset),
  };
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
