import type { RevealCue } from "../viewModel/revealTimeline";

/** Whether the page can play the cues now: "locked" until the browser has seen a gesture on this page. */
export type CueState = "off" | "locked" | "ready" | "unsupported";

type Tone = { type: OscillatorType; from: number; to: number; at: number; length: number; gain: number };

/**
 * The notes of each cue, synthesised (no audio files): a soft tick as the tally settles, a rising or falling
 * pair of notes for a good or a bad reaction, a bright two-note "ka-ching" per cost item. Quiet on purpose:
 * the room's speaker plays them under the trainer's voice.
 */
const cueTones: Record<RevealCue, Tone[]> = {
  tick: [{ type: "triangle", from: 1900, to: 1500, at: 0, length: 0.05, gain: 0.18 }],
  rise: [
    { type: "sine", from: 440, to: 440, at: 0, length: 0.16, gain: 0.22 },
    { type: "sine", from: 660, to: 700, at: 0.14, length: 0.3, gain: 0.22 },
  ],
  fall: [
    { type: "sine", from: 440, to: 440, at: 0, length: 0.16, gain: 0.22 },
    { type: "sine", from: 330, to: 290, at: 0.14, length: 0.34, gain: 0.22 },
  ],
  blip: [
    { type: "square", from: 1568, to: 1568, at: 0, length: 0.05, gain: 0.07 },
    { type: "square", from: 2093, to: 2093, at: 0.06, length: 0.11, gain: 0.07 },
  ],
};

/**
 * The wall's sound cues through Web Audio. Browsers let a page start audio only after a gesture on that
 * page (a click, a key): until then the cues are "locked" and the projector shows a one-time hint; `unlock()`
 * is called from that gesture. Nothing is created while sound is off.
 */
export class RevealCues {
  private ctx?: AudioContext;
  private on = false;

  /** Turns the cues on or off (the trainer's switch, as the wall's view carries it). */
  setOn(on: boolean): void {
    this.on = on;
    if (on) this.context();
  }

  /** Where the cues stand: off, waiting for a gesture, ready, or impossible in this browser. */
  get state(): CueState {
    if (!this.on) return "off";
    const ctx = this.context();
    if (!ctx) return "unsupported";
    return ctx.state === "running" ? "ready" : "locked";
  }

  /** Called from a user gesture on this page: lets audio start. Resolves once the context runs (or cannot). */
  async unlock(): Promise<void> {
    const ctx = this.context();
    if (ctx && ctx.state !== "running") await ctx.resume().catch(() => undefined);
  }

  /** Plays `cue` now, when sound is on and the page may play it; otherwise does nothing. */
  play(cue: RevealCue): void {
    if (this.state !== "ready" || !this.ctx) return;
    const ctx = this.ctx;
    const now = ctx.currentTime;
    for (const tone of cueTones[cue]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.type;
      const start = now + tone.at;
      const end = start + tone.length;
      osc.frequency.setValueAtTime(tone.from, start);
      osc.frequency.exponentialRampToValueAtTime(tone.to, end);
      // A short attack and an exponential release: no clicks at the edges.
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(tone.gain, start + 0.008);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }
  }

  /** The page's one audio context, made on first need (never while sound is off). */
  private context(): AudioContext | undefined {
    if (this.ctx) return this.ctx;
    const Ctor =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return undefined;
    try {
      this.ctx = new Ctor();
    } catch {
      return undefined;
    }
    return this.ctx;
  }
}
