import { isMap, isScalar, parseDocument, stringify } from "yaml";
import type { Document, YAMLMap } from "yaml";

/** A scalar as YAML text: plain when that reads back as the same string in any context, else double-quoted. */
export function scalarText(text: string): string {
  const plain = stringify(text, { lineWidth: 0 }).replace(/\n$/, "");
  const safe = !plain.includes("\n") && !/[,[\]{}]/.test(plain) && plain !== "" && !plain.startsWith("|");
  return safe ? plain : JSON.stringify(text);
}

function flowMapText(map: Record<string, string>, padded: boolean): string {
  const inner = Object.entries(map)
    .map(([k, v]) => `${k}: ${scalarText(v)}`)
    .join(", ");
  return padded ? `{ ${inner} }` : `{${inner}}`;
}

const lineStart = (source: string, at: number) => source.lastIndexOf("\n", at - 1) + 1;

// A block scalar (`>-`, `|`) rewritten in place at its own indent: folded for one line, literal for several.
function blockScalarText(source: string, from: number, to: number, text: string): string {
  const old = source.slice(from, to);
  const firstBreak = old.indexOf("\n");
  const indent = /^ */.exec(old.slice(firstBreak + 1))?.[0] ?? "  ";
  const header = text.includes("\n") ? "|-" : ">-";
  const body = text
    .split("\n")
    .map((line) => (line === "" ? "" : indent + line))
    .join("\n");
  return `${header}\n${body}${old.endsWith("\n") ? "\n" : ""}`;
}

// Removes a `lang: text` entry of a block map: the lines from its key to the end of its value.
function blockRemove(source: string, key: unknown, value: unknown): string | undefined {
  if (!isScalar(key) || !isScalar(value) || !key.range || !value.range) return undefined;
  const start = lineStart(source, key.range[0]);
  if (source.slice(start, key.range[0]).trim() !== "") return undefined;
  const lineEnd = source.indexOf("\n", Math.max(value.range[1] - 1, key.range[0]));
  return source.slice(0, start) + (lineEnd === -1 ? "" : source.slice(lineEnd + 1));
}

// Where a new `lang: text` line goes in a block map: after the line of its last value, at its keys' indent.
function blockInsert(source: string, node: YAMLMap, lang: string, text: string): string | undefined {
  const pairs = node.items;
  const first = pairs[0]?.key as { range?: [number, number, number] } | undefined;
  const last = pairs[pairs.length - 1]?.value as { range?: [number, number, number] } | undefined;
  if (!first?.range || !last?.range) return undefined;
  const indent = first.range[0] - lineStart(source, first.range[0]);
  const end = source.indexOf("\n", Math.max(last.range[1] - 1, 0));
  const at = end === -1 ? source.length : end;
  return `${source.slice(0, at)}\n${" ".repeat(indent)}${lang}: ${scalarText(text)}${source.slice(at)}`;
}

/**
 * Writes one language of one text by replacing only the characters of that text in the source, so every
 * other line keeps its exact formatting. Undefined when the node's shape asks for the whole-document path.
 */
export function spliceText(
  source: string,
  doc: Document,
  path: (string | number)[],
  lang: string,
  text: string,
  languages: string[],
): string | undefined {
  const node = doc.getIn(path, true);
  if (isMap(node) && node.range) {
    const [start, end] = node.range;
    // A flow map of texts holds only scalars (anything else fails readsBack and takes the Document path).
    const scalar = (n: unknown) => (isScalar(n) ? String(n.value) : "");
    const current = Object.fromEntries(node.items.map((p) => [scalar(p.key), scalar(p.value)]));
    if (node.flow) {
      const next = { ...current };
      if (text === "") delete next[lang];
      else next[lang] = text;
      if (Object.keys(next).length === 0) return undefined;
      return source.slice(0, start) + flowMapText(next, source[start + 1] === " ") + source.slice(end);
    }
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === lang);
    const value = pair?.value;
    if (text === "") return pair ? blockRemove(source, pair.key, value) : source;
    if (isScalar(value) && value.range) {
      const [from, to] = value.range;
      if (value.type !== "BLOCK_FOLDED" && value.type !== "BLOCK_LITERAL")
        return source.slice(0, from) + scalarText(text) + source.slice(to);
      return source.slice(0, from) + blockScalarText(source, from, to, text) + source.slice(to);
    }
    return blockInsert(source, node, lang, text);
  }
  if (isScalar(node) && typeof node.value === "string" && node.range) {
    const map: Record<string, string> = {};
    for (const l of languages) map[l] = node.value;
    if (text === "") delete map[lang];
    else map[lang] = text;
    return source.slice(0, node.range[0]) + flowMapText(map, true) + source.slice(node.range[1]);
  }
  return undefined;
}

/** Whether `source` reads back with `expected` as the text map at `path` (the splice's safety check). */
export function readsBack(
  source: string,
  path: (string | number)[],
  expected: Record<string, string>,
): boolean {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return false;
  const value: unknown = doc.getIn(path);
  const js: unknown =
    value !== null && typeof value === "object" && "toJSON" in value
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  return JSON.stringify(js) === JSON.stringify(expected);
}
