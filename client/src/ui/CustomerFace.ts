import { resolveLook, type Emotion, type ResolvedLook } from "@hotseat/shared";
import Phaser from "phaser";
import { frameRequest } from "../app/renderOnDemand";
import { eyesLayer, faceDrawing, type Prim } from "../viewModel/faceDrawing";
import { faceShape, mixShape, type FaceShape } from "../viewModel/faceShape";
import { idleBreath, nextBlinkDelay } from "../viewModel/faceIdle";

/** The look of a face drawn before any scenario is chosen (the home page's greeter). */
const greeterLook = resolveLook({ persona: { name: "Hotseat" } });

/**
 * The customer's portrait, drawn from the pure model in faceDrawing: their own look, an expression and a
 * posture that follow mood and emotion and change smoothly, and, when `setIdle(true)`, an idle life (a
 * blink every few seconds, a slow breath). Idle changes move or redraw one small layer and emit
 * `frameRequest` on the scene, since scenes draw a frame only when something changed (renderOnDemand).
 */
export class CustomerFace extends Phaser.GameObjects.Container {
  private readonly backdrop: Phaser.GameObjects.Graphics;
  private readonly torso: Phaser.GameObjects.Graphics;
  private readonly head: Phaser.GameObjects.Container;
  private readonly headGfx: Phaser.GameObjects.Graphics;
  private readonly eyes: Phaser.GameObjects.Graphics;
  private readonly glasses: Phaser.GameObjects.Graphics;
  private shape: FaceShape;
  private look: ResolvedLook;
  private tween?: Phaser.Tweens.Tween;
  private pivotY = 0;
  private blinking = false;
  private breath = 0;
  private idleTimers: Phaser.Time.TimerEvent[] = [];
  private idleOn = false;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly radius: number,
    look: ResolvedLook = greeterLook,
  ) {
    super(scene, x, y);
    this.look = look;
    this.backdrop = scene.add.graphics();
    // The body hangs from the portrait's bottom edge, so breathing stretches it upwards only.
    this.torso = scene.add.graphics({ x: 0, y: radius });
    this.headGfx = scene.add.graphics();
    this.eyes = scene.add.graphics();
    this.glasses = scene.add.graphics();
    this.head = scene.add.container(0, 0, [this.headGfx, this.eyes, this.glasses]);
    this.add([this.backdrop, this.torso, this.head]);
    this.shape = faceShape(50, "calm");
    this.draw();
    scene.add.existing(this);
    this.once(Phaser.GameObjects.Events.DESTROY, () => {
      for (const timer of this.idleTimers) timer.remove();
      this.idleTimers = [];
    });
  }

  /** Draws another persona (a new scenario). */
  setLook(look: ResolvedLook): void {
    if (JSON.stringify(look) === JSON.stringify(this.look)) return;
    this.look = look;
    this.draw();
  }

  /** Moves the face to a new mood and emotion, animated unless `instant` (reduced motion, or a fresh screen). */
  show(mood: number, emotion: Emotion, instant: boolean): void {
    const target = faceShape(mood, emotion);
    this.tween?.stop();
    if (instant) {
      this.shape = target;
      this.draw();
      return;
    }
    const from = { ...this.shape };
    const state = { p: 0 };
    this.tween = this.scene.tweens.add({
      targets: state,
      p: 1,
      duration: 600,
      ease: "Sine.easeInOut",
      onUpdate: () => {
        this.shape = mixShape(from, target, state.p);
        this.draw();
      },
    });
  }

  /** Starts or stops blinking and breathing; off under reduced motion and on small repeated faces. */
  setIdle(on: boolean): void {
    // Called on every redraw with the reduced-motion setting: only a change restarts the timers.
    if (on === this.idleOn) return;
    this.idleOn = on;
    for (const timer of this.idleTimers) timer.remove();
    this.idleTimers = [];
    this.blinking = false;
    this.breath = 0;
    if (!on || !this.scene) {
      this.applyBreath();
      return;
    }
    const clock = this.scene.time;
    const blink = () => {
      this.blinking = true;
      this.drawEyes();
      this.idleTimers.push(
        clock.delayedCall(140, () => {
          this.blinking = false;
          this.drawEyes();
          this.idleTimers.push(clock.delayedCall(nextBlinkDelay(Math.random()), blink));
        }),
      );
    };
    this.idleTimers.push(clock.delayedCall(nextBlinkDelay(Math.random()), blink));
    // Breath moves two layers twice a second: as cheap as the projector's own vote-timer frames.
    let elapsed = 0;
    this.idleTimers.push(
      clock.addEvent({
        delay: 500,
        loop: true,
        callback: () => {
          elapsed += 500;
          this.breath = idleBreath(elapsed);
          this.applyBreath();
        },
      }),
    );
  }

  private applyBreath(): void {
    this.torso.setScale(1, 1 + this.breath * 0.02);
    this.head.setY((this.pivotY - this.breath * 0.012) * this.radius);
    // A hidden face (the wall's lobby) asks for no frames.
    if (this.visible) this.scene?.events.emit(frameRequest);
  }

  private drawEyes(): void {
    this.paint(this.eyes, eyesLayer(this.look, this.shape, this.blinking ? 1 : 0), this.pivotOffset());
    if (this.visible) this.scene?.events.emit(frameRequest);
  }

  private pivotOffset(): { x: number; y: number } {
    return { x: 0, y: this.pivotY };
  }

  private draw(): void {
    const d = faceDrawing(this.look, this.shape);
    this.pivotY = d.pivot.y;
    this.paint(this.backdrop, d.backdrop, { x: 0, y: 0 });
    this.paint(this.torso, d.body, { x: 0, y: 1 });
    this.head.setPosition(d.pivot.x * this.radius, (d.pivot.y - this.breath * 0.012) * this.radius);
    this.head.setRotation(d.headAngle);
    this.paint(this.headGfx, d.head, d.pivot);
    this.paint(this.eyes, this.blinking ? eyesLayer(this.look, this.shape, 1) : d.eyes, d.pivot);
    this.paint(this.glasses, d.glasses, d.pivot);
  }

  /** Draws unit-coordinate primitives into `g`, shifted so `origin` lands on the graphics' position. */
  private paint(g: Phaser.GameObjects.Graphics, prims: Prim[], origin: { x: number; y: number }): void {
    const r = this.radius;
    const X = (v: number) => (v - origin.x) * r;
    const Y = (v: number) => (v - origin.y) * r;
    const width = (w: number) => Math.max(1.5, w * r);
    g.clear();
    for (const p of prims) {
      if (p.kind === "poly") {
        const pts: Phaser.Math.Vector2[] = [];
        for (let i = 0; i + 1 < p.points.length; i += 2)
          pts.push(new Phaser.Math.Vector2(X(p.points[i] ?? 0), Y(p.points[i + 1] ?? 0)));
        if (p.fill !== undefined) g.fillStyle(p.fill, p.alpha ?? 1).fillPoints(pts, true);
        if (p.line)
          g.lineStyle(width(p.line.width), p.line.color, p.line.alpha ?? 1).strokePoints(pts, p.closed);
      } else if (p.kind === "rect") {
        const args = [X(p.x), Y(p.y), p.w * r, p.h * r, p.radius * r] as const;
        if (p.fill !== undefined) g.fillStyle(p.fill, 1).fillRoundedRect(...args);
        if (p.line)
          g.lineStyle(width(p.line.width), p.line.color, p.line.alpha ?? 1).strokeRoundedRect(...args);
      } else {
        const args = [X(p.x), Y(p.y), p.w * r, p.h * r, 24] as const;
        if (p.fill !== undefined) g.fillStyle(p.fill, p.alpha ?? 1).fillEllipse(...args);
        if (p.line) g.lineStyle(width(p.line.width), p.line.color, p.line.alpha ?? 1).strokeEllipse(...args);
      }
    }
  }
}
