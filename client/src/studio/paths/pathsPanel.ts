import { labelsAlong, localize, runTestPlans } from "@hotseat/shared";
import type { CompiledScenario, PathAnalysis, PathSummary, TestPlan } from "@hotseat/shared";
import { getLocale } from "../../i18n/t";
import { formatMoney } from "../../viewModel/money";
import { esc } from "../dom";
import { st } from "../studioStrings";
import type { DraftPlans } from "./draftPlans";
import { planForm, readPlanForm } from "./planForm";

/** Paths & tests: what the editor tells it after each check. */
export type PathsPanel = {
  element: HTMLElement;
  update: (compiled: CompiledScenario, analysis: PathAnalysis) => void;
};

/**
 * The analysis of `hotseat paths` (endings with counts and shortest paths, best and worst for mood and
 * cost, what is never reached) and the draft's test plans with pass or fail, refreshed after every check
 * of the text; plans are renamed, edited and deleted here. "Play" sends a path to the preview.
 */
export function pathsPanel(plans: DraftPlans, play: (choices: readonly string[]) => void): PathsPanel {
  const element = document.createElement("section");
  element.className = "studio-panel studio-paths";
  element.id = "studio-paths";
  element.setAttribute("role", "tabpanel");
  element.setAttribute("aria-labelledby", "studio-tab-paths");
  element.innerHTML = `<h2>${esc(st("paths.heading"))}</h2>
    <div class="studio-panel-body">
      <h3 class="paths-h">${esc(st("plans.heading"))} <small id="plans-counts"></small></h3>
      <p class="preview-note" id="plans-note" role="status"></p>
      <ol class="plans-list" id="plans-list"></ol>
      <div id="paths-analysis"></div>
    </div>`;
  const analysisBox = element.querySelector<HTMLElement>("#paths-analysis")!;
  const list = element.querySelector<HTMLElement>("#plans-list")!;
  let compiled: CompiledScenario | undefined;
  const paths = new Map<string, readonly string[]>();
  const lang = () => {
    const langs = compiled?.scenario.languages ?? [];
    return langs.includes(getLocale()) ? getLocale() : (langs[0] ?? "en");
  };

  const pathHtml = (key: string, path: readonly string[]) => {
    if (!compiled) return "";
    paths.set(key, path);
    const labels = labelsAlong(compiled, path, lang());
    return `<div class="path-row"><button type="button" class="secondary small" data-play="${esc(key)}">${esc(st("paths.play"))}</button><details><summary>${esc(st("paths.choices", { count: path.length }))}</summary><ol>${labels
      .map((l) => `<li>${esc(l)}</li>`)
      .join("")}</ol><code>${esc(path.join(", "))}</code></details></div>`;
  };

  const drawAnalysis = (analysis: PathAnalysis) => {
    if (!compiled) return;
    const { scenario } = compiled;
    paths.clear();
    const title = (id: string) => {
      const ending = scenario.endings[id];
      return ending ? `${localize(ending.title, lang())} (${ending.outcome})` : id;
    };
    const total = analysis.distinctPaths.toLocaleString(getLocale());
    const count = analysis.truncated ? st("paths.atLeast", { count: total }) : total;
    const extreme = (key: string, heading: string, s: PathSummary | null) =>
      `<li><b>${esc(heading)}</b>: ${
        s === null
          ? esc(st("paths.none"))
          : `${esc(st("paths.outcome", { mood: s.mood, cost: formatMoney(s.cost, scenario.currency, lang()) }))} → ${esc(title(s.endingId))}${pathHtml(key, s.path)}`
      }</li>`;
    const none = (items: readonly string[]) => (items.length === 0 ? st("paths.noneList") : items.join(", "));
    analysisBox.innerHTML = `<h3 class="paths-h">${esc(st("paths.analysis"))}</h3><p>${esc(st("paths.summary", { paths: count, states: Object.keys(scenario.machine.states).length, endings: analysis.endings.length }))}${analysis.loops ? ` ${esc(st("paths.loops"))}` : ""}</p>
      <h3 class="paths-h">${esc(st("paths.endings"))}</h3>
      <ul class="paths-endings">${analysis.endings
        .map(
          (e) =>
            `<li class="outcome-${e.outcome}"><b>${esc(title(e.id))}</b>: ${esc(st("paths.count", { count: e.pathCount.toLocaleString(getLocale()) }))}${
              e.pathCount === 0
                ? ` · <span class="bad">${esc(st("paths.never"))}</span>`
                : pathHtml(`end:${e.id}`, e.shortest)
            }</li>`,
        )
        .join("")}</ul>
      <h3 class="paths-h">${esc(st("paths.extremes"))}</h3>
      <ul class="paths-extremes">
        ${extreme("best-mood", st("paths.bestMood"), analysis.best.byMood)}
        ${extreme("worst-mood", st("paths.worstMood"), analysis.worst.byMood)}
        ${extreme("cheapest", st("paths.cheapest"), analysis.best.byCost)}
        ${extreme("dearest", st("paths.dearest"), analysis.worst.byCost)}
      </ul>
      <h3 class="paths-h">${esc(st("paths.unreached"))}</h3>
      <ul class="paths-loose">
        <li>${esc(st("paths.unreachedEndings"))}: <span class="${analysis.unreachableEndings.length ? "bad" : ""}">${esc(none(analysis.unreachableEndings))}</span></li>
        <li>${esc(st("paths.unreachedStates"))}: <span class="${analysis.unreachableStates.length ? "bad" : ""}">${esc(none(analysis.unreachableStates))}</span></li>
        <li>${esc(st("paths.deadEnds"))}: <span class="${analysis.deadEnds.length ? "bad" : ""}">${esc(none(analysis.deadEnds))}</span></li>
      </ul>`;
  };

  // Results only: the forms are rebuilt when the plans change, not while the trainer edits the text.
  const drawResults = () => {
    const counts = element.querySelector<HTMLElement>("#plans-counts")!;
    if (!compiled) return;
    const results = runTestPlans(compiled, {
      formatVersion: 1,
      scenario: compiled.scenario.id,
      plans: plans.plans,
    });
    const passed = results.filter((r) => r.passed).length;
    counts.textContent =
      results.length === 0 ? "" : st("plans.counts", { passed, failed: results.length - passed });
    results.forEach((r, i) => {
      const item = list.querySelector<HTMLElement>(`li[data-plan="${i}"]`);
      if (!item) return;
      item.classList.toggle("failed", !r.passed);
      item.querySelector(".plan-status")!.innerHTML =
        `<span class="${r.passed ? "pass" : "fail"}">${esc(r.passed ? st("plans.pass") : st("plans.fail"))}</span> <b>${esc(r.name)}</b> <small>${esc(
          st("plans.outcome", {
            ending: r.endingId ?? st("plans.noEnding"),
            mood: r.meters.mood,
            cost: formatMoney(r.cost, compiled!.scenario.currency, lang()),
          }),
        )}</small>`;
      item.querySelector(".plan-failures")!.innerHTML = r.failures.map((f) => `<li>${esc(f)}</li>`).join("");
    });
  };

  const drawPlans = () => {
    if (!plans.editable) {
      list.innerHTML = `<li class="studio-empty">${esc(st("plans.builtin"))}</li>`;
      return;
    }
    list.innerHTML =
      plans.plans.length === 0
        ? `<li class="studio-empty">${esc(st("plans.none"))}</li>`
        : plans.plans
            .map(
              (plan, i) =>
                `<li data-plan="${i}"><div class="plan-status"></div><ul class="plan-failures"></ul>${planForm(plan, i, compiled)}</li>`,
            )
            .join("");
    drawResults();
  };

  const save = (next: TestPlan[], notify = true) => {
    if (!compiled) return;
    void plans.set(next, compiled.scenario.id, notify);
  };
  list.addEventListener("change", (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>("li[data-plan]");
    if (!item) return;
    const i = Number(item.dataset.plan);
    const plan = plans.plans[i];
    if (!plan) return;
    const next = readPlanForm(item, plan);
    if (next === plan) return;
    const edited = plans.plans.map((p, j) => (j === i ? next : p));
    // A rename or a changed band does not rebuild the form the trainer is in: only the results move.
    save(edited, false);
    drawResults();
  });
  element.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    const playKey = target.closest<HTMLElement>("[data-play]")?.dataset.play;
    if (playKey !== undefined) {
      const path = paths.get(playKey);
      if (path) play(path);
      return;
    }
    const planItem = target.closest<HTMLElement>("li[data-plan]");
    const plan = planItem ? plans.plans[Number(planItem.dataset.plan)] : undefined;
    if (!plan) return;
    if (target.closest(".plan-play")) play(plan.choices);
    else if (target.closest(".plan-delete")) {
      if (!window.confirm(st("plans.confirmDelete", { name: plan.name }))) return;
      save(plans.plans.filter((p) => p !== plan));
    }
  });
  plans.listen(drawPlans);

  return {
    element,
    update(next, analysis) {
      const first = compiled === undefined;
      compiled = next;
      drawAnalysis(analysis);
      if (first) drawPlans();
      else drawResults();
    },
  };
}
