import {
  endingOf,
  localize,
  optionsAt,
  planFromRun,
  previewChoose,
  previewJump,
  previewStart,
  replayChoices,
  resolveLook,
  stateMetaOf,
  totalCost,
} from "@hotseat/shared";
import type { CompiledScenario, PreviewRun } from "@hotseat/shared";
import type { MessageKey } from "../../i18n/en";
import { getLocale, isUiLocale, t } from "../../i18n/t";
import type { UiLocale } from "../../i18n/t";
import { feelingFor, feelingKey } from "../../viewModel/customerFeeling";
import { formatMoney } from "../../viewModel/money";
import { byId, esc } from "../dom";
import type { DraftPlans } from "../paths/draftPlans";
import { st } from "../studioStrings";
import { faceSvg } from "./faceSvg";

/** The phone the preview imitates, in CSS pixels; it is scaled down to fit the column. */
const phone = { width: 390, height: 844 };

/** The preview's side of the Studio: what the editor tells it, and what the map's clicks ask of it. */
export type PreviewPanel = {
  element: HTMLElement;
  update: (compiled: CompiledScenario) => void;
  jump: (stateId: string) => void;
  /** Plays a list of choices from the start (a plan or a path from Paths & tests). */
  play: (choices: readonly string[]) => void;
};

/**
 * Plays the draft as a trainee would, in a phone-sized frame: the customer's face and line, the meters,
 * the itemised cost and the last option's feedback, in any of the scenario's languages. Runs in the page on
 * the text as typed; an edit keeps the run when its choices can still be made, else it starts again and
 * says why.
 */
export function previewPanel(plans: DraftPlans, scenarioIdOf: () => string | undefined): PreviewPanel {
  const element = document.createElement("section");
  element.className = "studio-panel studio-preview";
  element.id = "studio-preview";
  element.setAttribute("role", "tabpanel");
  element.setAttribute("aria-labelledby", "studio-tab-preview");
  element.innerHTML = `<h2 id="studio-preview-heading" class="preview-hidden">${esc(st("preview.heading"))}</h2>
    <div class="preview-tools">
      <label>${esc(st("preview.language"))} <select id="preview-lang"></select></label>
      <label>${esc(st("preview.jump"))} <select id="preview-jump"></select></label>
      <button type="button" class="secondary" id="preview-restart">${esc(st("preview.restart"))}</button>
      <button type="button" id="preview-save">${esc(st("preview.savePlan"))}</button>
      <p class="preview-note" id="preview-note" role="status"></p>
    </div>
    <div class="preview-stage" id="preview-stage">
      <div class="preview-phone" id="preview-phone" role="region" aria-label="${esc(st("preview.phone"))}">
        <div class="preview-screen" id="preview-screen"></div>
      </div>
    </div>`;
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(element, id);
  const langSelect = $<HTMLSelectElement>("preview-lang");
  const jumpSelect = $<HTMLSelectElement>("preview-jump");
  const saveButton = $<HTMLButtonElement>("preview-save");
  const screen = $("preview-screen");
  const note = (text: string, kind: "" | "warn" | "good" = "") => {
    const p = $("preview-note");
    p.textContent = text;
    p.className = `preview-note ${kind}`;
  };

  let compiled: CompiledScenario | undefined;
  let at: PreviewRun | undefined;
  let lang = "en";

  // The phone keeps its proportions and shrinks to the space the column leaves it.
  const stage = $("preview-stage");
  // The tools column beside it keeps at least `toolsWidth`; the stage's padding is 8px a side.
  const toolsWidth = 170;
  const fit = () => {
    const scale = Math.min(
      1,
      (stage.clientHeight - 16) / phone.height,
      (element.clientWidth - toolsWidth - 16) / phone.width,
    );
    if (scale > 0) $("preview-phone").style.setProperty("--scale", scale.toFixed(3));
  };
  new ResizeObserver(fit).observe(element);

  const uiLang = (): UiLocale => (isUiLocale(lang) ? lang : getLocale());
  const ui = (key: MessageKey) => t(key, {}, uiLang());
  const money = (amount: number) => formatMoney(amount, compiled?.scenario.currency ?? "EUR", lang);

  const meter = (label: string, value: number, good: boolean) =>
    `<div class="preview-meter"><span>${esc(label)}</span><span class="bar" role="meter" aria-label="${esc(label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${value}"><span style="width:${value}%" class="${good ? "good" : value < 34 || (!good && value > 66) ? "bad" : ""}"></span></span><b>${value}</b></div>`;

  const draw = (focusOptions = false) => {
    if (!compiled || !at) return;
    const { scenario } = compiled;
    const run = at.run;
    const meta = stateMetaOf(compiled, run.stateId);
    const look = resolveLook(scenario);
    // The feeling's word in the preview's language, as the trainee's phone would say it.
    const feeling = t(feelingKey(feelingFor(meta.emotion, run.meters.mood), look.gender), {}, uiLang());
    const ending = endingOf(compiled, run);
    const ledger = Object.entries(run.ledger).filter(([, amount]) => amount !== 0);
    const options = optionsAt(compiled, run);
    const meters = [
      meter(ui("meter.mood"), run.meters.mood, run.meters.mood >= 50),
      ...(run.meters.reputation !== undefined
        ? [meter(ui("meter.reputation"), run.meters.reputation, run.meters.reputation >= 50)]
        : []),
      ...(run.meters.strain !== undefined
        ? [meter(ui("meter.strain"), run.meters.strain, run.meters.strain <= 40)]
        : []),
    ].join("");
    screen.lang = lang;
    screen.innerHTML = `<header class="preview-top"><b>${esc(localize(scenario.title, lang))}</b><span>${esc(st("preview.choices", { count: run.steps.length }))}</span></header>
      <div class="preview-customer">
        <div class="preview-face">${faceSvg(look, run.meters.mood, meta.emotion)}</div>
        <div><b>${esc(scenario.persona.name)}</b><span>${esc(feeling)}</span></div>
      </div>
      ${at.feedback ? `<p class="preview-feedback"><b>${esc(st("preview.feedback"))}</b> ${esc(localize(at.feedback, lang))}</p>` : ""}
      <blockquote class="preview-line" aria-live="polite">${esc(localize(meta.line, lang))}</blockquote>
      ${meta.narration ? `<p class="preview-narration">${esc(localize(meta.narration, lang))}</p>` : ""}
      ${
        ending
          ? `<section class="preview-ending outcome-${ending.outcome}" aria-label="${esc(st("preview.ending"))}"><h3>${esc(localize(ending.title, lang))}</h3><p class="outcome">${esc(ui(`outcome.${ending.outcome}` as MessageKey))}</p><p>${esc(localize(ending.debrief, lang))}</p><button type="button" id="preview-again">${esc(st("preview.restart"))}</button></section>`
          : options.length === 0
            ? `<p class="preview-stuck">${esc(st("preview.stuck"))}</p>`
            : `<ul class="preview-options" aria-label="${esc(st("preview.options"))}">${options
                .map(
                  (o) =>
                    `<li><button type="button" data-option="${esc(o.id)}">${esc(localize(o.label, lang))}</button></li>`,
                )
                .join("")}</ul>`
      }
      <section class="preview-meters" aria-label="${esc(st("preview.meters"))}">${meters}</section>
      <section class="preview-cost" aria-label="${esc(ui("meter.cost"))}">
        <div class="total"><span>${esc(ui("meter.cost"))}</span><b id="preview-cost-total">${esc(money(totalCost(run.ledger)))}</b></div>
        ${
          ledger.length === 0
            ? `<p class="none">${esc(st("preview.noCost"))}</p>`
            : `<ul>${ledger
                .map(
                  ([item, amount]) =>
                    `<li><span>${esc(costLabel(item, uiLang()))}</span><span>${esc(money(amount ?? 0))}</span></li>`,
                )
                .join("")}</ul>`
        }
      </section>`;
    jumpSelect.value = run.stateId;
    const savable = at.fromStart && run.ended && run.endingId !== undefined && plans.editable;
    saveButton.disabled = !savable;
    saveButton.title = !plans.editable
      ? st("preview.saveBuiltin")
      : !at.fromStart
        ? st("preview.saveJumped")
        : !run.ended
          ? st("preview.saveUnfinished")
          : "";
    if (focusOptions)
      (screen.querySelector<HTMLElement>("[data-option], #preview-again") ?? screen).focus({
        preventScroll: false,
      });
  };

  const restart = (why = "") => {
    if (!compiled) return;
    at = previewStart(compiled);
    note(why, why ? "warn" : "");
    draw();
  };

  const fillSelects = () => {
    if (!compiled) return;
    const { scenario } = compiled;
    if (!scenario.languages.includes(lang))
      lang = scenario.languages.includes(getLocale()) ? getLocale() : (scenario.languages[0] ?? "en");
    langSelect.innerHTML = scenario.languages
      .map((l) => `<option value="${esc(l)}"${l === lang ? " selected" : ""}>${esc(l)}</option>`)
      .join("");
    jumpSelect.innerHTML = Object.keys(scenario.machine.states)
      .map((id) => `<option value="${esc(id)}">${esc(id)}</option>`)
      .join("");
  };

  screen.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    if (target.closest("#preview-again")) {
      restart();
      screen.querySelector<HTMLElement>("[data-option]")?.focus();
      return;
    }
    const button = target.closest<HTMLButtonElement>("button[data-option]");
    if (!button || !compiled || !at) return;
    at = previewChoose(compiled, at, button.dataset.option ?? "");
    note("");
    draw(true);
  });
  langSelect.addEventListener("change", () => {
    lang = langSelect.value;
    draw();
  });
  const jump = (stateId: string) => {
    if (!compiled) return;
    at = previewJump(compiled, stateId);
    note(
      at.fromStart ? st("preview.jumped", { state: stateId }) : st("preview.placed", { state: stateId }),
      at.fromStart ? "" : "warn",
    );
    draw();
  };
  jumpSelect.addEventListener("change", () => jump(jumpSelect.value));
  $("preview-restart").addEventListener("click", () => restart());
  saveButton.addEventListener("click", () => {
    if (!compiled || !at) return;
    const plan = planFromRun(
      compiled,
      at.run,
      lang,
      plans.plans.map((p) => p.name),
    );
    if (!plan) return;
    note(st("preview.saving"));
    void plans
      .set([...plans.plans, plan], scenarioIdOf() ?? compiled.scenario.id)
      .then(() => note(st("preview.saved", { name: plan.name }), "good"));
  });

  return {
    element,
    update(next) {
      const before = at;
      compiled = next;
      fillSelects();
      if (!before) return restart();
      if (!before.fromStart) {
        if (next.scenario.machine.states[before.run.stateId]) return jump(before.run.stateId);
        return restart(st("preview.restartedGone", { state: before.run.stateId }));
      }
      const replayed = replayChoices(
        next,
        before.run.steps.map((s) => s.optionId),
      );
      if (!replayed.complete) {
        const lost = before.run.steps[replayed.at.run.steps.length];
        return restart(st("preview.restarted", { option: lost?.optionId ?? "?", state: lost?.from ?? "?" }));
      }
      at = replayed.at;
      draw();
    },
    jump,
    play(choices) {
      if (!compiled) return;
      const replayed = replayChoices(compiled, choices);
      at = replayed.at;
      note(
        replayed.complete ? "" : st("preview.playStopped", { count: replayed.at.run.steps.length }),
        "warn",
      );
      draw();
    },
  };
}

/** A cost item's name in the trainee's words; an item the catalogue does not know keeps its id. */
function costLabel(item: string, locale: UiLocale): string {
  const key = `cost.${item}` as MessageKey;
  const text = t(key, {}, locale);
  return text === key ? item : text;
}
