import type { ResolvedLook } from "@hotseat/shared";
import type { FaceShape } from "./faceShape";

// The portrait's primitives, palette and the geometry its layers share (see faceDrawing.ts).

export type Prim =
  | {
      kind: "ellipse";
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: number;
      alpha?: number;
      line?: Line;
    }
  | { kind: "rect"; x: number; y: number; w: number; h: number; radius: number; fill?: number; line?: Line }
  | { kind: "poly"; points: number[]; closed: boolean; fill?: number; alpha?: number; line?: Line };
/** A stroke: width in units of the radius. */
export type Line = { width: number; color: number; alpha?: number };

/** The portrait's layers, drawn in this order; the head's layers turn together around `pivot`. */
export type FaceDrawing = {
  backdrop: Prim[];
  /** Neck, shoulders and clothes; breathing stretches this layer upwards from the portrait's bottom edge. */
  body: Prim[];
  head: Prim[];
  /** Eyes and lids, drawn alone so a blink redraws only them. */
  eyes: Prim[];
  /** Glasses sit over the eyes. */
  glasses: Prim[];
  pivot: { x: number; y: number };
  /** Sideways tilt of the head in radians (posture). */
  headAngle: number;
};

const skinColours: Record<ResolvedLook["skin"], number> = {
  light: 0xf7dccb,
  fair: 0xf0c6a0,
  medium: 0xd8a27a,
  olive: 0xbf8b5a,
  brown: 0x97603d,
  dark: 0x6a3f27,
};
const hairColoursRgb: Record<ResolvedLook["hairColour"], number> = {
  black: 0x1c1714,
  "dark-brown": 0x3f2a1c,
  brown: 0x70492b,
  auburn: 0x8c3a1c,
  red: 0xc1582b,
  blonde: 0xe0bb6c,
  grey: 0xa3a3a3,
  white: 0xe8e8e8,
};
const clothesColoursRgb: Record<ResolvedLook["clothesColour"], number> = {
  navy: 0x23406b,
  grey: 0x8a929c,
  charcoal: 0x41464f,
  black: 0x202020,
  white: 0xf0f0f0,
  blue: 0x2f6fd1,
  teal: 0x1e8c8c,
  green: 0x3d8c4c,
  olive: 0x707032,
  burgundy: 0x7d2036,
  red: 0xc0392b,
  mustard: 0xd4a017,
  brown: 0x6e4a2e,
  purple: 0x6b3f9c,
};

/** The backdrop behind the portrait: a card a shade lighter than the wall, so dark hair and clothes show. */
export const backdropColour = 0x33497a;

/** A colour darkened (k < 1) or lightened towards white (k > 1). */
export function shade(color: number, k: number): number {
  const ch = (shift: number) => {
    const c = (color >> shift) & 0xff;
    const v = k <= 1 ? c * k : c + (255 - c) * (k - 1);
    return Math.max(0, Math.min(255, Math.round(v))) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

/** The colours a look is drawn in. */
export function lookColours(look: ResolvedLook): {
  skin: number;
  hair: number;
  brows: number;
  clothes: number;
} {
  const hair = hairColoursRgb[look.hairColour];
  const light = look.hairColour === "grey" || look.hairColour === "white" || look.hairColour === "blonde";
  return {
    skin: skinColours[look.skin],
    hair,
    brows: light ? shade(hair, 0.62) : shade(hair, 0.85),
    clothes: clothesColoursRgb[look.clothesColour],
  };
}

/** Points along an ellipse's arc from angle `from` to `to`, as a flat [x, y, …] list. */
export function ellipsePoints(
  x: number,
  y: number,
  rx: number,
  ry: number,
  from: number,
  to: number,
  n = 14,
): number[] {
  const out: number[] = [];
  for (let i = 0; i <= n; i++) {
    const a = from + ((to - from) * i) / n;
    out.push(x + rx * Math.cos(a), y + ry * Math.sin(a));
  }
  return out;
}

/** The same outline reflected in the vertical axis, in reverse order, to close a symmetric shape. */
export function mirror(points: number[]): number[] {
  const out: number[] = [];
  for (let i = points.length - 2; i >= 0; i -= 2) out.push(-(points[i] ?? 0), points[i + 1] ?? 0);
  return out;
}

// Head geometry shared by the layers.
/** The head's half width and half height. */
export const headRx = 0.4;
export const headRy = 0.48;
/** The head's centre height for a posture (a dropped head sits lower). */
export function headCentre(shape: FaceShape): number {
  return -0.25 + shape.headDrop * 0.06;
}
