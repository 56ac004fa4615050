import { antiPatterns, costItems, customerTypes, emotions, goodTechniques, outcomes } from "@hotseat/shared";
import { t } from "../../i18n/t";
import type { MessageKey } from "../../i18n/en";
import { esc } from "../dom";
import { rawAt, textIn } from "./formModel";
import type { BranchForm, EndingForm, RawText, ScenarioForm, StateForm } from "./formModel";
import type { FormEdit } from "./scenarioEdits";
import { ft } from "./formStrings";
import type { YamlPath } from "./yamlText";

/**
 * The HTML of the forms. Every field carries what it edits in data attributes (`data-kind`, `data-path`…),
 * and an id made from that path, so a redraw can put the focus back in the same field.
 */
const attr = (value: unknown) => esc(JSON.stringify(value));
const idOf = (...parts: unknown[]) =>
  `ff-${parts
    .flat()
    .map((p) => String(p))
    .join("-")
    .replace(/[^A-Za-z0-9_-]/g, "_")}`;
const tr = (key: string) => t(key as MessageKey);

function textField(
  label: string,
  path: YamlPath,
  value: RawText,
  locale: string,
  optional = false,
  rows = 2,
) {
  const id = idOf(path, locale);
  return `<label for="${id}">${esc(label)}</label><textarea id="${id}" rows="${rows}" data-kind="text" data-path="${attr(path)}" data-locale="${esc(locale)}"${optional ? ' data-optional="1"' : ""}>${esc(textIn(value, locale))}</textarea>`;
}

/** A state's or ending's id, renamed (with every reference to it) when the field is left. */
function idField(what: "state" | "ending", id: string) {
  const field = `forms-id-${what}`;
  return `<div class="forms-row"><label for="${field}">${esc(ft("forms.id"))}</label><input type="text" id="${field}" data-kind="rename" data-what="${what}" data-from="${esc(id)}" value="${esc(id)}" spellcheck="false" autocomplete="off" pattern="[a-z][a-z0-9-]*"></div>`;
}

function selectField(
  label: string,
  path: YamlPath,
  value: string | undefined,
  choices: [string, string][],
  extra = "",
) {
  const id = idOf(path);
  const known = choices.some(([v]) => v === value);
  const options = [
    ...(known ? [] : [`<option value="${esc(value ?? "")}" selected>${esc(value ?? "—")}</option>`]),
    ...choices.map(
      ([v, text]) => `<option value="${esc(v)}"${v === value ? " selected" : ""}>${esc(text)}</option>`,
    ),
  ];
  return `<label for="${id}">${esc(label)}</label><select id="${id}" data-kind="set" data-path="${attr(path)}"${extra}>${options.join("")}</select>`;
}

const stringAt = (raw: unknown, path: YamlPath) => {
  const v = rawAt(raw, path);
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
};
const numberValue = (v: number | undefined) => (v === undefined ? "" : String(v));
const button = (text: string, edit: FormEdit, cls = "secondary") =>
  `<button type="button" class="${cls}" data-edit="${attr(edit)}">${esc(text)}</button>`;

/** The states and endings an option can lead to: states by id, ending states with their ending's title. */
function targetChoices(form: ScenarioForm, locale: string): [string, string][] {
  return form.states.map((s): [string, string] => {
    if (!s.final) return [s.id, s.id];
    const ending = form.endings.find((e) => e.id === s.ending);
    return [s.id, `${s.id} ⟶ ${ending ? textIn(ending.title, locale) || ending.id : "?"}`];
  });
}

const guardNames = [
  "moodBelow",
  "moodAtLeast",
  "reputationBelow",
  "reputationAtLeast",
  "strainAbove",
  "strainAtMost",
  "costAbove",
  "costAtMost",
  "said",
  "notSaid",
  "chose",
  "notChose",
  "remembers",
  "forgot",
  "visited",
  "notVisited",
];
/** The one param each guard takes. */
export function guardParam(type: string): "value" | "tag" | "option" | "fact" | "state" {
  if (type === "said" || type === "notSaid") return "tag";
  if (type === "chose" || type === "notChose") return "option";
  if (type === "remembers" || type === "forgot") return "fact";
  if (type === "visited" || type === "notVisited") return "state";
  return "value";
}

function guardFields(branch: BranchForm, form: ScenarioForm) {
  const id = idOf(branch.path, "guard");
  const type = branch.guard?.type ?? "";
  const choices = [["", ft("forms.noGuard")], ...guardNames.map((g) => [g, g])];
  const select = `<label for="${id}">${esc(ft("forms.guard"))}</label><select id="${id}" data-kind="guard" data-branch="${attr(branch.path)}">${choices
    .map(([v, text]) => `<option value="${esc(v!)}"${v === type ? " selected" : ""}>${esc(text!)}</option>`)
    .join("")}</select>`;
  if (!branch.guard) return `<div class="forms-row">${select}</div>`;
  const param = guardParam(type);
  const value = branch.guard.params[param];
  const pid = idOf(branch.path, "guard", param);
  const common = `id="${pid}" data-kind="guardParam" data-branch="${attr(branch.path)}" data-param="${param}"`;
  const list =
    param === "tag"
      ? [...goodTechniques, ...antiPatterns]
      : param === "state"
        ? form.states.map((s) => s.id)
        : undefined;
  const input = list
    ? `<select ${common}>${list.map((v) => `<option value="${esc(v)}"${v === value ? " selected" : ""}>${esc(v)}</option>`).join("")}</select>`
    : `<input ${common} type="${param === "value" ? "number" : "text"}" value="${esc(typeof value === "string" || typeof value === "number" ? String(value) : "")}">`;
  return `<div class="forms-row">${select}<label for="${pid}">${esc(ft("forms.guardValue"))}</label>${input}</div>`;
}

function effectFields(branch: BranchForm, currency: string) {
  const meters = (["mood", "reputation", "strain"] as const)
    .map((m) => {
      const id = idOf(branch.path, m);
      return `<span class="forms-num"><label for="${id}">${esc(ft(`forms.${m}`))}</label><input id="${id}" type="number" min="-100" max="100" step="1" data-kind="meter" data-meter="${m}" data-branch="${attr(branch.path)}" value="${numberValue(branch.effect[m])}"></span>`;
    })
    .join("");
  const costs = costItems
    .map((item) => {
      const id = idOf(branch.path, "cost", item);
      return `<span class="forms-num"><label for="${id}">${esc(tr(`cost.${item}`))}</label><input id="${id}" type="number" min="0" step="1" data-kind="cost" data-item="${item}" data-branch="${attr(branch.path)}" value="${numberValue(branch.effect.cost[item])}"></span>`;
    })
    .join("");
  const spent = Object.entries(branch.effect.cost).map(([k, v]) => `${tr(`cost.${k}`)} ${v}`);
  return `<div class="forms-meters">${meters}</div>
    <details class="forms-more"${spent.length > 0 ? " open" : ""}><summary>${esc(ft("forms.costs", { currency }))}${spent.length > 0 ? `: ${esc(spent.join(", "))}` : ""}</summary><div class="forms-meters">${costs}</div></details>`;
}

function tagFields(branch: BranchForm) {
  const group = (title: string, tags: readonly string[]) =>
    `<fieldset class="forms-tags"><legend>${esc(title)}</legend>${tags
      .map((tag) => {
        const id = idOf(branch.path, "tag", tag);
        return `<label for="${id}" title="${esc(tag)}"><input id="${id}" type="checkbox" data-kind="tags" data-tag="${esc(tag)}" data-branch="${attr(branch.path)}"${branch.tags.includes(tag) ? " checked" : ""}> ${esc(tr(`tag.${tag}`))}</label>`;
      })
      .join("")}</fieldset>`;
  const chosen = branch.tags.map((tag) => tr(`tag.${tag}`)).join(", ");
  return `<details class="forms-more"${branch.tags.length > 0 ? "" : ""}><summary>${esc(ft("forms.tags"))}${chosen ? `: ${esc(chosen)}` : ""}</summary>${group(ft("forms.tagsGood"), goodTechniques)}${group(ft("forms.tagsDefence"), antiPatterns)}</details>`;
}

function branchFields(
  branch: BranchForm,
  n: number,
  count: number,
  form: ScenarioForm,
  locale: string,
  state: string,
  option: string,
) {
  const currency = typeof form.raw["currency"] === "string" ? form.raw["currency"] : "";
  const head =
    count > 1
      ? `<h5>${esc(ft("forms.branch", { n }))}${branch.guard ? "" : ` (${esc(ft("forms.otherwise"))})`}</h5>${guardFields(branch, form)}`
      : "";
  return `<div class="forms-branch">${head}
    <div class="forms-row">${selectField(ft("forms.target"), [...branch.path, "target"], branch.target, targetChoices(form, locale))}</div>
    ${effectFields(branch, currency)}
    ${textField(ft("forms.feedback"), [...branch.path, "meta", "feedback"], branch.feedback, locale, true)}
    ${tagFields(branch)}
    ${branch.otherActions.length > 0 ? `<p class="forms-hint">${esc(ft("forms.also", { actions: branch.otherActions.join("; ") }))}</p>` : ""}
    <div class="forms-buttons">
      ${button(ft("forms.insertState"), { kind: "insertState", branch: branch.path })}
      ${button(ft("forms.addEnding"), { kind: "addEnding", branch: branch.path })}
      ${count > 1 ? button(ft("forms.removeBranch"), { kind: "removeBranch", state, option, index: n - 1 }, "danger") : ""}
    </div></div>`;
}

/** The form of one state: the customer's line, emotion and narration, and each option with its branches. */
export function stateHtml(state: StateForm, form: ScenarioForm, locale: string): string {
  const base: YamlPath = ["machine", "states", state.id];
  const emotionChoices = emotions.map((e): [string, string] => [e, tr(`emotion.${e}`)]);
  const endingChoices = form.endings.map((e): [string, string] => [e.id, textIn(e.title, locale) || e.id]);
  const options = state.options
    .map(
      (o) => `<fieldset class="forms-option"><legend>${esc(ft("forms.option", { id: o.id }))}</legend>
        ${textField(ft("forms.label"), o.labelPath, o.label, locale)}
        ${o.branches.map((b, i) => branchFields(b, i + 1, o.branches.length, form, locale, state.id, o.id)).join("")}
        <div class="forms-buttons">
          ${button(ft("forms.addBranch"), { kind: "addBranch", state: state.id, option: o.id })}
          ${button(ft("forms.removeOption"), { kind: "removeOption", state: state.id, option: o.id }, "danger")}
        </div></fieldset>`,
    )
    .join("");
  return `<h3>${esc(ft(state.final ? "forms.final" : "forms.state", { id: state.id }))}</h3>
    ${idField("state", state.id)}
    ${textField(ft("forms.line"), [...base, "meta", "line"], state.line, locale, false, 3)}
    <div class="forms-row">${selectField(ft("forms.emotion"), [...base, "meta", "emotion"], state.emotion, emotionChoices)}
    ${state.final ? selectField(ft("forms.endingOf"), [...base, "meta", "ending"], state.ending, endingChoices) : ""}</div>
    ${textField(ft("forms.narration"), [...base, "meta", "narration"], state.narration, locale, true)}
    ${options}
    <div class="forms-buttons">
      ${state.final ? "" : button(ft("forms.addOption"), { kind: "addOption", state: state.id }, "")}
      ${button(ft("forms.removeState"), { kind: "removeState", state: state.id }, "danger")}
    </div>`;
}

/** The form of one ending: its title, outcome and debrief, and where it is reached. */
export function endingHtml(ending: EndingForm, form: ScenarioForm, locale: string): string {
  const base: YamlPath = ["endings", ending.id];
  const finals = form.states.filter((s) => s.final && s.ending === ending.id).map((s) => s.id);
  return `<h3>${esc(ft("forms.ending", { id: ending.id }))}</h3>
    ${idField("ending", ending.id)}
    ${textField(ft("forms.endingTitle"), [...base, "title"], ending.title, locale, false, 1)}
    <div class="forms-row">${selectField(
      ft("forms.outcome"),
      [...base, "outcome"],
      ending.outcome,
      outcomes.map((o): [string, string] => [o, tr(`outcome.${o}`)]),
    )}</div>
    ${textField(ft("forms.debrief"), [...base, "debrief"], ending.debrief, locale, false, 5)}
    ${finals.length > 0 ? `<p class="forms-hint">${esc(ft("forms.endingStates", { states: finals.join(", ") }))}</p>` : ""}
    <div class="forms-buttons">${button(ft("forms.removeEnding"), { kind: "removeEnding", ending: ending.id }, "danger")}</div>`;
}

/** The form of the scenario as a whole: what the library and the class see before the first state. */
export function scenarioHtml(form: ScenarioForm, locale: string): string {
  const raw = form.raw;
  const values = Array.isArray(raw["values"]) ? (raw["values"] as RawText[]) : [];
  const mood = rawAt(raw, ["meters", "mood"]);
  const moodId = idOf("meters", "mood");
  return `<h3>${esc(ft("forms.scenario"))}</h3>
    ${textField(ft("forms.title"), ["title"], raw["title"] as RawText, locale, false, 1)}
    ${textField(ft("forms.summary"), ["summary"], raw["summary"] as RawText, locale, false, 3)}
    <label for="${idOf("persona", "name")}">${esc(ft("forms.personaName"))}</label><input id="${idOf("persona", "name")}" type="text" data-kind="plain" data-path="${attr(["persona", "name"])}" value="${esc(stringAt(raw, ["persona", "name"]))}">
    ${textField(ft("forms.personaDescription"), ["persona", "description"], rawAt(raw, ["persona", "description"]) as RawText, locale, false, 3)}
    <div class="forms-row">${selectField(
      ft("forms.customerType"),
      ["persona", "customerType"],
      rawAt(raw, ["persona", "customerType"]) as string,
      customerTypes.map((c): [string, string] => [c, c]),
    )}</div>
    ${textField(ft("forms.hard"), ["matter", "hard"], rawAt(raw, ["matter", "hard"]) as RawText, locale)}
    ${textField(ft("forms.brokenPromise"), ["brokenPromise"], raw["brokenPromise"] as RawText, locale)}
    ${values.map((v, i) => textField(ft("forms.value"), ["values", i], v, locale, false, 1)).join("")}
    <div class="forms-row"><span class="forms-num"><label for="${moodId}">${esc(ft("forms.startMood"))}</label><input id="${moodId}" type="number" min="0" max="100" data-kind="number" data-path="${attr(["meters", "mood"])}" value="${typeof mood === "number" ? mood : ""}"></span>
    ${selectField(
      ft("forms.initial"),
      ["machine", "initial"],
      form.initial,
      form.states.filter((s) => !s.final).map((s): [string, string] => [s.id, s.id]),
    )}</div>`;
}
