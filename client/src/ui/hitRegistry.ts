import type Phaser from "phaser";

/** A clickable thing on the canvas, described in page (CSS) pixels for tests and keyboard focus. */
export type HitTarget = {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  enabled: boolean;
};

type Rect = { x: number; y: number; w: number; h: number };
type Entry = {
  id: string;
  label: () => string;
  obj: Phaser.GameObjects.Container;
  enabled: () => boolean;
  activate: () => void;
};

/** A container's rectangle in game coordinates (its own size from its top-left, world-transformed). */
export function worldRect(obj: Phaser.GameObjects.Container): Rect {
  const m = obj.getWorldTransformMatrix();
  // Scenes may scroll their camera (long card lists on phones): report what is on screen.
  const cam = obj.scene.cameras.main;
  return { x: m.tx - cam.scrollX, y: m.ty - cam.scrollY, w: obj.width * m.scaleX, h: obj.height * m.scaleY };
}

/** Whether the object and every parent is visible, so hidden panels' buttons are not offered. */
function shown(obj: Phaser.GameObjects.Container): boolean {
  for (let o: Phaser.GameObjects.Container | null = obj; o; o = o.parentContainer)
    if (!o.visible || !o.active) return false;
  return true;
}

const entries = new Map<string, Entry>();
let focused: string | undefined;

/** Registers a clickable object under a stable id (e.g. `option.ask-what-happened`). */
export function registerHit(entry: Entry): void {
  entries.set(entry.id, entry);
  entry.obj.once("destroy", () => {
    if (entries.get(entry.id) === entry) entries.delete(entry.id);
  });
}

/** The id of the button the keyboard focus is on, if any. */
export function focusedId(): string | undefined {
  return focused && entries.has(focused) ? focused : undefined;
}

/** The registered object with this id, if it is on screen. */
export function hitObject(id: string): Phaser.GameObjects.Container | undefined {
  return entries.get(id)?.obj;
}

/** Moves the keyboard focus to the next (or previous) enabled visible button, in reading order. */
export function moveFocus(step: 1 | -1): string | undefined {
  const list = [...entries.values()]
    .filter((e) => e.enabled() && shown(e.obj))
    .sort((a, b) => {
      const ba = worldRect(a.obj);
      const bb = worldRect(b.obj);
      return Math.abs(ba.y - bb.y) > 8 ? ba.y - bb.y : ba.x - bb.x;
    });
  if (list.length === 0) return (focused = undefined);
  const at = list.findIndex((e) => e.id === focused);
  const next = list[(at + step + list.length) % list.length] ?? list[0];
  focused = next?.id;
  return focused;
}

/** Activates the focused button (Enter/Space). */
export function activateFocused(): void {
  const e = focused ? entries.get(focused) : undefined;
  if (e && e.enabled()) e.activate();
}

/** Every registered target in page coordinates: what `window.__hotseat.targets()` returns to tests. */
export function hitTargets(canvas: HTMLCanvasElement, gameWidth: number, gameHeight: number): HitTarget[] {
  const rect = canvas.getBoundingClientRect();
  const sx = rect.width / gameWidth;
  const sy = rect.height / gameHeight;
  return [...entries.values()]
    .filter((e) => shown(e.obj))
    .map((e) => {
      const b = worldRect(e.obj);
      return {
        id: e.id,
        label: e.label(),
        x: rect.left + b.x * sx,
        y: rect.top + b.y * sy,
        w: b.w * sx,
        h: b.h * sy,
        enabled: e.enabled(),
      };
    });
}

/**
 * Activates the target with this id as a click on it would (the accessible layer's buttons call this, so a
 * DOM button and its canvas card do exactly the same). Returns whether the target was there and enabled.
 */
export function activateHit(id: string): boolean {
  const e = entries.get(id);
  if (!e || !e.enabled() || !shown(e.obj)) return false;
  e.activate();
  return true;
}
