import { isMap, isScalar, parseDocument } from "yaml";
import type { Document } from "yaml";
import { readsBack, spliceText } from "./spliceText";

/** One translatable text of a scenario: its YAML path and its text per language. */
export type ScenarioText = {
  /** The YAML path joined with dots, e.g. `machine.states.opening.meta.line`: the text's id in CSV files. */
  id: string;
  path: (string | number)[];
  /** The text per language; a missing language is absent. A plain text fills every language of the scenario. */
  texts: Record<string, string>;
  /** Written as one plain string, the same in every language (so it is never missing). */
  plain: boolean;
};

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);

// Where the format allows a localized text (scenarioSchema's localizedSchema fields), in file order.
function textPaths(data: Data): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const at = (path: (string | number)[], fields: string[], value: unknown) => {
    if (!isObject(value)) return;
    for (const f of fields) if (f in value) paths.push([...path, f]);
  };
  at([], ["title", "summary", "setting"], data);
  at(["persona"], ["description"], data["persona"]);
  at(["matter"], ["hard"], data["matter"]);
  if (Array.isArray(data["values"])) data["values"].forEach((_, i) => paths.push(["values", i]));
  at([], ["brokenPromise"], data);
  const vocabulary = isObject(data["vocabulary"]) ? data["vocabulary"] : {};
  for (const [section, fields] of [
    ["tags", ["label", "description"]],
    ["costItems", ["label", "unit"]],
  ] as const) {
    const entries = vocabulary[section];
    if (isObject(entries))
      for (const [name, entry] of Object.entries(entries))
        at(["vocabulary", section, name], [...fields], entry);
  }
  if (isObject(data["endings"]))
    for (const [id, ending] of Object.entries(data["endings"]))
      at(["endings", id], ["title", "debrief"], ending);
  const machine = isObject(data["machine"]) ? data["machine"] : {};
  const states = isObject(machine["states"]) ? machine["states"] : {};
  for (const [id, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const base = ["machine", "states", id];
    at([...base, "meta"], ["line", "narration"], state["meta"]);
    const branches = (path: (string | number)[], value: unknown) => {
      const list = Array.isArray(value)
        ? value.map((b, i) => [b, [...path, i]] as const)
        : [[value, path] as const];
      for (const [branch, p] of list)
        if (isObject(branch)) at([...p, "meta"], ["label", "feedback"], branch["meta"]);
    };
    if (isObject(state["on"]))
      for (const [option, value] of Object.entries(state["on"])) branches([...base, "on", option], value);
    if (state["always"] !== undefined) branches([...base, "always"], state["always"]);
  }
  return paths;
}

/** The scenario's languages as written in its `languages:` list. */
export function languagesOf(data: unknown): string[] {
  const list = isObject(data) ? data["languages"] : undefined;
  return Array.isArray(list) ? list.filter((l): l is string => typeof l === "string") : [];
}

/** The languages listed in a scenario's source (none when it cannot be read). */
export function languagesIn(source: string): string[] {
  return languagesOf(parseDocument(source).toJS());
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

/**
 * Every text of the scenario with its id and its text in each language, in file order. Reads what it
 * can of a file with mistakes (a broken part just lists fewer texts); a text that is neither a string nor
 * a map of strings is left out, since the editor shows that problem.
 */
export function scenarioTexts(source: string): ScenarioText[] {
  const data: unknown = parseDocument(source).toJS();
  if (!isObject(data)) return [];
  const languages = languagesOf(data);
  return textPaths(data).flatMap((path): ScenarioText[] => {
    const value = valueAt(data, path);
    const id = path.join(".");
    if (typeof value === "string")
      return [{ id, path, texts: Object.fromEntries(languages.map((l) => [l, value])), plain: true }];
    if (!isObject(value)) return [];
    const texts = Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    return [{ id, path, texts, plain: false }];
  });
}

// Long texts stay on one line as written: the default of 80 columns would refold every edited file.
const keepLines = { lineWidth: 0 } as const;

function setIn(doc: Document, path: (string | number)[], lang: string, text: string, languages: string[]) {
  const node = doc.getIn(path, true);
  if (isMap(node)) {
    if (text === "") node.delete(lang);
    else node.set(lang, text);
    return;
  }
  const plain = isScalar(node) && typeof node.value === "string" ? node.value : undefined;
  if (plain === text) return;
  // A plain text counted for every language: it becomes a map keeping it for the others.
  const map: Record<string, string> = {};
  for (const l of languages) if (plain !== undefined) map[l] = plain;
  if (text === "") delete map[lang];
  else map[lang] = text;
  doc.setIn(path, doc.createNode(map));
}

// The text map `path` should hold after the edit, to check the splice against.
function expectedAfter(
  data: unknown,
  path: (string | number)[],
  lang: string,
  text: string,
  languages: string[],
) {
  const value = valueAt(data, path);
  const map: Record<string, string> =
    typeof value === "string"
      ? Object.fromEntries(languages.map((l) => [l, value]))
      : isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]))
        : {};
  if (text === "") delete map[lang];
  else map[lang] = text;
  return map;
}

function editOne(source: string, edit: { path: (string | number)[]; lang: string; text: string }): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const data: unknown = doc.toJS();
  const languages = languagesOf(data);
  // Splicing only the text's characters keeps every other line byte for byte (the printer would
  // restyle flow maps and quotes everywhere); the Document edit is the fallback when that cannot be done.
  const spliced = spliceText(source, doc, edit.path, edit.lang, edit.text, languages);
  if (
    spliced !== undefined &&
    readsBack(spliced, edit.path, expectedAfter(data, edit.path, edit.lang, edit.text, languages))
  )
    return spliced;
  setIn(doc, edit.path, edit.lang, edit.text, languages);
  return doc.toString(keepLines);
}

/**
 * Writes `text` as the `lang` text at `path` (a text id's path) and returns the new source; comments and
 * the rest of the file are kept. An empty text removes that language. A plain text becomes a map with
 * the old text for the other languages. Throws when the source is not valid YAML.
 */
export function setText(source: string, path: (string | number)[], lang: string, text: string): string {
  return editOne(source, { path, lang, text });
}

/** Several `setText`s, one after the other. */
export function setTexts(
  source: string,
  edits: readonly { path: (string | number)[]; lang: string; text: string }[],
): string {
  return edits.reduce(editOne, source);
}
