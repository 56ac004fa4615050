import type { CompiledScenario, PathAnalysis } from "@hotseat/shared";
import { analyzePaths } from "@hotseat/shared";
import { esc } from "./dom";
import { DraftPlans } from "./paths/draftPlans";
import { pathsPanel } from "./paths/pathsPanel";
import type { PathsPanel } from "./paths/pathsPanel";
import { previewPanel } from "./preview/previewPanel";
import type { PreviewPanel } from "./preview/previewPanel";
import "./preview/preview.css";
import { reasonOf } from "./studioPage";
import { st } from "./studioStrings";

type Tab = "map" | "preview" | "paths";

/** What the editor tells the side column, and asks of it. */
export type RunPanels = {
  /** The scenario was opened: a draft (its plans load) or a read-only built-in. */
  open: (draftId: string | undefined) => void;
  /** The text was checked; `compiled` is undefined while it has errors (the panels keep the last good one). */
  update: (compiled: CompiledScenario | undefined, analysis: PathAnalysis | undefined) => void;
  /** A state was clicked on the map: the preview, when open, jumps there. */
  selectState: (stateId: string) => void;
};

/**
 * Tabs in the editor's side column: Map & problems (what was there), Preview and Paths & tests. The map
 * stays beside the preview, so clicking a state there moves the preview to it.
 */
export function mountRunPanels(side: HTMLElement): RunPanels {
  const note = (text: string) => {
    const p = side.querySelector<HTMLElement>("#plans-note");
    if (p) p.textContent = text;
  };
  let plans = new DraftPlans(undefined, () => undefined);
  let preview: PreviewPanel | undefined;
  let paths: PathsPanel | undefined;
  let scenarioId: string | undefined;
  let tab: Tab = "map";
  let pending: { compiled: CompiledScenario; analysis: PathAnalysis | undefined } | undefined;

  const tabs = document.createElement("div");
  tabs.className = "studio-tabs";
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", st("tabs.label"));
  const names: [Tab, string][] = [
    ["map", st("tabs.map")],
    ["preview", st("tabs.preview")],
    ["paths", st("tabs.paths")],
  ];
  tabs.innerHTML = names
    .map(
      ([id, label]) =>
        `<button type="button" role="tab" id="studio-tab-${id}" aria-controls="studio-${id === "map" ? "map" : id}" aria-selected="${id === tab}" tabindex="${id === tab ? 0 : -1}">${esc(label)}</button>`,
    )
    .join("");
  side.prepend(tabs);
  side.dataset.tab = tab;

  // The analysis runs only while its tab is shown: the editor's own checks stay as fast as before.
  const refresh = () => {
    if (!pending) return;
    const { compiled, analysis } = pending;
    const started = performance.now();
    if (tab === "preview") preview?.update(compiled);
    if (tab === "paths") {
      paths?.update(
        compiled,
        analysis && !analysis.truncated ? analysis : analyzePaths(compiled, { graphCheck: false }),
      );
    }
    // How long the open tab took to follow the text, for the browser test to print (it must stay fast).
    side.dataset.refreshMs = (performance.now() - started).toFixed(1);
  };
  const show = (next: Tab, focus = false) => {
    tab = next;
    side.dataset.tab = next;
    for (const button of tabs.querySelectorAll<HTMLButtonElement>("[role=tab]")) {
      const on = button.id === `studio-tab-${next}`;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      if (on && focus) button.focus();
    }
    refresh();
  };
  tabs.addEventListener("click", (e) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>("[role=tab]")?.id.replace("studio-tab-", "");
    if (id) show(id as Tab);
  });
  tabs.addEventListener("keydown", (e) => {
    const order = names.map(([id]) => id);
    const at = order.indexOf(tab);
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    show(order[(at + step + order.length) % order.length]!, true);
  });

  return {
    open(draftId) {
      plans = new DraftPlans(draftId, (outcome) => {
        if (outcome.ok) return note(st("plans.saved"));
        if (DraftPlans.isStale(outcome.error)) return note(st("plans.stale"));
        note(st("plans.saveFailed", { reason: reasonOf(outcome.error) }));
      });
      preview = previewPanel(plans, () => scenarioId);
      paths = pathsPanel(plans, (choices) => {
        show("preview");
        preview?.play(choices);
      });
      side.append(preview.element, paths.element);
      plans.load().catch((e: unknown) => note(st("plans.saveFailed", { reason: reasonOf(e) })));
    },
    update(compiled, analysis) {
      if (!compiled) return;
      scenarioId = compiled.scenario.id;
      pending = { compiled, analysis };
      refresh();
    },
    selectState(stateId) {
      if (tab === "preview") preview?.jump(stateId);
    },
  };
}
