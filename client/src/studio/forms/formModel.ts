import { parse } from "yaml";
import type { YamlPath } from "./yamlText";

/**
 * What the forms show, read from the text as it stands (even a scenario with errors): the forms must open
 * on a half-written draft, so nothing here is validated beyond "is it the shape the field expects".
 */
export type Raw = Record<string, unknown>;
export type RawText = string | Record<string, string> | undefined;

export type BranchForm = {
  path: YamlPath;
  target?: string;
  guard?: { type: string; params: Record<string, unknown> };
  label?: RawText;
  feedback?: RawText;
  tags: string[];
  effect: { mood?: number; reputation?: number; strain?: number; cost: Record<string, number> };
  /** Actions the form does not edit (remember, forget), shown as they are. */
  otherActions: string[];
};

export type OptionForm = { id: string; branches: BranchForm[]; labelPath: YamlPath; label?: RawText };
export type StateForm = {
  id: string;
  final: boolean;
  line?: RawText;
  emotion?: string;
  narration?: RawText;
  ending?: string;
  options: OptionForm[];
};
export type EndingForm = { id: string; outcome?: string; title?: RawText; debrief?: RawText };

export type ScenarioForm = {
  languages: string[];
  initial?: string;
  raw: Raw;
  states: StateForm[];
  endings: EndingForm[];
};

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const asText = (v: unknown): RawText =>
  typeof v === "string" || isRecord(v)
    ? (v as RawText)
    : typeof v === "number" || typeof v === "boolean"
      ? String(v)
      : undefined;
const asNumber = (v: unknown) => (typeof v === "number" ? v : undefined);

function refOf(ref: unknown): { type: string; params: Record<string, unknown> } | undefined {
  if (typeof ref === "string") return { type: ref, params: {} };
  if (isRecord(ref) && typeof ref["type"] === "string")
    return { type: ref["type"], params: isRecord(ref["params"]) ? ref["params"] : {} };
  return undefined;
}

function branchOf(raw: unknown, path: YamlPath): BranchForm {
  const b = isRecord(raw) ? raw : {};
  const meta = isRecord(b["meta"]) ? b["meta"] : {};
  const actions = (
    Array.isArray(b["actions"]) ? b["actions"] : b["actions"] === undefined ? [] : [b["actions"]]
  )
    .map(refOf)
    .filter((r) => r !== undefined);
  const effect = actions.find((a) => a.type === "effect")?.params ?? {};
  const cost = isRecord(effect["cost"]) ? effect["cost"] : {};
  const branch: BranchForm = {
    path,
    tags: Array.isArray(meta["tags"]) ? meta["tags"].filter((t): t is string => typeof t === "string") : [],
    effect: {
      cost: Object.fromEntries(
        Object.entries(cost).filter((e): e is [string, number] => typeof e[1] === "number"),
      ),
    },
    otherActions: actions
      .filter((a) => a.type !== "effect")
      .map((a) => [a.type, ...Object.values(a.params).map(String)].join(" ")),
  };
  if (typeof b["target"] === "string") branch.target = b["target"];
  const guard = refOf(b["guard"]);
  if (guard) branch.guard = guard;
  if (meta["label"] !== undefined) branch.label = asText(meta["label"]);
  if (meta["feedback"] !== undefined) branch.feedback = asText(meta["feedback"]);
  for (const meter of ["mood", "reputation", "strain"] as const) {
    const value = asNumber(effect[meter]);
    if (value !== undefined) branch.effect[meter] = value;
  }
  return branch;
}

function stateOf(id: string, raw: unknown): StateForm {
  const s = isRecord(raw) ? raw : {};
  const meta = isRecord(s["meta"]) ? s["meta"] : {};
  const on = isRecord(s["on"]) ? s["on"] : {};
  const options = Object.entries(on).map(([optionId, value]): OptionForm => {
    const base: YamlPath = ["machine", "states", id, "on", optionId];
    const branches = Array.isArray(value)
      ? value.map((b, i) => branchOf(b, [...base, i]))
      : [branchOf(value, base)];
    // The label shows on the first branch that has one (the engine inherits it); a new one goes on the first.
    const labelled = branches.find((b) => b.label !== undefined) ?? branches[0];
    return {
      id: optionId,
      branches,
      labelPath: [...(labelled?.path ?? base), "meta", "label"],
      ...(labelled?.label !== undefined ? { label: labelled.label } : {}),
    };
  });
  const state: StateForm = { id, final: s["type"] === "final", options };
  if (meta["line"] !== undefined) state.line = asText(meta["line"]);
  if (typeof meta["emotion"] === "string") state.emotion = meta["emotion"];
  if (meta["narration"] !== undefined) state.narration = asText(meta["narration"]);
  if (typeof meta["ending"] === "string") state.ending = meta["ending"];
  return state;
}

/** The forms' view of a scenario text, or undefined when the text is not YAML with a map at the top. */
export function readForm(source: string): ScenarioForm | undefined {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch {
    return undefined;
  }
  if (!isRecord(raw)) return undefined;
  const machine = isRecord(raw["machine"]) ? raw["machine"] : {};
  const states = isRecord(machine["states"]) ? machine["states"] : {};
  const endings = isRecord(raw["endings"]) ? raw["endings"] : {};
  const languages = Array.isArray(raw["languages"])
    ? raw["languages"].filter((l): l is string => typeof l === "string")
    : [];
  return {
    languages: languages.length > 0 ? languages : ["en"],
    ...(typeof machine["initial"] === "string" ? { initial: machine["initial"] } : {}),
    raw,
    states: Object.entries(states).map(([id, s]) => stateOf(id, s)),
    endings: Object.entries(endings).map(([id, e]): EndingForm => {
      const ending = isRecord(e) ? e : {};
      return {
        id,
        ...(typeof ending["outcome"] === "string" ? { outcome: ending["outcome"] } : {}),
        ...(ending["title"] !== undefined ? { title: asText(ending["title"]) } : {}),
        ...(ending["debrief"] !== undefined ? { debrief: asText(ending["debrief"]) } : {}),
      };
    }),
  };
}

/** The text of a localized value in `locale`: its own text, or the shared one when it has a single text. */
export function textIn(text: RawText, locale: string): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[locale] ?? "";
}

/** The value at `path` of the raw document. */
export function rawAt(raw: unknown, path: YamlPath): unknown {
  return path.reduce<unknown>(
    (at, key) => (isRecord(at) || Array.isArray(at) ? (at as Raw)[key] : undefined),
    raw,
  );
}
