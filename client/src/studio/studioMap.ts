import { toSvg } from "@hotseat/shared";
import type { CompiledScenario } from "@hotseat/shared";
import type { MapMarks } from "./mapMarks";
import type { MapZoom } from "./mapZoom";

/**
 * Draws the scenario's map (the same SVG as `hotseat map --format svg`) into `box`, marks the states no run
 * reaches and the selected one, and calls `onSelect` with the state a click lands on.
 */
export function renderStudioMap(
  box: HTMLElement,
  compiled: CompiledScenario,
  marks: MapMarks,
  selected: string | undefined,
  locale: string,
  onSelect: (state: string) => void,
  zoom?: MapZoom,
): void {
  // Redrawn on every change: keep where the trainer scrolled to, and start a fresh map at the first state.
  const first = box.querySelector("svg") === null;
  const [left, top] = [box.scrollLeft, box.scrollTop];
  // The SVG is built by shared's toSvg from the scenario's data, with every text escaped.
  box.innerHTML = toSvg(compiled, locale);
  const svg = box.querySelector("svg");
  if (svg && zoom) zoom.apply(svg);
  box.scrollLeft = left;
  box.scrollTop = top;
  for (const g of box.querySelectorAll<SVGGElement>("g[data-state]")) {
    const state = g.dataset.state ?? "";
    g.classList.toggle("unreachable", marks.unreachable.has(state));
    g.classList.toggle("stuck", marks.stuck.has(state));
    g.classList.toggle("selected", state === selected);
    g.setAttribute("role", "button");
    g.setAttribute("tabindex", "0");
    g.setAttribute("aria-label", state);
    g.addEventListener("click", () => onSelect(state));
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onSelect(state);
      }
    });
  }
  const start = box.querySelector(`g[data-state="${CSS.escape(compiled.scenario.machine.initial)}"]`);
  const focus = box.querySelector("g.selected") ?? (first ? start : null);
  focus?.scrollIntoView({ block: "nearest", inline: first ? "center" : "nearest" });
}
