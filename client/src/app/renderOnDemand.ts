import type Phaser from "phaser";

/** A scene that can tell whether its next frame would differ from the last one drawn. */
export type OnDemandScene = { wantsFrame(): boolean };

function isOnDemand(scene: unknown): scene is OnDemandScene {
  return typeof (scene as Partial<OnDemandScene> | undefined)?.wantsFrame === "function";
}

/**
 * Skips drawing frames that would repeat the last one. The game loop still runs every tick (updates, tweens,
 * timers, input), but when the scene on screen implements `wantsFrame()` and answers no, the canvas is left
 * as it is: a 2D canvas keeps its pixels, and a WebGL canvas that draws nothing shows its last frame. Scenes
 * without `wantsFrame()` draw every tick as before. Call once the game is ready (the renderer exists).
 */
export function renderOnDemand(game: Phaser.Game, onScreen: () => unknown): void {
  const renderer = game.renderer;
  const scenes = game.scene as Phaser.Scenes.SceneManager & { isProcessing: boolean };
  const preRender = renderer.preRender.bind(renderer);
  const render = scenes.render.bind(scenes);
  const postRender = renderer.postRender.bind(renderer);
  let skip = false;
  // Game.step calls these three in order after updating the scenes, so the answer covers this tick's changes.
  renderer.preRender = () => {
    const scene = onScreen();
    skip = isOnDemand(scene) && !scene.wantsFrame();
    if (!skip) preRender();
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
