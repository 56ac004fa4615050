import { toSvg } from "@hotseat/shared";
import type { CompiledScenario } from "@hotseat/shared";
import type { MapMarks } from "./mapMarks";
import type { MapZoom } from "./mapZoom";

// What each map box shows now: the SVG text it was built from, and whom a click on a state tells.
const drawn = new WeakMap<
  HTMLElement,
  { svg: string; selected: string | undefined; onSelect: (state: string) => void }
>();

// A state's tooltip holds its whole line; the box shows only the start. Typing further along changes
// nothing but tooltips, which are set in place.
const titles = /<title>([^<]*)<\/title>/g;
const withoutTitles = (svg: string) => svg.replace(titles, "<title></title>");
const decoder = document.createElement("textarea");
const decoded = (html: string) => {
  decoder.innerHTML = html;
  return decoder.value;
};

/** Sets the tooltips of the map shown when `svg` draws the same as it; false when it does not. */
function updateTitles(box: HTMLElement, shown: string, svg: string): boolean {
  if (withoutTitles(shown) !== withoutTitles(svg)) return false;
  const texts = [...svg.matchAll(titles)].map((m) => decoded(m[1] ?? ""));
  const elements = box.querySelectorAll("svg title");
  if (elements.length !== texts.length) return false;
  elements.forEach((el, i) => {
    if (el.textContent !== texts[i]) el.textContent = texts[i] ?? "";
  });
  return true;
}

/** The state a click or key lands on, through the box's own listeners (the SVG is replaced, the box stays). */
function listen(box: HTMLElement): void {
  const stateOf = (e: Event) => (e.target as Element).closest<SVGGElement>("g[data-state]")?.dataset.state;
  box.addEventListener("click", (e) => {
    const state = stateOf(e);
    if (state !== undefined) drawn.get(box)?.onSelect(state);
  });
  box.addEventListener("keydown", (e) => {
    const state = stateOf(e);
    if (state === undefined || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    drawn.get(box)?.onSelect(state);
  });
}

/**
 * Draws the scenario's map (the same SVG as `hotseat map --format svg`) into `box`, marks the states no run
 * reaches and the selected one, and calls `onSelect` with the state a click lands on. The SVG is rebuilt
 * only when it draws differently from the one shown: a keystroke that changes only tooltips (most typing in
 * a long text, whose box shows only its start) costs building the SVG text, not the page's layout.
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
  const svgText = toSvg(compiled, locale);
  const before = drawn.get(box);
  if (!before) listen(box);
  drawn.set(box, { svg: svgText, selected, onSelect });
  const first = box.querySelector("svg") === null;
  const same =
    before !== undefined && !first && (before.svg === svgText || updateTitles(box, before.svg, svgText));
  if (!same) {
    // Redrawn: keep where the trainer scrolled to, and start a fresh map at the first state.
    const [left, top] = [box.scrollLeft, box.scrollTop];
    // The SVG is built by shared's toSvg from the scenario's data, with every text escaped.
    box.innerHTML = svgText;
    const svg = box.querySelector("svg");
    if (svg && zoom) zoom.apply(svg);
    box.scrollLeft = left;
    box.scrollTop = top;
    for (const g of box.querySelectorAll<SVGGElement>("g[data-state]")) {
      g.setAttribute("role", "button");
      g.setAttribute("tabindex", "0");
      g.setAttribute("aria-label", g.dataset.state ?? "");
    }
  }
  for (const g of box.querySelectorAll<SVGGElement>("g[data-state]")) {
    const state = g.dataset.state ?? "";
    g.classList.toggle("unreachable", marks.unreachable.has(state));
    g.classList.toggle("stuck", marks.stuck.has(state));
    g.classList.toggle("selected", state === selected);
  }
  // Scrolling costs a layout: only for a new drawing or another selected state, not for every keystroke.
  if (same && before.selected === selected) return;
  const start = box.querySelector(`g[data-state="${CSS.escape(compiled.scenario.machine.initial)}"]`);
  const focus = box.querySelector("g.selected") ?? (first ? start : null);
  focus?.scrollIntoView({ block: "nearest", inline: first ? "center" : "nearest" });
}
