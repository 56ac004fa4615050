import "./studioTools.css";

/** The map's zoom: applied to every freshly drawn SVG, so a redraw keeps the trainer's zoom. */
export type MapZoom = { apply: (svg: SVGSVGElement) => void; fit: () => void };

const minScale = 0.15;
const maxScale = 3;
const clamp = (s: number) => Math.min(maxScale, Math.max(minScale, s));

/** The words of the zoom buttons, in the page's language. */
export type ZoomWords = { zoomIn: string; zoomOut: string; fit: string; actual: string };

/**
 * Zoom and pan for the map in `box` (a scrolling element): buttons in `controls`, the wheel with Ctrl (and a
 * touchpad's pinch, which the browser sends as one), two-finger pinch on a touch screen, and dragging the
 * background to pan. "Fit" shows the whole map and keeps fitting it on redraws until the trainer zooms.
 */
export function mapZoom(box: HTMLElement, controls: HTMLElement, words: ZoomWords): MapZoom {
  let scale = 1;
  let fitting = false;
  controls.innerHTML = `<button type="button" data-zoom="out" aria-label="${words.zoomOut}" title="${words.zoomOut}">−</button>
    <button type="button" data-zoom="actual" title="${words.actual}" aria-label="${words.actual}"><span data-zoom-level>100%</span></button>
    <button type="button" data-zoom="in" aria-label="${words.zoomIn}" title="${words.zoomIn}">+</button>
    <button type="button" data-zoom="fit">${words.fit}</button>`;
  const level = controls.querySelector<HTMLElement>("[data-zoom-level]");
  const svgOf = () => box.querySelector<SVGSVGElement>("svg");
  const natural = (svg: SVGSVGElement) => {
    const [, , w = 1, h = 1] = (svg.getAttribute("viewBox") ?? "0 0 1 1").split(" ").map(Number);
    return { w, h };
  };
  const size = (svg: SVGSVGElement) => {
    const { w, h } = natural(svg);
    svg.setAttribute("width", String(Math.round(w * scale)));
    svg.setAttribute("height", String(Math.round(h * scale)));
    box.dataset.zoom = scale.toFixed(3);
    if (level) level.textContent = `${Math.round(scale * 100)}%`;
  };
  const fitScale = (svg: SVGSVGElement) => {
    const { w, h } = natural(svg);
    return clamp(Math.min((box.clientWidth - 4) / w, (box.clientHeight - 4) / h));
  };
  // Zooms keeping the map's point under (x, y) of the box where it is.
  const zoomTo = (next: number, x = box.clientWidth / 2, y = box.clientHeight / 2) => {
    const svg = svgOf();
    fitting = false;
    if (!svg) return;
    const ratio = clamp(next) / scale;
    const [left, top] = [box.scrollLeft, box.scrollTop];
    scale = clamp(next);
    size(svg);
    box.scrollLeft = (left + x) * ratio - x;
    box.scrollTop = (top + y) * ratio - y;
  };
  const fit = () => {
    const svg = svgOf();
    if (!svg) return;
    scale = fitScale(svg);
    fitting = true;
    size(svg);
    box.scrollLeft = 0;
    box.scrollTop = 0;
  };

  controls.addEventListener("click", (e) => {
    const which = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-zoom]")?.dataset.zoom;
    if (which === "in") zoomTo(scale * 1.25);
    else if (which === "out") zoomTo(scale / 1.25);
    else if (which === "actual") zoomTo(1);
    else if (which === "fit") fit();
  });
  box.addEventListener(
    "wheel",
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const r = box.getBoundingClientRect();
      zoomTo(scale * Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );

  // Dragging the background pans; two touching fingers pinch. A press on a state stays a click.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch: { distance: number; scale: number } | undefined;
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  box.addEventListener("pointerdown", (e) => {
    if ((e.target as Element).closest("g[data-state]") && pointers.size === 0) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    box.setPointerCapture(e.pointerId);
    if (pointers.size === 2) pinch = { distance: spread(), scale };
    box.classList.add("panning");
  });
  box.addEventListener("pointermove", (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size === 2 && pinch.distance > 0) {
      const r = box.getBoundingClientRect();
      const [a, b] = [...pointers.values()];
      zoomTo(
        (pinch.scale * spread()) / pinch.distance,
        ((a?.x ?? 0) + (b?.x ?? 0)) / 2 - r.left,
        ((a?.y ?? 0) + (b?.y ?? 0)) / 2 - r.top,
      );
      return;
    }
    box.scrollLeft -= e.clientX - last.x;
    box.scrollTop -= e.clientY - last.y;
  });
  const release = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = undefined;
    if (pointers.size === 0) box.classList.remove("panning");
  };
  box.addEventListener("pointerup", release);
  box.addEventListener("pointercancel", release);

  return {
    apply: (svg) => {
      if (fitting) scale = fitScale(svg);
      size(svg);
    },
    fit,
  };
}
