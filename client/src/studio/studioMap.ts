import { toSvg } from "@hotseat/shared";
import type { CompiledScenario } from "@hotseat/shared";
import type { MapMarks } from "./mapMarks";

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
): void {
  // The SVG is built by shared's toSvg from the scenario's data, with every text escaped.
  box.innerHTML = toSvg(compiled, locale);
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
  box.querySelector("g.selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
}
