import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Node, Pair, YAMLMap, YAMLSeq } from "yaml";
import { renderBlockValue, renderFlow, renderPair, renderScalar } from "./yamlRender";
import type { YamlValue } from "./yamlRender";

/** Where a value sits in the document: map keys and sequence indexes from the top. */
export type YamlPath = readonly (string | number)[];

/** The text cannot be edited by a form: it does not parse as YAML, or the place is not a collection. */
export class YamlEditError extends Error {}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;
type Step = { parent: Collection; pair?: Pair<unknown, unknown>; index: number; node: Node | null };

const lineStart = (src: string, pos: number) => src.lastIndexOf("\n", pos - 1) + 1;
const lineEnd = (src: string, pos: number) => {
  const at = src.indexOf("\n", pos);
  return at === -1 ? src.length : at;
};
const column = (src: string, pos: number) => pos - lineStart(src, pos);
const splice = (src: string, from: number, to: number, insert: string) =>
  src.slice(0, from) + insert + src.slice(to);

/** Where a node's own text ends: block values' ranges run over their last newline, which stays. */
function valueEnd(src: string, node: Node): number {
  const [start, end] = node.range ?? [0, 0];
  let at = end;
  while (at > start && /\s/.test(src[at - 1] ?? "")) at--;
  return at;
}

function parsed(src: string) {
  const doc = parseDocument(src);
  if (doc.errors.length > 0) throw new YamlEditError(doc.errors[0]?.message ?? "the text is not YAML");
  return doc;
}

/** Follows `path` as far as it exists; `steps[i]` is where `path[i]` was found. */
function walk(root: unknown, path: YamlPath): { steps: Step[]; inFlow: boolean } {
  const steps: Step[] = [];
  let current: unknown = root;
  let inFlow = false;
  for (const key of path) {
    if (isMap(current)) {
      const index = current.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
      if (index === -1) break;
      const pair = current.items[index]!;
      inFlow ||= current.flow === true;
      steps.push({ parent: current, pair, index, node: (pair.value as Node | null) ?? null });
      current = pair.value;
    } else if (isSeq(current) && typeof key === "number" && key < current.items.length) {
      inFlow ||= current.flow === true;
      steps.push({ parent: current, index: key, node: (current.items[key] as Node | null) ?? null });
      current = current.items[key];
    } else break;
  }
  return { steps, inFlow };
}

/** `{ a: { b: value } }` for the keys of a path that does not exist yet. */
function nested(keys: YamlPath, value: YamlValue): YamlValue {
  return keys.reduceRight<YamlValue>((inner, key) => {
    if (typeof key === "number") return [inner];
    return { [key]: inner };
  }, value);
}

const jsOf = (node: Collection): YamlValue => node.toJSON() as YamlValue;

/** Rewrites a flow collection (`{ … }`, `[ … ]`) as a whole: it is one value on its own line(s). */
function rewriteFlow(src: string, node: Collection, change: (js: YamlValue) => YamlValue): string {
  const [start] = node.range ?? [0];
  return splice(src, start, valueEnd(src, node), renderFlow(change(jsOf(node))));
}

function withKey(js: YamlValue, key: string | number, value: YamlValue | undefined): YamlValue {
  if (Array.isArray(js)) {
    const copy = [...js];
    if (value === undefined) copy.splice(Number(key), 1);
    else copy[Number(key)] = value;
    return copy;
  }
  const copy = { ...(js as Record<string, YamlValue>) };
  if (value === undefined) delete copy[String(key)];
  else copy[String(key)] = value;
  return copy;
}

/** The column the items of a block collection start at (a sequence's dashes, a map's keys). */
function itemColumn(src: string, parent: Collection): number {
  const first = parent.items[0];
  const at = isMap(parent) ? ((first as Pair).key as Node).range![0] : (first as Node).range![0];
  return isSeq(parent) ? column(src, at) - 2 : column(src, at);
}

/** Adds `key: value` to a block map, after `after` (a key of it) or at its end. */
function addPair(src: string, map: YAMLMap<unknown, unknown>, key: string, value: YamlValue, after?: string) {
  const indent = itemColumn(src, map);
  const afterIndex =
    after === undefined ? -1 : map.items.findIndex((p) => isScalar(p.key) && p.key.value === after);
  const last = map.items[afterIndex === -1 ? map.items.length - 1 : afterIndex]!;
  const pos = lineEnd(src, valueEnd(src, (last.value as Node | null) ?? (last.key as Node)));
  // Keep the file's rhythm: where its entries are separated by a blank line, so is the new one.
  const second = map.items[1]?.key as Node | undefined;
  const spaced =
    second?.range != null && /\n[ \t]*\n[ \t]*$/.test(src.slice(0, lineStart(src, second.range[0])));
  return splice(
    src,
    pos,
    pos,
    `${spaced ? "\n" : ""}\n${" ".repeat(indent)}${renderPair(key, value, indent)}`,
  );
}

/** Adds an item to a block sequence, before item `before` or at its end. */
function addItem(src: string, seq: YAMLSeq<unknown>, value: YamlValue, before?: number) {
  const indent = itemColumn(src, seq);
  const text = `${" ".repeat(indent)}- ${renderBlockValue(value, indent + 2)}`;
  const next = before === undefined ? undefined : (seq.items[before] as Node | undefined);
  if (next?.range) {
    const pos = lineStart(src, next.range[0]);
    return splice(src, pos, pos, `${text}\n`);
  }
  const pos = lineEnd(src, valueEnd(src, seq.items[seq.items.length - 1] as Node));
  return splice(src, pos, pos, `\n${text}`);
}

/** Deletes whole lines from `from` to the end of the line holding `to`, with the comments just above. */
function deleteLines(src: string, from: number, to: number): string {
  let start = lineStart(src, from);
  const indent = column(src, from);
  for (;;) {
    const prev = lineStart(src, start - 1);
    if (start === 0 || !new RegExp(`^ {${indent}}#`).test(src.slice(prev, start))) break;
    start = prev;
  }
  let end = Math.min(src.length, lineEnd(src, to) + 1);
  // Two blank lines would be left where one separated the deleted entry from its neighbours.
  if (
    /\n[ \t]*\n$/.test(src.slice(0, start)) &&
    (end >= src.length || /^[ \t]*(\n|$)/.test(src.slice(end)))
  ) {
    start = lineStart(src, start - 1);
  }
  if (end > src.length) end = src.length;
  return splice(src, start, end, "");
}

/**
 * The text with the value at `path` set to `value`, changing only the lines of that value: a scalar is
 * replaced where it stands (keeping its quoting), a missing key is added as a new line, a flow collection
 * is rewritten on its own line. Comments and formatting elsewhere are kept byte for byte.
 */
export function setIn(src: string, path: YamlPath, value: YamlValue, after?: string): string {
  const doc = parsed(src);
  const { steps, inFlow } = walk(doc.contents, path);
  if (steps.length === path.length) {
    const step = steps[steps.length - 1]!;
    const node = step.node;
    const isCollectionValue = value !== null && typeof value === "object";
    if (isScalar(node) && node.value !== null && !isCollectionValue && node.range) {
      const blockIndent = lineIndent(src, node.range[0]) + 2;
      const text = renderScalar(value, inFlow, node.type, blockIndent);
      return splice(src, node.range[0], valueEnd(src, node), text);
    }
    return replaceAt(src, step, path[path.length - 1]!, value, inFlow);
  }
  const found = steps.length;
  const holder = found === 0 ? doc.contents : steps[found - 1]!.node;
  const key = path[found]!;
  const rest = nested(path.slice(found + 1), value);
  if (isMap(holder) && typeof key === "string") {
    if (holder.flow || inFlow) return rewriteFlow(src, holder, (js) => withKey(js, key, rest));
    if (holder.items.length > 0) return addPair(src, holder, key, rest, after);
  }
  if (isSeq(holder) && key === holder.items.length) {
    if (holder.flow || inFlow || holder.items.length === 0)
      return rewriteFlow(src, holder, (js) => withKey(js, key, rest));
    return addItem(src, holder, rest);
  }
  if (found === 0) throw new YamlEditError(`no place for ${path.join(".")}`);
  // Something else stands where the path goes on (an empty `on:`, a text where a map is wanted).
  return setIn(src, path.slice(0, found), nested(path.slice(found), value));
}

/** Leading spaces of the line holding `pos`. */
function lineIndent(src: string, pos: number): number {
  const start = lineStart(src, pos);
  return /^ */.exec(src.slice(start))?.[0].length ?? 0;
}

function replaceAt(src: string, step: Step, key: string | number, value: YamlValue, inFlow: boolean): string {
  const { parent } = step;
  if (parent.flow || inFlow) return rewriteFlow(src, parent, (js) => withKey(js, key, value));
  if (isMap(parent) && step.pair) {
    const keyNode = step.pair.key as Node;
    const start = keyNode.range![0];
    const end = step.node?.range ? valueEnd(src, step.node) : valueEnd(src, keyNode) + 1;
    return splice(src, start, end, renderPair(String(key), value, column(src, start)));
  }
  const node = step.node!;
  const start = node.range![0];
  return splice(src, start, valueEnd(src, node), renderBlockValue(value, column(src, start)));
}

/** Inserts `value` into the sequence at `path` before item `before` (or at its end). */
export function insertItem(src: string, path: YamlPath, value: YamlValue, before?: number): string {
  const doc = parsed(src);
  const { steps, inFlow } = walk(doc.contents, path);
  const seq = steps.length === path.length ? steps[steps.length - 1]!.node : undefined;
  if (!isSeq(seq)) throw new YamlEditError(`${path.join(".")} is not a list`);
  if (seq.flow || inFlow || seq.items.length === 0)
    return rewriteFlow(src, seq, (js) => {
      const copy = [...(js as YamlValue[])];
      copy.splice(before ?? copy.length, 0, value);
      return copy;
    });
  return addItem(src, seq, value, before);
}

/** The text without the value at `path` (and without its parent, when that was its only entry). */
export function deleteIn(src: string, path: YamlPath): string {
  const doc = parsed(src);
  const { steps, inFlow } = walk(doc.contents, path);
  if (steps.length !== path.length) return src;
  const step = steps[steps.length - 1]!;
  const { parent } = step;
  if (parent.items.length === 1 && path.length > 1) return deleteIn(src, path.slice(0, -1));
  if (parent.flow || inFlow)
    return rewriteFlow(src, parent, (js) => withKey(js, path[path.length - 1]!, undefined));
  const from = step.pair ? (step.pair.key as Node).range![0] : step.node!.range![0];
  const last = step.node ?? (step.pair?.key as Node);
  return deleteLines(src, from, valueEnd(src, last));
}

/**
 * Turns the block map at `path` into a one-item block list holding it, re-indenting its own lines only
 * (an option with one branch becoming an option with several). Comments inside it are kept.
 */
export function wrapInList(src: string, path: YamlPath): string {
  const doc = parsed(src);
  const { steps, inFlow } = walk(doc.contents, path);
  const node = steps.length === path.length ? steps[steps.length - 1]!.node : undefined;
  if (!isMap(node) || node.flow || inFlow || !node.range) {
    const js = node ? (node.toJSON() as YamlValue) : {};
    return setIn(src, path, [js]);
  }
  const start = node.range[0];
  const col = column(src, start);
  const end = lineEnd(src, valueEnd(src, node));
  const lines = src.slice(lineStart(src, start), end).split("\n");
  const moved = lines.map((line, i) =>
    i === 0 ? `${" ".repeat(col)}- ${line.slice(col)}` : line.trim() === "" ? line : `  ${line}`,
  );
  return splice(src, lineStart(src, start), end, moved.join("\n"));
}

/**
 * The text with the key at the end of `path` renamed to `to`, in place: only the key's own characters
 * change, so the value, its comments and its position stay. `to` must be a plain id (no quoting needed).
 */
export function renameKey(src: string, path: YamlPath, to: string): string {
  const doc = parsed(src);
  const { steps } = walk(doc.contents, path);
  const key =
    steps.length === path.length ? (steps[steps.length - 1]!.pair?.key as Node | undefined) : undefined;
  if (!key?.range) throw new YamlEditError(`${path.join(".")} is not a key`);
  return splice(src, key.range[0], valueEnd(src, key), to);
}
