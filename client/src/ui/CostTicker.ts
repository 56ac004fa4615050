import Phaser from "phaser";
import { textStyle, theme } from "./theme";

/** One line of the ticker: a translated cost item and its formatted amount. */
export type CostLine = { label: string; amount: string };

/** The itemised cost ledger with a total line; the total flashes when it changes. */
export class CostTicker extends Phaser.GameObjects.Container {
  private readonly title: Phaser.GameObjects.Text;
  private readonly lines: Phaser.GameObjects.Text;
  private readonly totalText: Phaser.GameObjects.Text;
  private lastTotal = "";

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly boxW: number,
    title: string,
    private readonly fontSize: number,
  ) {
    super(scene, x, y);
    this.title = scene.add.text(0, 0, title, textStyle(fontSize, theme.ink, { bold: true }));
    this.lines = scene.add.text(0, fontSize * 1.5, "", {
      ...textStyle(fontSize * 0.85, theme.inkDim),
      lineSpacing: 6,
      fixedWidth: boxW,
    });
    this.totalText = scene.add
      .text(boxW, 0, "", textStyle(fontSize * 1.25, theme.accentCss, { bold: true }))
      .setOrigin(1, 0.1);
    this.add([this.title, this.lines, this.totalText]);
    this.setSize(boxW, fontSize * 6);
    scene.add.existing(this);
  }

  /** Shows the lines and total; `instant` skips the flash (reduced motion). */
  set(lines: CostLine[], total: string, instant: boolean): void {
    const width = Math.floor(this.boxW / (this.fontSize * 0.47));
    this.lines.setText(
      lines
        .map(
          (l) =>
            `${l.label} ${".".repeat(Math.max(2, width - l.label.length - l.amount.length))} ${l.amount}`,
        )
        .join("\n"),
    );
    this.totalText.setText(total);
    if (total !== this.lastTotal && this.lastTotal !== "" && !instant) {
      this.scene.tweens.add({
        targets: this.totalText,
        scale: { from: 1.35, to: 1 },
        duration: 500,
        ease: "Back.easeOut",
      });
    }
    this.lastTotal = total;
  }
}
