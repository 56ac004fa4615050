import type Phaser from "phaser";

/** Colours and type sizes shared by every scene; high contrast so a projector in a bright room still reads. */
export const theme = {
  bg: 0x14213d,
  panel: 0x1f2f55,
  panelLight: 0x2b3f6e,
  ink: "#f5f5f5",
  inkDim: "#c9d3e6",
  inkDark: "#111111",
  accent: 0xffd166,
  accentCss: "#ffd166",
  good: 0x06d6a0,
  goodCss: "#06d6a0",
  bad: 0xef476f,
  badCss: "#ef476f",
  /** The red of defence mechanisms in text on the dark background (brighter than `bad` for contrast). */
  badOnDarkCss: "#ff8fa3",
  warn: 0xf78c6b,
  focus: 0x06d6a0,
  font: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
} as const;

/** Text style helper: a readable font at `size` px in `color`, optionally wrapped to `wrap` px. */
export function textStyle(
  size: number,
  color: string = theme.ink,
  opts: { bold?: boolean; wrap?: number; align?: "left" | "center" | "right" } = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: theme.font,
    fontSize: `${size}px`,
    color,
    fontStyle: opts.bold ? "bold" : "normal",
    align: opts.align ?? "left",
    resolution: Math.min(window.devicePixelRatio || 1, 2),
    ...(opts.wrap ? { wordWrap: { width: opts.wrap, useAdvancedWrap: true } } : {}),
  };
}
