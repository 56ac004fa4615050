import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Document, LineCounter, Range, Scalar } from "yaml";
import type { ParsedText } from "./parseScenarioText";
import { parseScenarioDocument } from "./parseScenarioText";
import { sourcePositionsOf } from "./sourcePositions";

// Characters that can end a quoted text, start a new line or change how deep the file nests: an edit that
// adds or removes one of them is read from scratch.
const structural = /["'\\\r\n[\]{}]/;

type Clean = {
  text: string;
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
  /** No aliases or merge keys: each value in the data comes from one place in the text, so it is patched there. */
  plain: boolean;
};

/**
 * Reads an editor's successive texts of one scenario file as {@link parseScenarioDocument} does, but cheaply
 * for the usual keystroke: when the edit lies inside one quoted text on one line (a customer's line, a label,
 * a translation) and adds or removes no quote, backslash, bracket or line break, the last document and data
 * are patched (that text's value, every position after it) instead of parsing the whole file again.
 * Anything else, or a last text that did not read cleanly, is parsed in full. `patched` says which. The
 * result equals a full parse (client/src/studio/typedTextParser.test.ts checks data and positions).
 */
export function typedTextParser(file: string): (text: string) => ParsedText & { patched: boolean } {
  let last: Clean | undefined;
  return (text) => {
    const patched = last && patchEdit(last, text);
    if (patched) {
      last = patched;
      const positions = sourcePositionsOf(patched.doc, patched.lineCounter);
      return { data: patched.data, positions, diagnostics: [], patched: true };
    }
    const { doc, lineCounter, ...parsed } = parseScenarioDocument(text, file);
    last =
      doc && lineCounter && parsed.diagnostics.length === 0
        ? { text, doc, lineCounter, data: parsed.data, plain: isPlain(doc) }
        : undefined;
    return { ...parsed, patched: false };
  };
}

/** The last document changed in place to read `text`, or undefined when the edit is not a simple text edit. */
function patchEdit(last: Clean, text: string): Clean | undefined {
  const old = last.text;
  // The edit: what lies between the common start and the common end of the two texts.
  let start = 0;
  const shortest = Math.min(old.length, text.length);
  while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start += 1;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd -= 1;
    newEnd -= 1;
  }
  if (start === oldEnd && start === newEnd) return undefined;
  if (structural.test(old.slice(start, oldEnd)) || structural.test(text.slice(start, newEnd)))
    return undefined;
  const delta = newEnd - oldEnd;

  // The quoted value (not a name) whose inside, between its quotes, holds the whole edit.
  const found = valueAround(last.doc.contents, start, oldEnd, []);
  const target = found?.scalar;
  const range = target?.range;
  if (!found || !target || !range || range[0] >= start || range[1] - 1 < oldEnd) return undefined;
  if (target.type !== "QUOTE_DOUBLE" && target.type !== "QUOTE_SINGLE") return undefined;
  if (target.tag || typeof target.value !== "string") return undefined;
  if (target.source !== undefined && target.source !== target.value) return undefined;
  const token = text.slice(range[0], range[1] + delta);
  if (token.includes("\n")) return undefined;
  const alone = parseDocument(token);
  const value: unknown =
    alone.errors.length === 0 && isScalar(alone.contents) ? alone.contents.value : undefined;
  if (typeof value !== "string") return undefined;

  target.value = value;
  if (target.source !== undefined) target.source = value;
  if (delta !== 0) {
    shiftFrom(last.doc.contents, oldEnd, delta);
    if (last.doc.range) shiftRange(last.doc.range, oldEnd, delta);
    const starts = last.lineCounter.lineStarts;
    for (let i = starts.length - 1; i >= 0 && (starts[i] ?? 0) >= oldEnd; i -= 1)
      starts[i] = (starts[i] ?? 0) + delta;
  }
  const data: unknown = last.plain
    ? withValue(last.data, found.path, value)
    : (last.doc.toJS({ maxAliasCount: 100 }) as unknown);
  return { ...last, text, data };
}

/** The scalar whose range holds [start, end), with its path in the data; undefined inside a name or alias. */
function valueAround(
  node: unknown,
  start: number,
  end: number,
  path: (string | number)[],
): { scalar: Scalar; path: (string | number)[] } | undefined {
  const holds = (r: Range | null | undefined) =>
    r !== null && r !== undefined && r[0] <= start && end <= r[1];
  if (isScalar(node)) return holds(node.range) ? { scalar: node, path } : undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && holds(pair.key.range)) return undefined;
      if (!isScalar(pair.key) || typeof pair.key.value !== "string") continue;
      const value = pair.value as { range?: Range | null } | null;
      if (holds(value?.range)) return valueAround(value, start, end, [...path, pair.key.value]);
    }
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (holds((item as { range?: Range | null } | null)?.range))
        return valueAround(item, start, end, [...path, i]);
    }
  }
  return undefined;
}

function shiftRange(r: Range, at: number, delta: number): void {
  if (r[0] >= at) r[0] += delta;
  if (r[1] >= at) r[1] += delta;
  if (r[2] >= at) r[2] += delta;
}

/** Moves every position at or after `at` by `delta`; a node that ends before `at` is left with its children. */
function shiftFrom(node: unknown, at: number, delta: number): void {
  if (node === null || typeof node !== "object") return;
  if (isPair(node)) {
    shiftFrom(node.key, at, delta);
    shiftFrom(node.value, at, delta);
    return;
  }
  const range = (node as { range?: Range | null }).range;
  if (range) {
    if (range[2] < at) return;
    shiftRange(range, at, delta);
  }
  if (isMap(node) || isSeq(node)) for (const item of node.items) shiftFrom(item, at, delta);
}

/** A copy of `data` with `value` at `path`, sharing every part off the path. */
function withValue(data: unknown, path: (string | number)[], value: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(data)) {
    const copy = [...(data as unknown[])];
    copy[head as number] = withValue(copy[head as number], rest, value);
    return copy;
  }
  const record = data as Record<string, unknown>;
  return { ...record, [head]: withValue(record[head], rest, value) };
}

function isPlain(doc: Document): boolean {
  let plain = true;
  visit(doc, {
    Alias: () => {
      plain = false;
      return visit.BREAK;
    },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === "<<") {
        plain = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return plain && !isAlias(doc.contents);
}
