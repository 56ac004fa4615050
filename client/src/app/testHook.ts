import type { HitTarget } from "../ui/hitRegistry";
import type { AppState } from "./store";

/**
 * The test and debugging hook the client puts on `window.__hotseat`: which scene shows what, and where its
 * buttons are on the page. The browser tests read it through this one declaration.
 */
export type HotseatTestHook = {
  /** True once the page has booted its first scene. */
  ready: boolean;
  /** The active scene's key ("home", "trainee", "projector", "trainer", "debrief"). */
  scene: () => string | undefined;
  /** The active scene's view model, as it last drew it. */
  model: () => unknown;
  /** The client's store: connection status, role view, locale. */
  state: () => AppState;
  /** Every clickable canvas target, in page pixels. */
  targets: () => HitTarget[];
  /** True when no tween (meters, face, cost) is moving, so a screenshot shows the settled picture. */
  settled: () => boolean;
};

declare global {
  interface Window {
    __hotseat?: HotseatTestHook;
  }
}

export type { HitTarget };
