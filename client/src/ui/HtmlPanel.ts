import type Phaser from "phaser";

/**
 * A plain HTML form laid over the canvas at a rectangle given in game coordinates. Text inputs,
 * selects and file pickers stay real DOM elements (keyboards, autofill, screen readers all work);
 * the panel follows the canvas scale and is removed when its scene shuts down.
 */
export function htmlPanel(
  scene: Phaser.Scene,
  rect: { x: number; y: number; w: number; h?: number },
  html: string,
  id: string,
): HTMLDivElement {
  const overlay = document.getElementById("overlay") ?? document.body;
  document.getElementById(id)?.remove();
  const el = document.createElement("div");
  el.id = id;
  el.className = "hs-panel";
  el.innerHTML = html;
  overlay.appendChild(el);
  const place = () => {
    const canvas = scene.game.canvas;
    const box = canvas.getBoundingClientRect();
    const s = box.width / scene.scale.width;
    el.style.left = `${box.left + rect.x * s}px`;
    el.style.top = `${box.top + rect.y * s}px`;
    el.style.width = `${rect.w}px`;
    if (rect.h) {
      // A fixed height scrolls inside, so a long form on a short phone stays reachable.
      el.style.maxHeight = `${rect.h}px`;
      el.style.overflowY = "auto";
    }
    el.style.transformOrigin = "0 0";
    el.style.transform = `scale(${s})`;
  };
  place();
  scene.scale.on("resize", place);
  window.addEventListener("resize", place);
  const remove = () => {
    scene.scale.off("resize", place);
    window.removeEventListener("resize", place);
    el.remove();
  };
  scene.events.once("shutdown", remove);
  return el;
}

/** Escapes text for safe insertion into panel HTML. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
