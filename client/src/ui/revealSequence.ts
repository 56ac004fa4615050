import Phaser from "phaser";
import type { RevealCue, RevealPlan, RevealStep } from "../viewModel/revealTimeline";
import { stepsStarting } from "../viewModel/revealTimeline";
import type { Tally, TallyRow } from "./Tally";
import { theme } from "./theme";

/** Which moment of the reveal a drawn object belongs to; untagged objects show from the start. */
export type RevealTag = "line" | "chosen" | "tags" | "feedback" | "ending" | "tally";

const tagKey = "revealPart";

/** Marks `obj` as part of a moment of the reveal, so the sequence can hold it back until then. */
export function tagPart<T extends Phaser.GameObjects.GameObject>(obj: T, tag: RevealTag): T {
  obj.setData(tagKey, tag);
  return obj;
}

function tagOf(obj: Phaser.GameObjects.GameObject): RevealTag | undefined {
  return obj.getData(tagKey) as RevealTag | undefined;
}

/** What the scene moves for the sequence: the face, the meters, the cost ticker's stages, the sounds. */
export type RevealActors = {
  /** Turns the face to its new feeling (animated). */
  face: () => void;
  /** Moves the mood meter and the other bars to their new values (animated). */
  meters: () => void;
  /** Shows the cost ticker at stage `item` (one more ledger item added). */
  cost: (item: number) => void;
  /** Plays a sound cue (the scene decides whether sound is on). */
  cue: (cue: RevealCue) => void;
  /** Puts face, meters and cost at their final values at once (a skip). */
  finish: () => void;
};

/** The wall as it was before the reveal: its frame, and the tally the room watched (with the final counts). */
export type RevealBefore = {
  frame: Phaser.GameObjects.Container;
  tally?: { rows: TallyRow[]; chosen: number };
};

/**
 * Plays one reveal on the wall from a timeline: the final frame is already drawn (`after`); its tagged parts
 * are held back and brought in at their moments, while the frame before (`before`) keeps its customer line
 * and tally until the reaction. One driving tween runs the clock, so the scene's "is anything moving"
 * checks (frames on demand, the test hook's `settled`) see the sequence as running. `skip()` or the end
 * leaves exactly the final frame, the one a wall that joins late draws.
 */
export class RevealSequence {
  private readonly tweens: Phaser.Tweens.Tween[] = [];
  /** Parts moved down to rise into place, with where they belong (a skip puts them there). */
  private readonly lifted: [{ y: number }, number][] = [];
  private readonly overlay: Phaser.GameObjects.Graphics;
  /** Short-lived shapes (the settling flash), gone at the end or on a skip. */
  private readonly temps: Phaser.GameObjects.GameObject[] = [];
  private driver?: Phaser.Tweens.Tween;
  private clock = -1;
  private done = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly plan: RevealPlan,
    private readonly before: RevealBefore | undefined,
    private readonly after: Phaser.GameObjects.Container,
    private readonly actors: RevealActors,
    private readonly onDone: () => void,
  ) {
    this.overlay = scene.add.graphics().setDepth(5);
  }

  /** Whether the sequence is still playing. */
  get running(): boolean {
    return !this.done;
  }

  /** Hides what comes later and starts the clock. */
  start(): void {
    // The new frame's tally parts (none today) would have no moment of their own: they show from the start.
    for (const obj of this.after.list) {
      const tag = tagOf(obj);
      if (tag !== undefined && tag !== "tally") this.setAlpha(obj, 0);
    }
    // The old frame keeps only what the room was looking at: the line and the tally. The rest (title, phase)
    // is drawn again in the new frame.
    if (this.before)
      for (const obj of this.before.frame.list) {
        const tag = tagOf(obj);
        if (tag !== "line" && tag !== "tally") this.setAlpha(obj, 0);
      }
    const state = { t: 0 };
    this.run(stepsStarting(this.plan, -1, 0));
    this.clock = 0;
    this.driver = this.scene.tweens.add({
      targets: state,
      t: this.plan.total,
      duration: Math.max(1, this.plan.total),
      ease: "Linear",
      onUpdate: () => {
        const due = stepsStarting(this.plan, this.clock, state.t);
        this.clock = state.t;
        this.run(due);
      },
      onComplete: () => this.finish(),
    });
  }

  /** Finishes at once: the final frame, as a wall that joins now would draw it. */
  skip(): void {
    if (this.done) return;
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.driver?.stop();
    for (const tw of this.tweens) tw.stop();
    this.tweens.length = 0;
    this.overlay.destroy();
    for (const obj of this.temps) obj.destroy();
    this.before?.frame.destroy();
    for (const obj of this.after.list) if (tagOf(obj) !== undefined) this.setAlpha(obj, 1);
    for (const [obj, y] of this.lifted) obj.y = y;
    this.actors.finish();
    this.onDone();
  }

  private run(steps: RevealStep[]): void {
    for (const step of steps) {
      if (step.cue) this.actors.cue(step.cue);
      switch (step.part) {
        case "settle":
          this.settle(step);
          break;
        case "highlight":
          this.highlight(step);
          break;
        case "react":
          this.react(step);
          break;
        case "meters":
          this.actors.meters();
          break;
        case "cost":
          this.actors.cost(step.item ?? 0);
          break;
        case "feedback":
          this.fadeIn("tags", 0, step.duration * 0.5);
          this.fadeIn("feedback", step.duration * 0.3, step.duration * 0.7);
          this.fadeIn("ending", step.duration * 0.5, step.duration * 0.5);
          break;
      }
    }
  }

  private tallyObject(): Tally | undefined {
    return this.before?.frame.list.find(
      (o): o is Tally => tagOf(o) === "tally" && o instanceof Phaser.GameObjects.Container,
    );
  }

  /** The last votes land: the bars take their final counts and the panel flashes once. */
  private settle(step: RevealStep): void {
    const tally = this.tallyObject();
    const rows = this.before?.tally?.rows;
    if (!tally || !rows) return;
    tally.set(rows);
    const flash = this.scene.add
      .rectangle(tally.x - 12, tally.y - 8, tally.width + 24, tally.height + 16, 0xffffff, 0.22)
      .setOrigin(0, 0)
      .setDepth(5);
    this.temps.push(flash);
    this.track(
      this.scene.tweens.add({
        targets: flash,
        alpha: 0,
        duration: step.duration,
        ease: "Quad.easeOut",
        onComplete: () => flash.destroy(),
      }),
    );
  }

  /** The chosen answer stands out from the tally, then takes the tally's place as the panel's heading. */
  private highlight(step: RevealStep): void {
    const tally = this.tallyObject();
    const chosen = this.before?.tally?.chosen ?? -1;
    const rect = tally && chosen >= 0 ? tally.rowRect(chosen) : undefined;
    if (tally && rect) {
      const g = this.overlay;
      // Dim every other row, frame the chosen one.
      const rows = this.before?.tally?.rows.length ?? 0;
      for (let i = 0; i < rows; i++) {
        if (i === chosen) continue;
        const r = tally.rowRect(i);
        g.fillStyle(theme.bg, 0.6).fillRect(tally.x + r.x, tally.y + r.y, r.w, r.h);
      }
      g.lineStyle(6, theme.accent, 1).strokeRoundedRect(
        tally.x + rect.x - 10,
        tally.y + rect.y - 2,
        rect.w + 20,
        rect.h + 4,
        12,
      );
      g.setAlpha(0);
      this.track(this.scene.tweens.add({ targets: g, alpha: 1, duration: step.duration * 0.3 }));
      // Then the tally (and its frame) give way to the chosen answer's text.
      const away = [...this.tagged(this.before?.frame, "tally"), g];
      this.track(
        this.scene.tweens.add({
          targets: away,
          alpha: 0,
          delay: step.duration * 0.65,
          duration: step.duration * 0.3,
        }),
      );
      this.fadeIn("chosen", step.duration * 0.7, step.duration * 0.3);
      return;
    }
    // No tally: the old options go, and the chosen answer arrives with a small lift.
    const away = this.before ? this.before.frame.list.filter((o) => tagOf(o) === "tally") : [];
    if (away.length)
      this.track(this.scene.tweens.add({ targets: away, alpha: 0, duration: step.duration / 2 }));
    this.fadeIn("chosen", 0, step.duration, 24);
  }

  /** The customer reacts: the face changes and the new line replaces the old one. */
  private react(step: RevealStep): void {
    this.actors.face();
    const old = this.tagged(this.before?.frame, "line");
    if (old.length)
      this.track(this.scene.tweens.add({ targets: old, alpha: 0, duration: step.duration * 0.25 }));
    this.fadeIn("line", step.duration * 0.2, step.duration * 0.45, 18);
  }

  private tagged(frame: Phaser.GameObjects.Container | undefined, tag: RevealTag) {
    return frame ? frame.list.filter((o) => tagOf(o) === tag) : [];
  }

  /** Brings the new frame's `tag` parts in after `delay` ms, rising by `lift` px. */
  private fadeIn(tag: RevealTag, delay: number, duration: number, lift = 0): void {
    const targets = this.tagged(this.after, tag);
    if (!targets.length) return;
    for (const obj of targets) {
      const o = obj as unknown as { y: number };
      if (lift) {
        const y = o.y;
        this.lifted.push([o, y]);
        o.y = y + lift;
        this.track(
          this.scene.tweens.add({
            targets: obj,
            y,
            delay,
            duration: Math.max(1, duration),
            ease: "Cubic.easeOut",
          }),
        );
      }
    }
    this.track(
      this.scene.tweens.add({
        targets,
        alpha: 1,
        delay,
        duration: Math.max(1, duration),
        ease: "Quad.easeOut",
      }),
    );
  }

  private setAlpha(obj: Phaser.GameObjects.GameObject, alpha: number): void {
    (obj as unknown as Phaser.GameObjects.Components.Alpha).setAlpha?.(alpha);
  }

  private track(tween: Phaser.Tweens.Tween): void {
    this.tweens.push(tween);
  }
}
