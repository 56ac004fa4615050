import type Phaser from "phaser";

/** A scene that can tell whether its next frame would differ from the last one drawn. */
export type OnDemandScene = { wantsFrame(): boolean };

/** The scene event a widget emits when it changed its own pixels outside a redraw (a face's blink). */
export const frameRequest = "hotseat.frameRequest";

/** Ticks in a row without a frame before the loop stops asking the browser for animation frames. */
const idleAfterTicks = 3;
/** The longest a scene goes without a frame, whatever it says: a widget that forgot to ask shows late, not never. */
const maxFrameGapMs = 1000;

function isOnDemand(scene: unknown): scene is OnDemandScene {
  return typeof (scene as Partial<OnDemandScene> | undefined)?.wantsFrame === "function";
}

/**
 * Skips drawing frames that would repeat the last one. The game loop still runs every tick (updates, tweens,
 * timers, input), but when the scene on screen implements `wantsFrame()` and answers no, the canvas is left
 * as it is: a 2D canvas keeps its pixels, and a WebGL canvas that draws nothing shows its last frame. Scenes
 * without `wantsFrame()` draw every tick as before. Call once the game is ready (the renderer exists).
 *
 * An idle page also stops asking for animation frames: a requestAnimationFrame loop alone makes the browser
 * produce a frame 60 times a second (a tenth of a core in headless Chromium, and a phone's battery), even when
 * nothing is drawn. After {@link idleAfterTicks} quiet ticks the loop steps on a timer at the same rate
 * instead, so timers, tweens and input still run, and it goes back to animation frames with the next frame.
 */
export function renderOnDemand(game: Phaser.Game, onScreen: () => unknown): void {
  const renderer = game.renderer;
  const scenes = game.scene as Phaser.Scenes.SceneManager & { isProcessing: boolean };
  const raf = game.loop.raf;
  const preRender = renderer.preRender.bind(renderer);
  const render = scenes.render.bind(scenes);
  const postRender = renderer.postRender.bind(renderer);
  let skip = false;
  let quietTicks = 0;
  let lastFrameAt = performance.now();
  /**
   * Moves the loop between animation frames and a timer; Phaser's own sleep and wake keep working. Done
   * after the tick: the tick runs inside Phaser's step, which schedules its next call once the tick returns,
   * and a switch made inside it would leave that call running beside the new one (two loops, then more).
   */
  let switching = false;
  const stepOnTimer = (on: boolean) => {
    if (switching || !raf.isRunning || raf.isSetTimeOut === on) return;
    switching = true;
    queueMicrotask(() => {
      switching = false;
      if (!raf.isRunning || raf.isSetTimeOut === on) return;
      const step = raf.callback;
      raf.stop();
      raf.start(step, on, raf.delay);
    });
  };
  // Game.step calls these three in order after updating the scenes, so the answer covers this tick's changes.
  renderer.preRender = () => {
    const scene = onScreen();
    const now = performance.now();
    skip = isOnDemand(scene) && !scene.wantsFrame() && now - lastFrameAt < maxFrameGapMs;
    if (skip) {
      if (++quietTicks === idleAfterTicks) stepOnTimer(true);
      return;
    }
    quietTicks = 0;
    lastFrameAt = now;
    stepOnTimer(false);
    preRender();
  };
  scenes.render = (r: Phaser.Renderer.Canvas.CanvasRenderer | Phaser.Renderer.WebGL.WebGLRenderer) => {
    // SceneManager.render also ends the tick's scene processing (queued starts and stops wait on it).
    if (skip) scenes.isProcessing = false;
    else render(r);
  };
  renderer.postRender = () => {
    if (!skip) postRender();
  };
}
