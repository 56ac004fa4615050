import { rawAt, readForm } from "./formModel";
import type { BranchForm, ScenarioForm } from "./formModel";
import type { YamlValue } from "./yamlRender";
import { deleteIn, insertItem, renameKey, setIn, wrapInList } from "./yamlText";
import type { YamlPath } from "./yamlText";

/** The placeholder texts a new state, option or ending starts with, in the trainer's language. */
export type NewTexts = { line: string; label: string; title: string; debrief: string; endLine: string };

/** One change a form makes. Paths name a branch (an option's single transition or one of its branches). */
export type FormEdit =
  | { kind: "text"; path: YamlPath; locale: string; text: string; optional?: boolean }
  | { kind: "set"; path: YamlPath; value: string | number | undefined }
  | { kind: "meter"; branch: YamlPath; meter: "mood" | "reputation" | "strain"; value: number | undefined }
  | { kind: "cost"; branch: YamlPath; item: string; value: number | undefined }
  | { kind: "tags"; branch: YamlPath; tags: string[] }
  | {
      kind: "guard";
      branch: YamlPath;
      guard: { type: string; params: Record<string, YamlValue> } | undefined;
    }
  | { kind: "addOption"; state: string }
  | { kind: "removeOption"; state: string; option: string }
  | { kind: "addBranch"; state: string; option: string }
  | { kind: "removeBranch"; state: string; option: string; index: number }
  | { kind: "insertState"; branch: YamlPath }
  | { kind: "addEnding"; branch: YamlPath }
  | { kind: "removeState"; state: string }
  | { kind: "removeEnding"; ending: string }
  | { kind: "renameState"; state: string; to: string }
  | { kind: "renameEnding"; ending: string; to: string };

/** Why a form change was not made, as a key of the forms' strings and its params. */
export type Refusal = { refused: string; params?: Record<string, string> };
/** The new text, and the state the forms should show after it (a state just added). */
export type Edited = { source: string; open?: string };

const statesPath = ["machine", "states"] as const;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A placeholder in every language of the scenario (one shared text would be flagged as untranslated). */
function placeholder(form: ScenarioForm, text: string): YamlValue {
  return form.languages.length > 1 ? Object.fromEntries(form.languages.map((l) => [l, text])) : text;
}

/** A fresh id from `base`: `base-2`, `base-3`… whichever is not taken; always a valid scenario id. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^[^a-z]+|-+$/g, "") || "item";
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/**
 * Sets a text in one language. A single text serves every language: editing the first language changes
 * it, editing another turns it into one text per language (the old one kept for the first). An emptied
 * optional text is removed rather than left empty.
 */
function setText(source: string, form: ScenarioForm, edit: Extract<FormEdit, { kind: "text" }>): string {
  const current = rawAt(form.raw, edit.path);
  const first = form.languages[0] ?? "en";
  if (edit.text === "" && edit.optional) {
    if (isRecord(current) && Object.keys(current).length > 1)
      return deleteIn(source, [...edit.path, edit.locale]);
    return deleteIn(source, edit.path);
  }
  if (isRecord(current)) return setIn(source, [...edit.path, edit.locale], edit.text);
  if (edit.locale === first || form.languages.length <= 1) return setIn(source, edit.path, edit.text);
  if (typeof current === "string" && current !== "")
    return setIn(source, edit.path, { [first]: current, [edit.locale]: edit.text });
  return setIn(source, edit.path, { [edit.locale]: edit.text });
}

/** The raw actions of a branch as a list, and where the effect action is among them. */
function effectAt(form: ScenarioForm, branch: YamlPath) {
  const actions = rawAt(form.raw, [...branch, "actions"]);
  const list = Array.isArray(actions) ? actions : actions === undefined ? [] : [actions];
  const index = list.findIndex((a) => isRecord(a) && a["type"] === "effect");
  const paramsPath: YamlPath | undefined =
    index === -1
      ? undefined
      : Array.isArray(actions)
        ? [...branch, "actions", index, "params"]
        : [...branch, "actions", "params"];
  return { actions, list, index, paramsPath };
}

/** Sets or clears one field of the branch's effect; an effect left changing nothing is removed. */
function setEffect(
  source: string,
  form: ScenarioForm,
  branch: YamlPath,
  field: YamlPath,
  value: number | undefined,
) {
  const { actions, list, index, paramsPath } = effectAt(form, branch);
  if (paramsPath === undefined) {
    if (value === undefined) return source;
    const effect = { type: "effect", params: field.reduceRight<YamlValue>((v, k) => ({ [k]: v }), value) };
    if (actions === undefined) return setIn(source, [...branch, "actions"], [effect]);
    if (!Array.isArray(actions)) return setIn(source, [...branch, "actions"], [actions as YamlValue, effect]);
    return insertItem(source, [...branch, "actions"], effect);
  }
  if (value !== undefined) return setIn(source, [...paramsPath, ...field], value);
  const params = rawAt(form.raw, paramsPath);
  const next = deleteIn(source, [...paramsPath, ...field]);
  const left = isRecord(params) ? { ...params } : {};
  if (field.length === 2 && isRecord(left["cost"])) {
    const cost = { ...left["cost"] };
    delete cost[String(field[1])];
    if (Object.keys(cost).length === 0) delete left["cost"];
    else left["cost"] = cost;
  } else delete left[String(field[0])];
  if (Object.keys(left).length > 0) return next;
  // Nothing left to change: drop the effect (an empty one is an error), and `actions` with it when alone.
  if (list.length <= 1) return deleteIn(source, [...branch, "actions"]);
  return deleteIn(source, [...branch, "actions", index]);
}

function branchesTargeting(form: ScenarioForm, state: string): BranchForm[] {
  return form.states.flatMap((s) => s.options.flatMap((o) => o.branches.filter((b) => b.target === state)));
}

const placeOf = (path: YamlPath) => `${String(path[2])} → ${String(path[4])}`;

function insertState(
  source: string,
  form: ScenarioForm,
  branch: YamlPath,
  texts: NewTexts,
): Edited | Refusal {
  const from = String(branch[2]);
  const target = rawAt(form.raw, [...branch, "target"]);
  const onward = typeof target === "string" ? target : form.states.find((s) => s.final)?.id;
  if (onward === undefined) return { refused: "refused.noEnding" };
  const id = uniqueId(
    "state",
    form.states.map((s) => s.id),
  );
  const state: YamlValue = {
    meta: { line: placeholder(form, texts.line), emotion: "calm" },
    on: {
      [uniqueId("option", [])]: { target: onward, meta: { label: placeholder(form, texts.label), tags: [] } },
    },
  };
  let next = setIn(source, [...statesPath, id], state, from);
  next = setIn(next, [...branch, "target"], id);
  return { source: next, open: id };
}

function addEnding(source: string, form: ScenarioForm, branch: YamlPath, texts: NewTexts): Edited {
  const id = uniqueId(
    "ending",
    form.endings.map((e) => e.id),
  );
  const stateId = uniqueId(
    id,
    form.states.map((s) => s.id),
  );
  let next = setIn(source, ["endings", id], {
    outcome: "neutral",
    title: placeholder(form, texts.title),
    debrief: placeholder(form, texts.debrief),
  });
  next = setIn(next, [...statesPath, stateId], {
    type: "final",
    meta: { line: placeholder(form, texts.endLine), emotion: "calm", ending: id },
  });
  next = setIn(next, [...branch, "target"], stateId);
  return { source: next, open: stateId };
}

function removeState(source: string, form: ScenarioForm, id: string): Edited | Refusal {
  if (id === form.initial) return { refused: "refused.initial" };
  const state = form.states.find((s) => s.id === id);
  if (!state) return { source };
  const incoming = branchesTargeting(form, id).filter((b) => b.path[2] !== id);
  const onward = state.options[0]?.branches[0]?.target;
  if (incoming.length > 0 && (state.final || onward === undefined || onward === id))
    return {
      refused: "refused.stillReached",
      params: { from: incoming.map((b) => placeOf(b.path)).join(", ") },
    };
  // What led here now leads where this state's first option led: the conversation closes over the gap.
  let next = source;
  for (const b of incoming) next = setIn(next, [...b.path, "target"], onward!);
  next = deleteIn(next, [...statesPath, id]);
  return { source: next, open: String(incoming[0]?.path[2] ?? form.initial ?? "") };
}

function removeEnding(source: string, form: ScenarioForm, id: string): Edited | Refusal {
  const finals = form.states.filter((s) => s.final && s.ending === id);
  const incoming = finals.flatMap((s) => branchesTargeting(form, s.id));
  if (incoming.length > 0)
    return {
      refused: "refused.stillReached",
      params: { from: incoming.map((b) => placeOf(b.path)).join(", ") },
    };
  let next = source;
  for (const s of finals) next = deleteIn(next, [...statesPath, s.id]);
  return { source: deleteIn(next, ["endings", id]) };
}

function addOption(source: string, form: ScenarioForm, stateId: string, texts: NewTexts): Edited | Refusal {
  const state = form.states.find((s) => s.id === stateId);
  if (!state) return { source };
  const target = state.options[0]?.branches[0]?.target ?? form.states.find((s) => s.final)?.id;
  if (target === undefined) return { refused: "refused.noEnding" };
  const id = uniqueId(
    "option",
    state.options.map((o) => o.id),
  );
  // Two options with one label confuse the trainee (HS012): a new one is numbered until the trainer writes it.
  const option = {
    target,
    meta: { label: placeholder(form, `${texts.label} ${state.options.length + 1}`), tags: [] },
  };
  return { source: setIn(source, [...statesPath, stateId, "on", id], option), open: stateId };
}

function addBranch(source: string, form: ScenarioForm, stateId: string, optionId: string): Edited {
  const path: YamlPath = [...statesPath, stateId, "on", optionId];
  const current = rawAt(form.raw, path);
  const fallback: unknown = Array.isArray(current) ? current[current.length - 1] : current;
  const target =
    isRecord(fallback) && typeof fallback["target"] === "string" ? fallback["target"] : undefined;
  // The new branch goes before the last one: branches are tried in order, the last is what happens otherwise.
  const branch: YamlValue = {
    guard: { type: "moodBelow", params: { value: 30 } },
    ...(target !== undefined ? { target } : {}),
    meta: { tags: [] },
  };
  let next = Array.isArray(current) ? source : wrapInList(source, path);
  const count = Array.isArray(current) ? current.length : 1;
  next = insertItem(next, path, branch, count - 1);
  return { source: next, open: stateId };
}

/** A state's or an ending's id must be one the scenario's schema takes, and not taken already. */
function badId(to: string, taken: string[]): Refusal | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(to)) return { refused: "refused.badId", params: { id: to } };
  if (taken.includes(to)) return { refused: "refused.idTaken", params: { id: to } };
  return undefined;
}

/**
 * Renames a state and everything that names it: the options that lead there, the first state, and the
 * guards that ask whether it was visited. The references go first, while their paths are still valid.
 */
function renameState(source: string, form: ScenarioForm, from: string, to: string): Edited | Refusal {
  if (from === to || !form.states.some((s) => s.id === from)) return { source };
  const refused = badId(
    to,
    form.states.map((s) => s.id),
  );
  if (refused) return refused;
  let next = source;
  for (const b of form.states.flatMap((s) => s.options.flatMap((o) => o.branches))) {
    if (b.target === from) next = setIn(next, [...b.path, "target"], to);
    if (b.guard?.params["state"] === from) next = setIn(next, [...b.path, "guard", "params", "state"], to);
  }
  if (form.initial === from) next = setIn(next, ["machine", "initial"], to);
  return { source: renameKey(next, [...statesPath, from], to), open: to };
}

/** Renames an ending and the final states that end there. */
function renameEnding(source: string, form: ScenarioForm, from: string, to: string): Edited | Refusal {
  if (from === to || !form.endings.some((e) => e.id === from)) return { source };
  const refused = badId(
    to,
    form.endings.map((e) => e.id),
  );
  if (refused) return refused;
  let next = source;
  for (const s of form.states)
    if (s.final && s.ending === from) next = setIn(next, [...statesPath, s.id, "meta", "ending"], to);
  return { source: renameKey(next, ["endings", from], to) };
}

/** Applies one form change to the scenario's text, touching only the lines it concerns. */
export function applyFormEdit(source: string, edit: FormEdit, texts: NewTexts): Edited | Refusal {
  const form = readForm(source);
  if (!form) return { refused: "refused.notYaml" };
  switch (edit.kind) {
    case "text":
      return { source: setText(source, form, edit) };
    case "set":
      return {
        source: edit.value === undefined ? deleteIn(source, edit.path) : setIn(source, edit.path, edit.value),
      };
    case "meter":
      return { source: setEffect(source, form, edit.branch, [edit.meter], edit.value) };
    case "cost":
      return { source: setEffect(source, form, edit.branch, ["cost", edit.item], edit.value) };
    case "tags":
      return { source: setIn(source, [...edit.branch, "meta", "tags"], edit.tags) };
    case "guard":
      return {
        source:
          edit.guard === undefined
            ? deleteIn(source, [...edit.branch, "guard"])
            : setIn(source, [...edit.branch, "guard"], edit.guard),
      };
    case "addOption":
      return addOption(source, form, edit.state, texts);
    case "removeOption": {
      const state = form.states.find((s) => s.id === edit.state);
      if (state && state.options.length <= 1) return { refused: "refused.lastOption" };
      return { source: deleteIn(source, [...statesPath, edit.state, "on", edit.option]), open: edit.state };
    }
    case "addBranch":
      return addBranch(source, form, edit.state, edit.option);
    case "removeBranch": {
      const path: YamlPath = [...statesPath, edit.state, "on", edit.option];
      const current = rawAt(form.raw, path);
      if (!Array.isArray(current) || current.length <= 1) return { refused: "refused.lastBranch" };
      return { source: deleteIn(source, [...path, edit.index]), open: edit.state };
    }
    case "insertState":
      return insertState(source, form, edit.branch, texts);
    case "addEnding":
      return addEnding(source, form, edit.branch, texts);
    case "removeState":
      return removeState(source, form, edit.state);
    case "removeEnding":
      return removeEnding(source, form, edit.ending);
    case "renameState":
      return renameState(source, form, edit.state, edit.to);
    case "renameEnding":
      return renameEnding(source, form, edit.ending, edit.to);
  }
}
