import type { Emotion } from "@hotseat/shared";
import Phaser from "phaser";
import { faceShape, type FaceShape } from "../viewModel/faceShape";

/** The customer's face drawn with Graphics; brows, eyes, mouth and colour follow mood and emotion. */
export class CustomerFace extends Phaser.GameObjects.Container {
  private readonly gfx: Phaser.GameObjects.Graphics;
  private shape: FaceShape;
  private tween?: Phaser.Tweens.Tween;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly radius: number,
  ) {
    super(scene, x, y);
    this.gfx = scene.add.graphics();
    this.add(this.gfx);
    this.shape = faceShape(50, "calm");
    this.draw();
    scene.add.existing(this);
  }

  /** Moves the face to a new mood and emotion, animated unless `instant` (reduced motion). */
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
        const p = state.p;
        const mix = (a: number, b: number) => a + (b - a) * p;
        this.shape = {
          mouthCurve: mix(from.mouthCurve, target.mouthCurve),
          mouthOpen: mix(from.mouthOpen, target.mouthOpen),
          browTilt: mix(from.browTilt, target.browTilt),
          browLift: mix(from.browLift, target.browLift),
          eyeOpen: mix(from.eyeOpen, target.eyeOpen),
          skin: Phaser.Display.Color.Interpolate.ColorWithColor(
            Phaser.Display.Color.ValueToColor(from.skin),
            Phaser.Display.Color.ValueToColor(target.skin),
            100,
            p * 100,
          ).color,
          cheeks: mix(from.cheeks, target.cheeks),
          asymmetry: mix(from.asymmetry, target.asymmetry),
        };
        this.draw();
      },
    });
  }

  private draw(): void {
    const r = this.radius;
    const s = this.shape;
    const g = this.gfx.clear();
    // Hair behind the head, then the head.
    g.fillStyle(0x3d2b1f, 1).fillEllipse(0, -r * 0.25, r * 2.15, r * 1.9);
    g.fillStyle(s.skin, 1).fillCircle(0, 0, r);
    g.lineStyle(Math.max(3, r * 0.025), 0x2b1d14, 1).strokeCircle(0, 0, r);
    g.fillStyle(0x3d2b1f, 1).fillEllipse(0, -r * 0.78, r * 1.5, r * 0.5);
    // Cheeks flush red when furious, rosy when happy.
    if (s.cheeks > 0.05) {
      g.fillStyle(0xe05a5a, 0.35 * s.cheeks);
      g.fillCircle(-r * 0.5, r * 0.2, r * 0.17).fillCircle(r * 0.5, r * 0.2, r * 0.17);
    }
    // Eyes: white, iris, pupil; eyeOpen squashes them.
    const eyeY = -r * 0.12;
    const eyeW = r * 0.26;
    const eyeH = r * 0.2 * s.eyeOpen;
    for (const side of [-1, 1]) {
      const ex = side * r * 0.36;
      g.fillStyle(0xffffff, 1).fillEllipse(ex, eyeY, eyeW, Math.max(3, eyeH));
      g.fillStyle(0x2d4a6b, 1).fillCircle(ex, eyeY, Math.min(eyeH, eyeW) * 0.38);
      g.fillStyle(0x000000, 1).fillCircle(ex, eyeY, Math.min(eyeH, eyeW) * 0.18);
    }
    // Brows: inner ends drop with anger, rise with worry; asymmetry raises one side (contempt).
    g.lineStyle(Math.max(6, r * 0.07), 0x2b1d14, 1);
    for (const side of [-1, 1]) {
      const inner = side * r * 0.14;
      const outer = side * r * 0.58;
      const base = eyeY - r * 0.24 - s.browLift * r * 0.1 - (side > 0 ? s.asymmetry * r * 0.1 : 0);
      g.lineBetween(inner, base + s.browTilt * r * 0.1, outer, base - s.browTilt * r * 0.06);
    }
    // Mouth: a curve bent by mood; opens into a filled shape when shouting or laughing.
    const mouthY = r * 0.45;
    const half = r * 0.36;
    const bend = s.mouthCurve * r * 0.22;
    const tilt = s.asymmetry * r * 0.08;
    const pts: Phaser.Math.Vector2[] = [];
    for (let i = 0; i <= 16; i++) {
      const u = i / 16;
      const x = -half + 2 * half * u;
      const y = mouthY - tilt * (u - 0.5) * 2 + bend * (1 - Math.pow(2 * u - 1, 2)) - bend * 0.5;
      pts.push(new Phaser.Math.Vector2(x, y));
    }
    if (s.mouthOpen > 0.15) {
      const open = s.mouthOpen * r * 0.2;
      const lower = [...pts].reverse().map((p, i) => {
        const u = 1 - i / 16;
        return new Phaser.Math.Vector2(p.x, p.y + open * (1 - Math.pow(2 * u - 1, 2)));
      });
      g.fillStyle(0x5a1a1a, 1).fillPoints([...pts, ...lower], true);
    }
    g.lineStyle(Math.max(5, r * 0.05), 0x5a1a1a, 1).strokePoints(pts);
  }
}
