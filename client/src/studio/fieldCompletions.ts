import { isMap, isScalar, parseDocument, visit } from "yaml";
import { costItems, techniqueTags } from "@hotseat/shared";
import { actionDocs, guardDocs } from "./fieldDocs";

/** The ids a scenario's own text declares or uses, read even while the file has errors. */
export type ScenarioWords = {
  stateIds: readonly string[];
  /** The option ids under every state's `on:`. */
  optionIds: readonly string[];
  /** Cost items written in any `cost:` map, built-in or the scenario's own. */
  costItems: readonly string[];
  /** Facts named by `remember`/`forget`/`remembers`/`forgot`. */
  facts: readonly string[];
  /** The tags the scenario declares in its `vocabulary:` (offered after the built-in ones). */
  declaredTags: readonly string[];
};

/** One thing the editor offers, with a few words on what it is. */
export type FieldCompletion = { label: string; detail: string; apply?: string };

/** What completes at the cursor: the items, and where in the line the word being typed starts. */
export type FieldCompletionList = { from: number; items: FieldCompletion[]; kind: string };

const keyOf = (node: unknown): string | undefined =>
  isScalar(node) && typeof node.value === "string" ? node.value : undefined;

/** Reads {@link ScenarioWords} from a scenario's text in one walk of its YAML document. */
export function scenarioWordsOf(source: string): ScenarioWords {
  const doc = parseDocument(source);
  const stateIds: string[] = [];
  const optionIds = new Set<string>();
  const used = new Set<string>();
  const facts = new Set<string>();
  const states = doc.getIn(["machine", "states"]);
  if (isMap(states)) {
    for (const pair of states.items) {
      const id = keyOf(pair.key);
      if (id !== undefined) stateIds.push(id);
      const on = isMap(pair.value) ? pair.value.get("on") : undefined;
      if (isMap(on)) for (const option of on.items) if (keyOf(option.key)) optionIds.add(keyOf(option.key)!);
    }
  }
  visit(doc, {
    Pair(_, pair) {
      const key = keyOf(pair.key);
      if (key === "cost" && isMap(pair.value))
        for (const item of pair.value.items) if (keyOf(item.key)) used.add(keyOf(item.key)!);
      if (key === "fact" && isScalar(pair.value) && typeof pair.value.value === "string")
        facts.add(pair.value.value);
    },
  });
  const keysAt = (path: string[]) => {
    const map = doc.getIn(path);
    return isMap(map) ? map.items.flatMap((pair) => keyOf(pair.key) ?? []) : [];
  };
  // Declared cost items count as the scenario's own even before an option spends them.
  for (const item of keysAt(["vocabulary", "costItems"])) used.add(item);
  return {
    stateIds,
    optionIds: [...optionIds],
    costItems: [...used],
    facts: [...facts],
    declaredTags: keysAt(["vocabulary", "tags"]),
  };
}

// The built-in items first in the order the ledger shows them, then the scenario's own.
const allCostItems = (words: ScenarioWords) => [
  ...costItems,
  ...words.costItems.filter((c) => !(costItems as readonly string[]).includes(c)),
];

/** Which list a `type:` names from: a guard's, or an action's (in `actions:` or `entry:`). */
function callKind(before: string): "guard" | "action" | undefined {
  let best: { at: number; kind: "guard" | "action" } | undefined;
  for (const m of before.matchAll(/(?:^|[\s{,-])(guard|actions|entry|always):/g)) {
    const kind = m[1] === "actions" || m[1] === "entry" ? "action" : "guard";
    if (!best || m.index >= best.at) best = { at: m.index, kind };
  }
  return best?.kind;
}

const valueDetails: Record<string, string> = {
  option: "option id",
  state: "state id",
  fact: "fact",
  tag: "technique tag",
};

const firstParam = (params: string) => params.split(",")[0]?.trim() ?? "";

const paramsTemplate: Record<string, string> = {
  value: "value: 10",
  tag: "tag: listens",
  option: "option: ",
  fact: "fact: ",
  state: "state: ",
  mood: "mood: 5",
};

/**
 * The completions the basic list ({@link completionsAt}) does not give: action and guard names after
 * `type:` (in a flow map they bring their params along), their param names inside `params: {`, option ids
 * after `option:`, states after `state:`, facts after `fact:`, technique tags after `tag:`, and cost items
 * inside a `cost:` map. `before` is the text before the cursor's line, `linePrefix`/`lineSuffix` the
 * cursor's line split at the cursor. Undefined when nothing fits.
 */
export function fieldCompletionsAt(
  before: string,
  linePrefix: string,
  lineSuffix: string,
  words: ScenarioWords,
): FieldCompletionList | undefined {
  const at = (typed: string) => linePrefix.length - typed.length;
  const type = /(?:^\s*(?:-\s+)?|[{,]\s*)type:\s*([A-Za-z]*)$/.exec(linePrefix);
  if (type) {
    const typed = type[1] ?? "";
    const kind = callKind(before + linePrefix);
    if (kind === undefined) return undefined;
    const docs = kind === "guard" ? guardDocs : actionDocs;
    // In `{ type: x }` with no params yet, the name brings a params map to fill in.
    const flow = /\{[^}]*type:\s*[A-Za-z]*$/.test(linePrefix) && !/params/.test(lineSuffix);
    // The editor closes a typed `{` at once: a `}` right after the cursor gets the space the map opened with.
    const gap = lineSuffix.startsWith("}") ? " " : "";
    const items = Object.entries(docs).map(([name, doc]) => ({
      label: name,
      detail: `${doc.params} · ${doc.text}`,
      ...(flow
        ? { apply: `${name}, params: { ${paramsTemplate[firstParam(doc.params)] ?? ""} }${gap}` }
        : {}),
    }));
    return { from: at(typed), items, kind };
  }
  // A param's name goes right after `params: {` or a comma, not after a key's colon.
  const params = /type:\s*([A-Za-z]+)\s*,\s*params:\s*\{(?:[^{}]*,)?\s*([A-Za-z]*)$/.exec(linePrefix);
  const doc = params ? (guardDocs[params[1] ?? ""] ?? actionDocs[params[1] ?? ""]) : undefined;
  if (params && doc) {
    const items = doc.params.split(",").map((p) => ({ label: p.trim(), detail: doc.text }));
    return { from: at(params[2] ?? ""), items, kind: "param" };
  }
  const value = /(?:^\s*|[{,]\s*)(option|state|fact|tag):\s*([a-z0-9-]*)$/.exec(linePrefix);
  if (value) {
    const [, key, typed = ""] = value;
    const list =
      key === "option"
        ? words.optionIds
        : key === "state"
          ? words.stateIds
          : key === "fact"
            ? words.facts
            : [...techniqueTags, ...words.declaredTags];
    const detail = valueDetails[key ?? ""] ?? "";
    return { from: at(typed), items: list.map((label) => ({ label, detail })), kind: key ?? "" };
  }
  // Inside `cost: { ...` on this line, or a key under a block `cost:` a line above.
  const flowCost = /cost:\s*\{([^}]*?)(?:[{,]\s*|\s)([A-Za-z]*)$/.exec(linePrefix);
  const blockCost =
    /^\s*([A-Za-z]*)$/.exec(linePrefix) && /(?:^|\n)\s*cost:\s*\n(?:[ \t]+[A-Za-z]+:.*\n)*$/.test(before);
  if (flowCost || blockCost) {
    const afterComma = linePrefix.slice(
      Math.max(linePrefix.lastIndexOf(","), linePrefix.lastIndexOf("{")) + 1,
    );
    if (flowCost && /:/.test(afterComma)) return undefined;
    const typed = /([A-Za-z]*)$/.exec(linePrefix)?.[1] ?? "";
    const own = new Set(words.costItems);
    const items = allCostItems(words).map((label) => ({
      label,
      detail: own.has(label) ? "cost item, used in this scenario" : "cost item",
    }));
    return { from: at(typed), items, kind: "cost" };
  }
  return undefined;
}
