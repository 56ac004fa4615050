import Phaser from "phaser";
import { registerHit } from "./hitRegistry";
import { textStyle, theme } from "./theme";

/** Options for a Button: size, colours, an optional hotkey hint already in the label. */
export type ButtonOptions = {
  id: string;
  label: string;
  width: number;
  height: number;
  fontSize?: number;
  fill?: number;
  textColor?: string;
  enabled?: boolean;
  selected?: boolean;
};

/** A large rounded button drawn on the canvas; registers itself so keyboard focus and tests can find it. */
export class Button extends Phaser.GameObjects.Container {
  private readonly bgGfx: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private enabledFlag: boolean;
  private focusedFlag = false;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly opts: ButtonOptions,
    private readonly onClick: () => void,
  ) {
    super(scene, x, y);
    this.enabledFlag = opts.enabled ?? true;
    this.bgGfx = scene.add.graphics();
    this.text = scene.add
      .text(opts.width / 2, opts.height / 2, opts.label, {
        ...textStyle(opts.fontSize ?? 26, opts.textColor ?? theme.inkDark, {
          bold: true,
          align: "center",
          wrap: opts.width - 24,
        }),
      })
      .setOrigin(0.5);
    this.add([this.bgGfx, this.text]);
    this.setSize(opts.width, opts.height);
    // Phaser adds a container's half-size to the local point before testing the hit area, so shifting
    // the rectangle by half a size makes the clickable area match the drawn top-left-based box.
    this.setInteractive(
      new Phaser.Geom.Rectangle(opts.width / 2, opts.height / 2, opts.width, opts.height),
      Phaser.Geom.Rectangle.Contains,
    );
    this.on("pointerup", () => this.enabledFlag && this.onClick());
    this.on("pointerover", () => this.draw(true));
    this.on("pointerout", () => this.draw(false));
    registerHit({
      id: opts.id,
      label: () => this.text.text,
      obj: this,
      enabled: () => this.enabledFlag,
      activate: () => this.onClick(),
    });
    this.draw(false);
    scene.add.existing(this);
  }

  /** Shows the keyboard focus ring. */
  setFocused(on: boolean): this {
    this.focusedFlag = on;
    this.draw(false);
    return this;
  }

  private draw(hover: boolean): void {
    const { width, height } = this.opts;
    const g = this.bgGfx.clear();
    const fill = this.opts.fill ?? theme.accent;
    g.fillStyle(fill, this.enabledFlag ? (hover ? 0.85 : 1) : 0.35);
    g.fillRoundedRect(0, 0, width, height, 14);
    if (this.opts.selected) {
      g.lineStyle(6, 0xffffff, 1).strokeRoundedRect(3, 3, width - 6, height - 6, 12);
    }
    if (this.focusedFlag)
      g.lineStyle(5, theme.focus, 1).strokeRoundedRect(-6, -6, width + 12, height + 12, 18);
    this.text.setAlpha(this.enabledFlag ? 1 : 0.6);
  }
}
