// In-page frame recorder for the projector benchmark. It is page source (a string for page.evaluate),
// because the server's tsconfig has no DOM types and the code runs in Chromium, not in Node.

/**
 * What the recorder hands back for one window: rAF tick times, the ticks in which the canvas drew, and the
 * time the main thread spent in long animation frames (over 50 ms): in scripts, and in the rest
 * (style, layout, paint; WebGL work is issued from scripts).
 */
export type FrameWindow = {
  ticks: number[];
  renders: number[];
  /** rAF time (same clock as `ticks`) at which the page's view first reached the watched phase, if any. */
  phaseAt: number | null;
  /** rAF time of the first frame whose state held the expected tally, if any. */
  shownRaf: number | null;
  longFrames: number;
  scriptMs: number;
  otherMs: number;
};

/**
 * Installs `window.__frames` in the page: a requestAnimationFrame loop that notes every browser frame and,
 * through the draw calls of the visible canvas, which of those frames Phaser actually rendered (the client
 * caps Phaser at 30 fps on a 60 Hz rAF, so the two differ). It also notes the first frame at which the
 * page's projector view shows an expected tally (`expect`), as epoch milliseconds comparable with Node's.
 */
export const installFrameRecorder = `(() => {
  if (window.__frames) return;
  const rec = { on: false, ticks: [], renders: [], drew: false, expect: undefined, shownAt: undefined, arrivedAt: undefined,
    shownRaf: undefined, phase: undefined, phaseAt: undefined, longFrames: 0, scriptMs: 0, otherMs: 0 };
  window.__frames = rec;
  try {
    new PerformanceObserver((list) => {
      if (!rec.on) return;
      for (const e of list.getEntries()) {
        const script = (e.scripts ?? []).reduce((sum, s) => sum + s.duration, 0);
        rec.longFrames += 1;
        rec.scriptMs += script;
        rec.otherMs += Math.max(0, e.duration - script);
      }
    }).observe({ type: "long-animation-frame", buffered: false });
  } catch {
    // Long animation frames are a Chromium feature; without them the breakdown stays zero.
  }
  const drew = () => { rec.drew = true; };
  const gls = [window.WebGLRenderingContext, window.WebGL2RenderingContext].filter(Boolean);
  for (const ctx of gls) {
    for (const name of ["drawElements", "drawArrays", "drawElementsInstanced", "drawArraysInstanced"]) {
      const orig = ctx.prototype[name];
      if (typeof orig !== "function") continue;
      ctx.prototype[name] = function (...args) { drew(); return orig.apply(this, args); };
    }
  }
  // Phaser's canvas renderer (when WebGL is unavailable): only the canvas in the document counts, not the
  // detached canvases that texts are drawn into.
  for (const name of ["drawImage", "fillRect", "fill", "stroke", "putImageData"]) {
    const orig = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (...args) {
      if (this.canvas && this.canvas.isConnected) drew();
      return orig.apply(this, args);
    };
  }
  const matches = (view, expect) =>
    view && view.votesCast === expect.votes &&
    Object.entries(expect.counts).every(([id, n]) => (view.tally.find((l) => l.optionId === id)?.count ?? 0) === n);
  const loop = (t) => {
    if (rec.phase && rec.phaseAt === undefined && window.__hotseat?.state().view?.phase === rec.phase) rec.phaseAt = t;
    if (rec.on) {
      rec.ticks.push(t);
      if (rec.drew) rec.renders.push(t);
    }
    rec.drew = false;
    if (rec.expect && rec.shownAt === undefined && matches(window.__hotseat?.state().view, rec.expect)) {
      rec.shownAt = performance.timeOrigin + performance.now();
      rec.shownRaf = t;
      // A starved timer may not have noticed it yet; it was in the state no later than this frame.
      rec.arrivedAt ??= rec.shownAt;
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  // When the view with the full count reached the page, independent of when a frame next ran.
  setInterval(() => {
    // A page too slow to tick (software WebGL) still notes the phase, on the same clock as rAF times.
    if (rec.phase && rec.phaseAt === undefined && window.__hotseat?.state().view?.phase === rec.phase) {
      rec.phaseAt = performance.now();
    }
    if (rec.expect && rec.arrivedAt === undefined && matches(window.__hotseat?.state().view, rec.expect)) {
      rec.arrivedAt = performance.timeOrigin + performance.now();
    }
  }, 5);
})()`;

/**
 * Page source: starts a recording window, optionally watching for a tally (JSON of { votes, counts }) and for
 * the view reaching a phase (e.g. "revealed", when the meters start to animate).
 */
export function startWindow(
  expect?: { votes: number; counts: Record<string, number> },
  phase?: string,
): string {
  return `(() => { const r = window.__frames; r.ticks = []; r.renders = []; r.on = true;
    r.longFrames = 0; r.scriptMs = 0; r.otherMs = 0;
    r.expect = ${expect ? JSON.stringify(expect) : "undefined"}; r.shownAt = undefined; r.arrivedAt = undefined; r.shownRaf = undefined;
    r.phase = ${phase ? JSON.stringify(phase) : "undefined"}; r.phaseAt = undefined; })()`;
}

/** Page source: ends the window and returns its FrameWindow. */
export const stopWindow = `(() => { const r = window.__frames; r.on = false;
  return { ticks: r.ticks, renders: r.renders, phaseAt: r.phaseAt ?? null, shownRaf: r.shownRaf ?? null, longFrames: r.longFrames,
    scriptMs: r.scriptMs, otherMs: r.otherMs }; })()`;

/** Page source: counts rAF frames on whatever page is open for `ms` milliseconds (the machine's ceiling). */
export function blankFrames(ms: number): string {
  return `new Promise((done) => { const t = []; const loop = (x) => { t.push(x);
    if (x - t[0] < ${ms}) requestAnimationFrame(loop); else done(t); }; requestAnimationFrame(loop); })`;
}

/**
 * Page source: epoch ms at which the expected tally reached the page's state and at which a frame first ran
 * with it (null until then).
 */
export const tallyTimes = `({ arrived: window.__frames.arrivedAt ?? null, shown: window.__frames.shownAt ?? null })`;
