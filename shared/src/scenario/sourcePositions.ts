import { isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, LineCounter, Node } from "yaml";
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

/** Builds the position map of a parsed YAML/JSON document. Unknown paths fall back to their deepest known parent. */
export function sourcePositionsOf(doc: Document, lineCounter: LineCounter): SourcePositions {
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };
  const root: Found = { keyOffset: 0, valueOffset: startOf(doc.contents) ?? 0 };

  function find(path: DataPath): Found {
    let found = root;
    let node: unknown = doc.contents;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
        );
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
