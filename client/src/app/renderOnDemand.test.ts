import type Phaser from "phaser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderOnDemand } from "./renderOnDemand";

/** Phaser's RequestAnimationFrame as the loop drives it: started in animation-frame or timer mode. */
function fakeRaf() {
  const raf = {
    isRunning: true,
    isSetTimeOut: false,
    delay: 1000 / 30,
    callback: () => undefined,
    starts: [] as boolean[],
    stop: () => (raf.isRunning = false),
    start: (callback: () => undefined, onTimer: boolean, delay: number) => {
      Object.assign(raf, { callback, isSetTimeOut: onTimer, delay, isRunning: true });
      raf.starts.push(onTimer);
    },
  };
  return raf;
}

/** A stand-in for the parts of Phaser.Game that Game.step uses to draw: the renderer, scenes and loop. */
function fakeGame() {
  const calls: string[] = [];
  const raf = fakeRaf();
  const game = {
    renderer: { preRender: () => calls.push("pre"), postRender: () => calls.push("post") },
    scene: { isProcessing: true, render: () => calls.push("render") },
    loop: { raf },
  };
  // Game.step's drawing half, in its order.
  const step = () => {
    game.scene.isProcessing = true;
    game.renderer.preRender();
    game.scene.render();
    game.renderer.postRender();
  };
  return { game: game as unknown as Phaser.Game, calls, step, scenes: game.scene, raf };
}

describe("renderOnDemand", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["performance"] }));
  afterEach(() => vi.useRealTimers());

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

  it("steps on a timer once the page is quiet, and on animation frames again with the next frame", () => {
    const { game, step, raf } = fakeGame();
    let want = false;
    renderOnDemand(game, () => ({ wantsFrame: () => want }));
    for (let i = 0; i < 2; i++) step();
    expect(raf.isSetTimeOut).toBe(false);
    step();
    expect(raf.starts).toEqual([true]);
    expect(raf.delay).toBeCloseTo(1000 / 30);
    for (let i = 0; i < 20; i++) step();
    expect(raf.starts).toEqual([true]);
    want = true;
    step();
    expect(raf.starts).toEqual([true, false]);
    expect(raf.isRunning).toBe(true);
  });

  it("leaves a loop that Phaser put to sleep asleep", () => {
    const { game, step, raf } = fakeGame();
    renderOnDemand(game, () => ({ wantsFrame: () => false }));
    raf.isRunning = false;
    for (let i = 0; i < 30; i++) step();
    expect(raf.starts).toEqual([]);
  });

  it("draws at least once a second, whatever the scene says", () => {
    const { game, calls, step } = fakeGame();
    renderOnDemand(game, () => ({ wantsFrame: () => false }));
    step();
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1000);
    step();
    expect(calls).toEqual(["pre", "render", "post"]);
    step();
    expect(calls).toHaveLength(3);
  });
});
