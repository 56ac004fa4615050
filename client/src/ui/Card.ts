import Phaser from "phaser";
import { registerHit } from "./hitRegistry";
import { textStyle, theme } from "./theme";

/** How a response card looks: its number, text, an optional badge line, and state flags. */
export type CardOptions = {
  id: string;
  index: number;
  text: string;
  badge?: string;
  width: number;
  minHeight: number;
  fontSize: number;
  selected?: boolean;
  enabled?: boolean;
};

/** A large tappable response card with a number key hint; its height grows with the text. */
export class Card extends Phaser.GameObjects.Container {
  private readonly gfx: Phaser.GameObjects.Graphics;
  private readonly enabledFlag: boolean;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly opts: CardOptions,
    onClick: () => void,
  ) {
    super(scene, x, y);
    this.enabledFlag = opts.enabled ?? true;
    const pad = Math.round(opts.fontSize * 0.7);
    const numW = opts.fontSize * 1.6;
    const text = scene.add.text(pad + numW, pad, opts.text, {
      ...textStyle(opts.fontSize, opts.selected ? theme.inkDark : theme.ink, {
        wrap: opts.width - numW - pad * 2 - 30,
      }),
      lineSpacing: 4,
    });
    const badge = opts.badge
      ? scene.add.text(pad + numW, pad + text.height + 6, opts.badge, {
          ...textStyle(opts.fontSize * 0.75, opts.selected ? theme.inkDark : theme.accentCss, { bold: true }),
        })
      : undefined;
    const height = Math.max(opts.minHeight, pad * 2 + text.height + (badge ? badge.height + 6 : 0));
    const num = scene.add
      .text(
        pad + numW / 2 - 6,
        height / 2,
        String(opts.index + 1),
        textStyle(opts.fontSize * 1.1, theme.inkDark, { bold: true }),
      )
      .setOrigin(0.5);
    this.gfx = scene.add.graphics();
    this.add([this.gfx, num, text, ...(badge ? [badge] : [])]);
    this.setSize(opts.width, height);
    this.setInteractive(
      new Phaser.Geom.Rectangle(opts.width / 2, height / 2, opts.width, height),
      Phaser.Geom.Rectangle.Contains,
    );
    this.on("pointerup", () => this.enabledFlag && onClick());
    registerHit({
      id: opts.id,
      label: () => opts.text,
      obj: this,
      enabled: () => this.enabledFlag,
      activate: onClick,
    });
    this.draw(pad, numW, height);
    this.setAlpha(this.enabledFlag ? 1 : 0.55);
    scene.add.existing(this);
  }

  private draw(pad: number, numW: number, height: number): void {
    const g = this.gfx.clear();
    const { width, selected } = this.opts;
    g.fillStyle(selected ? theme.accent : theme.panelLight, 1).fillRoundedRect(0, 0, width, height, 18);
    g.lineStyle(selected ? 6 : 3, selected ? 0xffffff : 0x8fa3c8, 1).strokeRoundedRect(
      0,
      0,
      width,
      height,
      18,
    );
    g.fillStyle(selected ? 0xffffff : theme.accent, 1).fillCircle(
      pad + numW / 2 - 6,
      height / 2,
      numW / 2 - 4,
    );
    if (selected) {
      // A check mark in the corner, so the chosen card is clear without seeing yellow.
      g.lineStyle(5, theme.bg, 1).strokePoints([
        new Phaser.Math.Vector2(width - 40, 22),
        new Phaser.Math.Vector2(width - 31, 31),
        new Phaser.Math.Vector2(width - 14, 12),
      ]);
    }
  }
}
