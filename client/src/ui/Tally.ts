import Phaser from "phaser";
import { fitText } from "./fitText";
import { textStyle, theme } from "./theme";

/** One bar of a vote tally: the option label, its count and share, and whether it leads. */
export type TallyRow = { label: string; count: number; share: number; leading: boolean };

/** Live vote tally: one horizontal bar per option with its count written out (not colour alone). */
export class Tally extends Phaser.GameObjects.Container {
  private readonly gfx: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly boxW: number,
    private readonly rowH: number,
    private readonly fontSize: number,
  ) {
    super(scene, x, y);
    this.gfx = scene.add.graphics();
    this.add(this.gfx);
    this.setSize(boxW, rowH);
    scene.add.existing(this);
  }

  /** Where row `i` lies, relative to the tally (the reveal frames the chosen row and dims the others). */
  rowRect(i: number): { x: number; y: number; w: number; h: number } {
    return { x: 0, y: i * this.rowH, w: this.boxW, h: this.rowH };
  }

  /** Redraws the bars for these rows. */
  set(rows: TallyRow[]): void {
    for (const t of this.texts) t.destroy();
    this.texts = [];
    const g = this.gfx.clear();
    const barX = this.boxW * 0.55;
    const barW = this.boxW - barX - 110;
    rows.forEach((row, i) => {
      const y = i * this.rowH;
      // Two lines at most, cut at a word with "…" so the wall never shows half a sentence.
      const label = fitText(
        this.scene.add.text(
          0,
          y + this.rowH / 2,
          `${i + 1}. ${row.label}`,
          textStyle(this.fontSize, theme.ink, { bold: row.leading, wrap: barX - 16 }),
        ),
        2,
      ).setOrigin(0, 0.5);
      g.fillStyle(0x0d1628, 1).fillRect(barX, y + this.rowH * 0.2, barW, this.rowH * 0.6);
      g.fillStyle(row.leading ? theme.accent : 0x8fa3c8, 1).fillRect(
        barX,
        y + this.rowH * 0.2,
        barW * row.share,
        this.rowH * 0.6,
      );
      if (row.leading)
        g.lineStyle(4, 0xffffff, 1).strokeRect(barX, y + this.rowH * 0.2, barW, this.rowH * 0.6);
      const count = this.scene.add
        .text(
          this.boxW,
          y + this.rowH / 2,
          `${row.leading ? "★ " : ""}${row.count}`,
          textStyle(this.fontSize * 1.2, theme.ink, { bold: true }),
        )
        .setOrigin(1, 0.5);
      this.texts.push(label, count);
      this.add([label, count]);
    });
    this.setSize(this.boxW, Math.max(1, rows.length) * this.rowH);
  }
}
