import type Phaser from "phaser";
import { describe, expect, it } from "vitest";
import { renderOnDemand } from "./renderOnDemand";

/** A stand-in for the parts of Phaser.Game that Game.step uses to draw: the renderer and the scene manager. */
function fakeGame() {
  const calls: string[] = [];
  const game = {
    renderer: { preRender: () => calls.push("pre"), postRender: () => calls.push("post") },
    scene: { isProcessing: true, render: () => calls.push("render") },
  };
  // Game.step's drawing half, in its order.
  const step = () => {
    game.scene.isProcessing = true;
    game.renderer.preRender();
    game.scene.render();
    game.renderer.postRender();
  };
  return { game: game as unknown as Phaser.Game, calls, step, scenes: game.scene };
}

describe("renderOnDemand", () => {
  it("draws every tick for a scene that cannot say whether it changed", () => {
    const { game, calls, step } = fakeGame();
    renderOnDemand(game, () => ({}));
    step();
    step();
    expect(calls).toEqual(["pre", "render", "post", "pre", "render", "post"]);
  });

  it("skips the ticks a scene calls unchanged and still ends the tick's scene processing", () => {
    const { game, calls, step, scenes } = fakeGame();
    const answers = [true, false, true];
    renderOnDemand(game, () => ({ wantsFrame: () => answers.shift() ?? false }));
    step();
    expect(calls).toEqual(["pre", "render", "post"]);
    step();
    expect(calls).toHaveLength(3);
    expect(scenes.isProcessing).toBe(false);
    step();
    expect(calls).toEqual(["pre", "render", "post", "pre", "render", "post"]);
  });
});
