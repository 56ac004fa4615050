import type Phaser from "phaser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderOnDemand } from "./renderOnDemand";

/**
 * Phaser's RequestAnimationFrame (src/dom/RequestAnimationFrame.js), line for line, over a scheduler the test
 * runs by hand: animation frames and timers are pending calls, so a loop left running twice shows.
 */
function fakeRaf() {
  let nextId = 1;
  const pending = new Map<number, { kind: "frame" | "timer"; run: () => void }>();
  const schedule = (kind: "frame" | "timer", run: () => void) => {
    const id = nextId++;
    pending.set(id, { kind, run });
    return id;
  };
  const raf = {
    isRunning: false,
    isSetTimeOut: false,
    delay: 0,
    timeOutID: 0,
    callback: (_time: number) => undefined as unknown,
    step: (time: number) => {
      raf.callback(time);
      if (raf.isRunning) raf.timeOutID = schedule("frame", () => raf.step(0));
    },
    stepTimeout: () => {
      if (raf.isRunning) raf.timeOutID = schedule("timer", () => raf.stepTimeout());
      raf.callback(0);
    },
    start(callback: (time: number) => unknown, forceSetTimeOut: boolean, delay: number) {
      if (raf.isRunning) return;
      Object.assign(raf, { callback, isSetTimeOut: forceSetTimeOut, delay, isRunning: true });
      raf.timeOutID = forceSetTimeOut
        ? schedule("timer", () => raf.stepTimeout())
        : schedule("frame", () => raf.step(0));
    },
    stop() {
      raf.isRunning = false;
      pending.delete(raf.timeOutID);
    },
  };
  /** Runs every call due now (one tick of each live loop), then the microtasks it queued. */
  const tick = async () => {
    const due = [...pending.entries()];
    for (const [id] of due) pending.delete(id);
    for (const [, call] of due) call.run();
    await Promise.resolve();
  };
  return { raf, tick, pending };
}

/** A stand-in for the parts of Phaser.Game that Game.step uses to draw: the renderer, scenes and loop. */
function fakeGame() {
  const calls: string[] = [];
  const { raf, tick, pending } = fakeRaf();
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
  raf.start(step, false, 1000 / 30);
  const modes = () => [...pending.values()].map((p) => p.kind);
  return { game: game as unknown as Phaser.Game, calls, tick, scenes: game.scene, raf, modes };
}

describe("renderOnDemand", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["performance"] }));
  afterEach(() => vi.useRealTimers());

  it("draws every tick for a scene that cannot say whether it changed", async () => {
    const { game, calls, tick } = fakeGame();
    renderOnDemand(game, () => ({}));
    await tick();
    await tick();
    expect(calls).toEqual(["pre", "render", "post", "pre", "render", "post"]);
  });

  it("skips the ticks a scene calls unchanged and still ends the tick's scene processing", async () => {
    const { game, calls, tick, scenes } = fakeGame();
    const answers = [true, false, true];
    renderOnDemand(game, () => ({ wantsFrame: () => answers.shift() ?? false }));
    await tick();
    expect(calls).toEqual(["pre", "render", "post"]);
    await tick();
    expect(calls).toHaveLength(3);
    expect(scenes.isProcessing).toBe(false);
    await tick();
    expect(calls).toEqual(["pre", "render", "post", "pre", "render", "post"]);
  });

  it("steps on a timer once the page is quiet, and on animation frames again with the next frame", async () => {
    const { game, tick, raf, modes } = fakeGame();
    let want = false;
    renderOnDemand(game, () => ({ wantsFrame: () => want }));
    await tick();
    await tick();
    expect(modes()).toEqual(["frame"]);
    await tick();
    expect(modes()).toEqual(["timer"]);
    expect(raf.delay).toBeCloseTo(1000 / 30);
    for (let i = 0; i < 20; i++) await tick();
    want = true;
    await tick();
    expect(modes()).toEqual(["frame"]);
    // Back and forth many times, and still exactly one loop.
    for (let i = 0; i < 50; i++) {
      want = i % 7 === 0;
      await tick();
      expect(modes()).toHaveLength(1);
    }
  });

  it("leaves a loop that Phaser put to sleep asleep", async () => {
    const { game, tick, raf, modes } = fakeGame();
    renderOnDemand(game, () => ({ wantsFrame: () => false }));
    await tick();
    raf.stop();
    for (let i = 0; i < 30; i++) await tick();
    expect(modes()).toEqual([]);
  });

  it("draws at least once a second, whatever the scene says", async () => {
    const { game, calls, tick } = fakeGame();
    renderOnDemand(game, () => ({ wantsFrame: () => false }));
    await tick();
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1000);
    await tick();
    expect(calls).toEqual(["pre", "render", "post"]);
    await tick();
    expect(calls).toHaveLength(3);
  });
});
