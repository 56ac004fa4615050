import { t } from "../i18n/t";
import { esc } from "../ui/HtmlPanel";
import type { MetersModel } from "../viewModel/meters";
import type { TraineeModel } from "../viewModel/traineeModel";

const css = (color: number) => `#${color.toString(16).padStart(6, "0")}`;

function meterHtml(label: string, value: number, color: number, suffix: string): string {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return `<div class="hs-dom-meter"><div class="hs-dom-meter-head"><span>${esc(label)}</span><span>${v} ${esc(suffix)}</span></div>
<div class="hs-dom-bar" role="meter" aria-label="${esc(label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${v}" aria-valuetext="${v} ${esc(suffix.replace(/^[▲▼■]+\s*/, ""))}"><span style="width:${v}%;background:${css(color)}"></span></div></div>`;
}

function buttonHtml(
  id: string,
  n: number | undefined,
  text: string,
  pressed: boolean,
  enabled: boolean,
): string {
  return `<button type="button" class="hs-dom-card" data-target="${esc(id)}" aria-pressed="${pressed}"${enabled ? "" : ' aria-disabled="true"'}>${
    n === undefined ? "" : `<span class="hs-dom-num" aria-hidden="true">${n}</span>`
  }<span class="hs-dom-card-text">${n === undefined ? "" : `<span class="hs-sr">${n}. </span>`}${esc(text)}</span></button>`;
}

/**
 * The trainee's phone as plain HTML, from the same model the canvas draws: what a phone shows before Phaser
 * has arrived (on a slow network the canvas comes seconds later), readable and usable on its own. The
 * customer gets an initial in a mood-coloured disc; the canvas adds the drawn face when it takes over.
 * Buttons carry the canvas targets' ids (`option.<id>`), so a tap here does what a tap on the card does.
 */
export function traineePageHtml(
  model: TraineeModel,
  meters: MetersModel | undefined,
  banner: string,
): string {
  const parts: string[] = [];
  if (banner) parts.push(`<p class="hs-dom-banner">⚠ ${esc(banner)}</p>`);
  parts.push(
    `<header class="hs-dom-top"><h1>${esc(model.title)}</h1>${model.team ? `<span class="hs-dom-team">${esc(model.team)}</span>` : ""}</header>`,
  );
  if (model.customer) {
    const c = model.customer;
    const ring = meters ? css(meters.mood.color) : "#8fa3c8";
    parts.push(`<section class="hs-dom-customer" aria-label="${esc(c.name)}">
<div class="hs-dom-who"><span class="hs-dom-avatar" style="border-color:${ring}" aria-hidden="true">${esc(c.name.slice(0, 1))}</span>
<div><h2>${esc(c.name)}</h2><p class="hs-dom-dim">${esc(c.feeling)}</p></div></div>
<blockquote class="hs-dom-line" aria-live="polite">“${esc(c.line)}”</blockquote></section>`);
  }
  if (meters) {
    const m = meters;
    parts.push(`<section class="hs-dom-meters" aria-label="${esc(t("a11y.meters"))}">
<div class="hs-dom-meter-row">${meterHtml(m.mood.label, m.mood.value, m.mood.color, m.mood.suffix)}
<div class="hs-dom-cost"><span>${esc(t("meter.cost"))}</span><strong>${esc(m.costTotal)}</strong></div></div>
${m.extra.map((e) => meterHtml(e.label, e.value, e.color, e.suffix)).join("")}</section>`);
  }
  const timer =
    model.secondsLeft !== undefined ? `◷ ${t("projector.timeLeft", { seconds: model.secondsLeft })} · ` : "";
  parts.push(
    `<p class="hs-dom-status"><span aria-hidden="true">${esc(timer)}</span><span role="status">${esc(model.statusWords)}</span></p>`,
  );
  if (model.reveal) {
    const r = model.reveal;
    parts.push(`<section class="hs-dom-reveal" aria-live="polite"><h2>${esc(t("trainee.yourChoice", { option: r.label }))}</h2>
${r.tags.map((b) => `<p class="${b.good ? "hs-dom-good" : "hs-dom-bad"}">${esc(b.text)}</p>`).join("")}
${r.feedback ? `<h3>${esc(t("trainee.feedback"))}</h3><p class="hs-dom-feedback">${esc(r.feedback)}</p>` : ""}</section>`);
  }
  if (model.teamChoices.length)
    parts.push(`<section class="hs-dom-options" aria-label="${esc(t("trainee.pickTeam"))}"><h2>${esc(t("trainee.pickTeam"))}</h2>
${model.teamChoices.map((c) => buttonHtml(`team.${c.id}`, undefined, c.label, c.selected, true)).join("")}</section>`);
  if (model.cards.length)
    parts.push(`<section class="hs-dom-options" role="group" aria-label="${esc(t("a11y.options"))}">
${model.cards.map((c) => buttonHtml(`option.${c.id}`, c.index + 1, c.text, c.selected, c.enabled)).join("")}</section>`);
  if (model.ending)
    parts.push(`<section class="hs-dom-ending" aria-live="polite"><h2>${esc(`${model.ending.outcome}: ${model.ending.title}`)}</h2>
<p>${esc(model.ending.debrief)}</p></section>`);
  return parts.join("\n");
}
