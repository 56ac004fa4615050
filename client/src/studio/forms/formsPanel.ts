import "./forms.css";
import { esc } from "../dom";
import { guardParam, endingHtml, scenarioHtml, stateHtml } from "./formFields";
import { readForm } from "./formModel";
import type { ScenarioForm } from "./formModel";
import { applyFormEdit } from "./scenarioEdits";
import type { FormEdit, NewTexts } from "./scenarioEdits";
import { ft, isFormsKey } from "./formStrings";
import type { YamlPath } from "./yamlText";
import { YamlEditError } from "./yamlText";

/** What the forms need from the editor: its text, a way to change it, and the map's selection. */
export type FormsHost = {
  text: () => string;
  /** Replaces the text (the editor turns it into one transaction: undo, autosave and checks follow). */
  replace: (next: string) => void;
  /** Tells the editor which state the form shows (the map highlights it). */
  selected: (state: string) => void;
  readOnly: boolean;
};

export type Forms = {
  /** Redraws from the text (after the trainer typed in it); keeps the field being typed in. */
  refresh: () => void;
  /** Shows the form of a state (a click on the map, the cursor in its part of the text). */
  open: (state: string) => void;
};

const newTexts = (): NewTexts => ({
  line: ft("new.line"),
  label: ft("new.label"),
  title: ft("new.title"),
  debrief: ft("new.debrief"),
  endLine: ft("new.endLine"),
});

const parsePath = (el: HTMLElement, name: "path" | "branch"): YamlPath =>
  JSON.parse(el.dataset[name] ?? "[]") as YamlPath;
const numberOf = (value: string) => (value.trim() === "" ? undefined : Number(value));

/**
 * The forms beside the text: pick the scenario, a state or an ending, and edit it field by field. Every
 * change goes through the pure edits into the same YAML text, so the text stays the one truth.
 */
export function mountForms(box: HTMLElement, host: FormsHost): Forms {
  box.closest(".studio-editor")?.classList.add("has-forms");
  box.innerHTML = `<h2>${esc(ft("forms.heading"))}</h2>
    <div class="forms-head">
      <label for="forms-pick">${esc(ft("forms.pick"))}</label><select id="forms-pick"></select>
      <label for="forms-locale" hidden>${esc(ft("forms.language"))}</label><select id="forms-locale" hidden></select>
    </div>
    <p class="forms-message" id="forms-message" role="status"></p>
    <fieldset class="forms-body" id="forms-body"${host.readOnly ? " disabled" : ""}></fieldset>`;
  const pick = box.querySelector<HTMLSelectElement>("#forms-pick")!;
  const localeSelect = box.querySelector<HTMLSelectElement>("#forms-locale")!;
  const message = box.querySelector<HTMLElement>("#forms-message")!;
  const body = box.querySelector<HTMLFieldSetElement>("#forms-body")!;
  let current = "@scenario";
  let locale: string | undefined;
  let form: ScenarioForm | undefined;
  let drawn = "";

  const say = (text: string) => (message.textContent = text);

  const drawPick = () => {
    if (!form) return;
    const option = (value: string, text: string) =>
      `<option value="${esc(value)}"${value === current ? " selected" : ""}>${esc(text)}</option>`;
    pick.innerHTML = [
      option("@scenario", ft("forms.scenario")),
      `<optgroup label="${esc(ft("forms.states"))}">${form.states.map((s) => option(`s:${s.id}`, s.final ? `${s.id} ⏹` : s.id)).join("")}</optgroup>`,
      `<optgroup label="${esc(ft("forms.endings"))}">${form.endings.map((e) => option(`e:${e.id}`, e.id)).join("")}</optgroup>`,
    ].join("");
    const langs = form.languages;
    if (locale === undefined || !langs.includes(locale)) locale = langs[0] ?? "en";
    localeSelect.hidden = langs.length < 2;
    localeSelect.previousElementSibling?.toggleAttribute("hidden", langs.length < 2);
    localeSelect.innerHTML = langs
      .map((l) => `<option value="${esc(l)}"${l === locale ? " selected" : ""}>${esc(l)}</option>`)
      .join("");
  };

  const draw = () => {
    form = readForm(host.text());
    if (!form) {
      say(ft("forms.notYaml"));
      body.disabled = true;
      return;
    }
    body.disabled = host.readOnly;
    if (message.textContent === ft("forms.notYaml")) say("");
    const lang = locale && form.languages.includes(locale) ? locale : (form.languages[0] ?? "en");
    const state = current.startsWith("s:") ? form.states.find((s) => s.id === current.slice(2)) : undefined;
    const ending = current.startsWith("e:") ? form.endings.find((e) => e.id === current.slice(2)) : undefined;
    if (!state && !ending) current = "@scenario";
    drawPick();
    const html = state
      ? stateHtml(state, form, lang)
      : ending
        ? endingHtml(ending, form, lang)
        : scenarioHtml(form, lang);
    if (html === drawn) return;
    // Redrawn while the trainer types in a field: the same field (same id) gets the focus and caret back.
    const focused =
      document.activeElement instanceof HTMLElement && body.contains(document.activeElement)
        ? document.activeElement
        : undefined;
    const caret =
      focused instanceof HTMLTextAreaElement ||
      (focused instanceof HTMLInputElement && focused.type === "text")
        ? [focused.selectionStart, focused.selectionEnd]
        : undefined;
    const scroll = box.scrollTop;
    body.innerHTML = html;
    drawn = html;
    box.scrollTop = scroll;
    if (focused?.id) {
      const again = body.querySelector<HTMLElement>(`#${CSS.escape(focused.id)}`);
      again?.focus();
      if (caret && (again instanceof HTMLTextAreaElement || again instanceof HTMLInputElement))
        again.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
    }
  };

  const apply = (edit: FormEdit) => {
    let result;
    try {
      result = applyFormEdit(host.text(), edit, newTexts());
    } catch (e) {
      if (!(e instanceof YamlEditError)) throw e;
      say(ft("forms.notYaml"));
      return;
    }
    if ("refused" in result) {
      say(isFormsKey(result.refused) ? ft(result.refused, result.params ?? {}) : result.refused);
      return;
    }
    say("");
    if (edit.kind === "renameEnding") current = `e:${edit.to}`;
    if (result.source !== host.text()) host.replace(result.source);
    if (result.open !== undefined) {
      current = `s:${result.open}`;
      host.selected(result.open);
    }
    draw();
  };

  const editOf = (el: HTMLElement): FormEdit | undefined => {
    const value = (el as HTMLInputElement).value;
    switch (el.dataset.kind ?? "") {
      case "text":
        return {
          kind: "text",
          path: parsePath(el, "path"),
          locale: el.dataset.locale ?? "en",
          text: value,
          optional: el.dataset.optional === "1",
        };
      case "plain":
      case "set":
        return { kind: "set", path: parsePath(el, "path"), value };
      case "number":
        return { kind: "set", path: parsePath(el, "path"), value: numberOf(value) };
      case "meter":
        return {
          kind: "meter",
          branch: parsePath(el, "branch"),
          meter: el.dataset.meter as "mood",
          value: numberOf(value),
        };
      case "cost":
        return {
          kind: "cost",
          branch: parsePath(el, "branch"),
          item: el.dataset.item ?? "",
          value: numberOf(value),
        };
      case "tags": {
        const group = el.closest("details") ?? body;
        const tags = [...group.querySelectorAll<HTMLInputElement>("input[data-kind='tags']:checked")].map(
          (c) => c.dataset.tag ?? "",
        );
        return { kind: "tags", branch: parsePath(el, "branch"), tags };
      }
      case "guard":
        return {
          kind: "guard",
          branch: parsePath(el, "branch"),
          guard: value === "" ? undefined : { type: value, params: defaultParams(value, form) },
        };
      case "guardParam": {
        const type = (
          el.closest(".forms-row")?.querySelector("select[data-kind='guard']") as HTMLSelectElement
        ).value;
        const param = el.dataset.param ?? "value";
        const v = param === "value" ? (numberOf(value) ?? 0) : value;
        return { kind: "guard", branch: parsePath(el, "branch"), guard: { type, params: { [param]: v } } };
      }
      case "rename": {
        const from = el.dataset.from ?? "";
        const to = value.trim();
        return el.dataset.what === "ending"
          ? { kind: "renameEnding", ending: from, to }
          : { kind: "renameState", state: from, to };
      }
      default:
        return undefined;
    }
  };

  const onField = (e: Event) => {
    const el = e.target as HTMLElement;
    // Numbers are written when they are whole numbers (a "-" on the way to "-5" is not written yet).
    if (e.type === "input" && el instanceof HTMLInputElement && el.type === "number" && !el.validity.valid)
      return;
    // Choices and ids are written when made: an id renamed letter by letter would rename every step.
    if (
      e.type === "input" &&
      (el instanceof HTMLSelectElement ||
        (el as HTMLInputElement).type === "checkbox" ||
        el.dataset.kind === "rename")
    )
      return;
    const edit = editOf(el);
    if (edit) apply(edit);
  };
  body.addEventListener("input", onField);
  body.addEventListener("change", (e) => {
    const el = e.target as HTMLElement;
    if (
      el instanceof HTMLSelectElement ||
      (el as HTMLInputElement).type === "checkbox" ||
      el.dataset.kind === "rename"
    )
      onField(e);
  });
  body.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-edit]");
    if (button) apply(JSON.parse(button.dataset.edit ?? "{}") as FormEdit);
  });
  pick.addEventListener("change", () => {
    current = pick.value;
    if (current.startsWith("s:")) host.selected(current.slice(2));
    draw();
  });
  localeSelect.addEventListener("change", () => {
    locale = localeSelect.value;
    draw();
  });

  draw();
  return {
    refresh: draw,
    open: (state) => {
      if (current === `s:${state}`) return;
      current = `s:${state}`;
      draw();
    },
  };
}

/** The params a guard starts with when the trainer picks it. */
function defaultParams(type: string, form: ScenarioForm | undefined): Record<string, string | number> {
  const param = guardParam(type);
  if (param === "value") return { value: type.startsWith("cost") ? 100 : 30 };
  if (param === "tag") return { tag: "listens" };
  if (param === "state") return { state: form?.initial ?? "" };
  if (param === "option") return { option: form?.states[0]?.options[0]?.id ?? "" };
  return { fact: "fact" };
}
