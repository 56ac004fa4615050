import Phaser from "phaser";
import { textStyle, theme } from "./theme";

/** A labelled 0..100 bar with its number and a shape glyph, so colour is never the only signal. */
export class MeterBar extends Phaser.GameObjects.Container {
  private readonly bar: Phaser.GameObjects.Graphics;
  private readonly labelText: Phaser.GameObjects.Text;
  private readonly valueText: Phaser.GameObjects.Text;
  private value = 0;
  private color: number = theme.accent;
  private tween?: Phaser.Tweens.Tween;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly boxW: number,
    private readonly barH: number,
    label: string,
    private readonly fontSize: number,
  ) {
    super(scene, x, y);
    this.labelText = scene.add.text(0, 0, label, textStyle(fontSize, theme.ink, { bold: true }));
    this.valueText = scene.add
      .text(boxW, 0, "", textStyle(fontSize, theme.ink, { bold: true }))
      .setOrigin(1, 0);
    this.bar = scene.add.graphics();
    this.bar.y = fontSize * 1.35;
    this.add([this.labelText, this.valueText, this.bar]);
    this.setSize(boxW, fontSize * 1.35 + barH);
    scene.add.existing(this);
  }

  /** Sets the value (animated unless `instant`), its colour and the text after the number (e.g. "▼ Upset"). */
  set(value: number, color: number, suffix: string, instant: boolean): void {
    this.color = color;
    this.tween?.stop();
    const to = Math.max(0, Math.min(100, value));
    this.valueText.setText(`${Math.round(to)} ${suffix}`.trim());
    this.fitLabel();
    if (instant || to === this.value) {
      this.value = to;
      this.draw();
      return;
    }
    const state = { v: this.value };
    this.tween = this.scene.tweens.add({
      targets: state,
      v: to,
      duration: 700,
      ease: "Cubic.easeOut",
      onUpdate: () => {
        this.value = state.v;
        this.draw();
      },
    });
  }

  /** A long label (e.g. Romanian "Solicitarea personalului") shrinks rather than run into the value. */
  private fitLabel(): void {
    const room = this.boxW - this.valueText.width - 12;
    for (let size = this.fontSize; size >= Math.ceil(this.fontSize * 0.6); size--) {
      this.labelText.setFontSize(size);
      if (this.labelText.width <= room) return;
    }
  }

  private draw(): void {
    const g = this.bar.clear();
    g.fillStyle(0x0d1628, 1).fillRoundedRect(0, 0, this.boxW, this.barH, this.barH / 3);
    const fill = (this.boxW - 6) * (this.value / 100);
    if (fill > 1)
      g.fillStyle(this.color, 1).fillRoundedRect(3, 3, Math.max(fill, 8), this.barH - 6, this.barH / 4);
    // Tick marks every 20 so the level can be read without colour.
    g.lineStyle(2, 0xffffff, 0.5);
    for (let i = 1; i < 5; i++) g.lineBetween((this.boxW * i) / 5, 0, (this.boxW * i) / 5, this.barH);
    g.lineStyle(3, 0xffffff, 0.9).strokeRoundedRect(0, 0, this.boxW, this.barH, this.barH / 3);
  }
}
