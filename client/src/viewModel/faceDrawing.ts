import type { ResolvedLook } from "@hotseat/shared";
import type { FaceShape } from "./faceShape";

/**
 * The customer's portrait as shapes in unit coordinates: the portrait fills the square from -1 to 1
 * (y grows downwards), and the CustomerFace widget multiplies everything by its radius. Keeping the
 * geometry here, pure, lets tests check that each look is drawn differently and nothing leaves the square.
 */
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

function ellipsePoints(
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

function mirror(points: number[]): number[] {
  const out: number[] = [];
  for (let i = points.length - 2; i >= 0; i -= 2) out.push(-(points[i] ?? 0), points[i + 1] ?? 0);
  return out;
}

// Head geometry shared by the layers.
const headRx = 0.4;
const headRy = 0.48;
function headCentre(shape: FaceShape): number {
  return -0.25 + shape.headDrop * 0.06;
}

function bodyLayer(look: ResolvedLook, shape: FaceShape): Prim[] {
  const c = lookColours(look);
  const top = 0.55 - shape.shoulders * 0.06;
  const outer = top + 0.1 - shape.shoulders * 0.06;
  const w = 0.86 - shape.shoulders * 0.05;
  const half = [0.16, top, w * 0.7, top + 0.015, w * 0.93, outer, w, outer + 0.09, w + 0.04, 1];
  const torso = [...mirror(half), ...half];
  const dark = shade(c.clothes, 0.7);
  const out: Prim[] = [
    {
      kind: "rect",
      x: -0.12,
      y: headCentre(shape) + 0.28,
      w: 0.24,
      h: top + 0.08 - (headCentre(shape) + 0.28),
      radius: 0.04,
      fill: shade(c.skin, 0.88),
    },
    {
      kind: "poly",
      points: torso,
      closed: true,
      fill: c.clothes,
      line: { width: 0.02, color: shade(c.clothes, 0.55) },
    },
  ];
  const shirt = look.clothesColour === "white" ? 0xcfd8e3 : 0xf4f4f4;
  // Openings and lapels end above the portrait's bottom edge even with slumped shoulders.
  const fit = (depth: number) => Math.min(depth, 0.88 - top);
  const vee = (depth: number, fill: number): Prim => ({
    kind: "poly",
    points: [-0.16, top, 0.16, top, 0, top + fit(depth)],
    closed: true,
    fill,
  });
  const lapels = (depth: number): Prim[] =>
    [-1, 1].map((s) => ({
      kind: "poly" as const,
      points: [s * 0.16, top, s * 0.3, top + 0.02, s * 0.12, top + fit(depth) + 0.08, 0, top + fit(depth)],
      closed: true,
      fill: dark,
      line: { width: 0.012, color: shade(c.clothes, 0.5) },
    }));
  switch (look.clothes) {
    case "suit":
      out.push(vee(0.32, shirt), ...lapels(0.32));
      if (look.gender === "masculine") {
        const tie = look.clothesColour === "burgundy" || look.clothesColour === "red" ? 0x23406b : 0x9c2b3a;
        out.push({
          kind: "poly",
          points: [
            -0.035,
            top,
            0.035,
            top,
            0.05,
            top + fit(0.28),
            0,
            top + fit(0.33),
            -0.05,
            top + fit(0.28),
          ],
          closed: true,
          fill: tie,
        });
      }
      break;
    case "blazer":
      out.push(vee(0.3, look.clothesColour === "black" ? 0xf4f4f4 : 0x2a2a2a), ...lapels(0.3));
      break;
    case "shirt":
      out.push(
        ...[-1, 1].map((s) => ({
          kind: "poly" as const,
          points: [0, top + 0.06, s * 0.17, top - 0.03, s * 0.2, top + 0.09],
          closed: true,
          fill: shade(c.clothes, 1.25),
          line: { width: 0.01, color: dark },
        })),
        { kind: "poly", points: [0, top + 0.06, 0, 1], closed: false, line: { width: 0.012, color: dark } },
        ...[0.16, 0.3].map((dy) => ({
          kind: "ellipse" as const,
          x: 0.025,
          y: top + dy,
          w: 0.03,
          h: 0.03,
          fill: dark,
        })),
      );
      break;
    case "sweater":
      out.push({
        kind: "poly",
        points: ellipsePoints(0, top - 0.005, 0.19, 0.07, 0, Math.PI, 10),
        closed: false,
        line: { width: 0.05, color: dark },
      });
      break;
    case "cardigan":
      out.push(vee(0.42, shirt), {
        kind: "poly",
        points: [-0.16, top, 0, top + fit(0.42), 0.16, top],
        closed: false,
        line: { width: 0.03, color: dark },
      });
      out.push({ kind: "ellipse", x: 0, y: top + fit(0.42) + 0.05, w: 0.04, h: 0.04, fill: dark });
      break;
    case "hoodie":
      out.push(
        {
          kind: "poly",
          points: ellipsePoints(0, top + 0.02, 0.27, 0.11, 0, Math.PI, 12),
          closed: false,
          line: { width: 0.07, color: dark },
        },
        ...[-1, 1].map((s) => ({
          kind: "poly" as const,
          points: [s * 0.08, top + 0.1, s * 0.09, top + 0.3],
          closed: false,
          line: { width: 0.018, color: 0xeeeeee },
        })),
      );
      break;
    case "coat": {
      // A scarf wound round the neck, one end hanging down the chest.
      const scarf = look.clothesColour === "red" ? 0x2f6fd1 : 0xc0392b;
      const edge = { width: 0.012, color: shade(scarf, 0.6) };
      out.push(
        ...lapels(0.26),
        {
          kind: "rect",
          x: -0.24,
          y: top - 0.07,
          w: 0.48,
          h: 0.13,
          radius: 0.06,
          fill: scarf,
          line: edge,
        },
        {
          kind: "poly",
          points: [0.04, top + 0.04, 0.16, top + 0.04, 0.18, top + fit(0.34), 0.06, top + fit(0.34)],
          closed: true,
          fill: scarf,
          line: edge,
        },
      );
      break;
    }
  }
  return out;
}

function hairBack(look: ResolvedLook, hy: number, hair: number): Prim[] {
  switch (look.hair) {
    case "long":
      return [
        { kind: "ellipse", x: 0, y: hy - 0.02, w: 0.98, h: 1.1, fill: hair },
        { kind: "rect", x: -0.48, y: hy, w: 0.96, h: 0.58, radius: 0.12, fill: hair },
      ];
    case "bob":
      return [{ kind: "ellipse", x: 0, y: hy + 0.02, w: 1.0, h: 1.08, fill: hair }];
    case "bun":
      return [
        {
          kind: "ellipse",
          x: 0,
          y: hy - headRy - 0.02,
          w: 0.28,
          h: 0.24,
          fill: hair,
          line: { width: 0.015, color: shade(hair, 0.7) },
        },
      ];
    case "ponytail":
      return [
        {
          kind: "ellipse",
          x: 0.4,
          y: hy + 0.12,
          w: 0.2,
          h: 0.56,
          fill: hair,
          line: { width: 0.015, color: shade(hair, 0.7) },
        },
      ];
    case "curly": {
      const out: Prim[] = [];
      for (let i = 0; i <= 10; i++) {
        const a = Math.PI * (0.95 + (1.1 * i) / 10);
        out.push({
          kind: "ellipse",
          x: Math.cos(a) * 0.42,
          y: hy + Math.sin(a) * 0.47,
          w: 0.26,
          h: 0.26,
          fill: hair,
        });
      }
      return out;
    }
    case "short":
    case "side-part":
    case "balding":
    case "bald":
      return [];
  }
}

function hairFront(look: ResolvedLook, hy: number, hair: number): Prim[] {
  const edge = { width: 0.012, color: shade(hair, 0.7) };
  const cap = (hairline: number[], lift = 0.03): Prim => ({
    kind: "poly",
    points: [
      ...ellipsePoints(0, hy, headRx + 0.025, headRy + lift, Math.PI * 1.02, Math.PI * 1.98, 16),
      ...hairline,
    ],
    closed: true,
    fill: hair,
    line: edge,
  });
  switch (look.hair) {
    case "short":
      return [cap([0.38, hy - 0.12, 0.2, hy - 0.3, 0, hy - 0.33, -0.2, hy - 0.3, -0.38, hy - 0.12])];
    case "side-part":
      return [
        cap(
          [
            0.38,
            hy - 0.1,
            0.3,
            hy - 0.24,
            0.05,
            hy - 0.3,
            -0.12,
            hy - 0.38,
            -0.3,
            hy - 0.27,
            -0.38,
            hy - 0.1,
          ],
          0.06,
        ),
      ];
    case "curly": {
      const out: Prim[] = [cap([0.36, hy - 0.18, 0, hy - 0.32, -0.36, hy - 0.18])];
      for (let i = 0; i < 6; i++)
        out.push({
          kind: "ellipse",
          x: -0.3 + i * 0.12,
          y: hy - 0.32 + Math.abs(i - 2.5) * 0.03,
          w: 0.15,
          h: 0.13,
          fill: hair,
        });
      return out;
    }
    case "long":
      return [
        cap([
          0.4,
          hy + 0.02,
          0.3,
          hy - 0.26,
          0.02,
          hy - 0.36,
          -0.02,
          hy - 0.36,
          -0.3,
          hy - 0.26,
          -0.4,
          hy + 0.02,
        ]),
        ...[-1, 1].map((s) => ({
          kind: "poly" as const,
          points: [s * 0.41, hy - 0.12, s * 0.47, hy + 0.52, s * 0.37, hy + 0.5, s * 0.35, hy + 0.1],
          closed: true,
          fill: hair,
        })),
      ];
    case "bob":
      return [
        cap([
          0.42,
          hy + 0.3,
          0.36,
          hy + 0.3,
          0.34,
          hy - 0.2,
          -0.34,
          hy - 0.2,
          -0.36,
          hy + 0.3,
          -0.42,
          hy + 0.3,
        ]),
      ];
    case "bun":
    case "ponytail":
      return [cap([0.38, hy - 0.08, 0.2, hy - 0.3, 0, hy - 0.35, -0.2, hy - 0.3, -0.38, hy - 0.08])];
    case "balding":
      return [-1, 1].map((s) => ({
        kind: "ellipse" as const,
        x: s * 0.37,
        y: hy - 0.1,
        w: 0.12,
        h: 0.3,
        fill: hair,
      }));
    case "bald":
      return [{ kind: "ellipse", x: -0.13, y: hy - 0.36, w: 0.16, h: 0.07, fill: 0xffffff, alpha: 0.25 }];
  }
}

function headLayer(look: ResolvedLook, shape: FaceShape): Prim[] {
  const c = lookColours(look);
  const hy = headCentre(shape);
  const outline = { width: 0.02, color: shade(c.skin, 0.6) };
  const out: Prim[] = [...hairBack(look, hy, c.hair)];
  for (const s of [-1, 1])
    out.push({ kind: "ellipse", x: s * 0.39, y: hy + 0.04, w: 0.12, h: 0.18, fill: c.skin, line: outline });
  out.push({ kind: "ellipse", x: 0, y: hy, w: headRx * 2, h: headRy * 2, fill: c.skin, line: outline });
  // Age shows in lines: laugh lines from middle age, forehead lines for seniors.
  const crease = { width: 0.012, color: shade(c.skin, 0.62), alpha: 0.8 };
  if (look.age === "middle-aged" || look.age === "senior") {
    for (const s of [-1, 1])
      out.push({
        kind: "poly",
        points: [s * 0.1, hy + 0.12, s * 0.17, hy + 0.22, s * 0.19, hy + 0.3],
        closed: false,
        line: crease,
      });
  }
  if (look.age === "senior") {
    for (const dy of [0.3, 0.36])
      out.push({
        kind: "poly",
        points: ellipsePoints(0, hy - dy + 0.4, 0.16, 0.06, Math.PI * 1.15, Math.PI * 1.85, 6),
        closed: false,
        line: crease,
      });
  }
  if (shape.flush > 0.02) {
    for (const s of [-1, 1])
      out.push({
        kind: "ellipse",
        x: s * 0.24,
        y: hy + 0.14,
        w: 0.2,
        h: 0.12,
        fill: 0xd9342b,
        alpha: 0.45 * shape.flush,
      });
  }
  if (shape.blush > 0.02) {
    for (const s of [-1, 1])
      out.push({
        kind: "ellipse",
        x: s * 0.24,
        y: hy + 0.16,
        w: 0.16,
        h: 0.09,
        fill: 0xf27c8c,
        alpha: 0.5 * shape.blush,
      });
  }
  out.push({
    kind: "poly",
    points: [0.01, hy - 0.02, 0.05, hy + 0.12, -0.02, hy + 0.14],
    closed: false,
    line: { width: 0.02, color: shade(c.skin, 0.55) },
  });
  const my = hy + 0.27;
  if (look.facialHair === "stubble")
    out.push({ kind: "poly", points: jaw(hy), closed: true, fill: c.hair, alpha: 0.28 });
  if (look.facialHair === "beard")
    out.push({
      kind: "poly",
      points: jaw(hy),
      closed: true,
      fill: c.hair,
      line: { width: 0.01, color: shade(c.hair, 0.7) },
    });
  out.push(...mouth(shape, my, look.facialHair === "beard" ? shade(c.skin, 0.92) : undefined));
  if (look.facialHair === "moustache" || look.facialHair === "beard") {
    const half = [0.02, my - 0.07, 0.12, my - 0.07, 0.19, my - 0.01, 0.14, my - 0.03, 0.02, my - 0.035];
    out.push({ kind: "poly", points: [...half, ...mirror(half)], closed: true, fill: c.hair });
  }
  out.push(...hairFront(look, hy, c.hair));
  // Brows: inner ends drop with anger, rise with worry; asymmetry lifts one (contempt, scepticism).
  const eyeY = hy - 0.04;
  for (const s of [-1, 1]) {
    const base = eyeY - 0.12 - shape.browLift * 0.05 - (s > 0 ? shape.asymmetry * 0.05 : 0);
    out.push({
      kind: "poly",
      points: [
        s * 0.06,
        base + shape.browTilt * 0.045,
        s * 0.17,
        base - 0.012,
        s * 0.27,
        base - shape.browTilt * 0.03,
      ],
      closed: false,
      line: { width: 0.055, color: c.brows },
    });
  }
  return out;
}

// The lower face: a beard's or stubble's area, leaving the cheeks free.
function jaw(hy: number): number[] {
  const outer = ellipsePoints(0, hy, headRx + 0.01, headRy + 0.01, Math.PI * 0.03, Math.PI * 0.97, 14);
  return [...outer, -0.3, hy + 0.14, -0.12, hy + 0.2, 0.12, hy + 0.2, 0.3, hy + 0.14];
}

function mouth(shape: FaceShape, my: number, lips?: number): Prim[] {
  const half = 0.15 + Math.max(0, shape.mouthCurve) * 0.03;
  // Smiles bend further than frowns: a pleased face must read as pleased from the back of a room.
  const bend = shape.mouthCurve * (shape.mouthCurve > 0 ? 0.12 : 0.09);
  const tilt = shape.asymmetry * 0.035;
  const upper: number[] = [];
  for (let i = 0; i <= 12; i++) {
    const u = i / 12;
    const x = -half + 2 * half * u;
    upper.push(x, my - tilt * (u - 0.5) * 2 + bend * (1 - Math.pow(2 * u - 1, 2)) - bend * 0.5);
  }
  const ink = 0x5a1a1a;
  const out: Prim[] = [];
  if (lips !== undefined) out.push({ kind: "ellipse", x: 0, y: my, w: half * 2.4, h: 0.1, fill: lips });
  if (shape.mouthOpen > 0.15) {
    const open = shape.mouthOpen * 0.11;
    const lower: number[] = [];
    for (let i = 12; i >= 0; i--) {
      const u = i / 12;
      lower.push(upper[i * 2] ?? 0, (upper[i * 2 + 1] ?? 0) + open * (1 - Math.pow(2 * u - 1, 2)));
    }
    out.push({ kind: "poly", points: [...upper, ...lower], closed: true, fill: ink });
    // Teeth show in a wide smile.
    if (shape.mouthCurve > 0.5) {
      out.push({
        kind: "poly",
        points: upper.map((v, i) => (i % 2 ? v + 0.012 : v * 0.8)),
        closed: false,
        line: { width: 0.025, color: 0xffffff },
      });
    }
  }
  out.push({ kind: "poly", points: upper, closed: false, line: { width: 0.04, color: ink } });
  return out;
}

// The eyes in the head's modelled size; squints and wide eyes follow the shape.
function eyesAt(look: ResolvedLook, shape: FaceShape, blink: number): Prim[] {
  const c = lookColours(look);
  const eyeY = headCentre(shape) - 0.04;
  const iris = look.hairColour === "blonde" || look.hairColour === "red" ? 0x3c6e9e : 0x4a3020;
  const out: Prim[] = [];
  const open = shape.eyeOpen * (1 - Math.max(0, Math.min(1, blink)));
  for (const s of [-1, 1]) {
    const x = s * 0.16;
    const w = 0.17;
    const h = 0.125 * open;
    if (h < 0.025) {
      // Shut: a lid line, curved down like a resting eye.
      out.push({
        kind: "poly",
        points: ellipsePoints(x, eyeY - 0.01, w / 2, 0.025, 0.1, Math.PI - 0.1, 8),
        closed: false,
        line: { width: 0.02, color: shade(c.skin, 0.4) },
      });
      continue;
    }
    out.push({
      kind: "ellipse",
      x,
      y: eyeY,
      w,
      h,
      fill: 0xffffff,
      line: { width: 0.015, color: shade(c.skin, 0.45) },
    });
    const r = Math.min(h, w) * 0.42;
    out.push({ kind: "ellipse", x, y: eyeY, w: r * 2, h: r * 2, fill: iris });
    out.push({ kind: "ellipse", x, y: eyeY, w: r, h: r, fill: 0x111111 });
    out.push({
      kind: "ellipse",
      x: x + r * 0.3,
      y: eyeY - r * 0.3,
      w: r * 0.35,
      h: r * 0.35,
      fill: 0xffffff,
    });
  }
  return out;
}

function glassesLayer(look: ResolvedLook, shape: FaceShape): Prim[] {
  if (look.glasses === "none") return [];
  const eyeY = headCentre(shape) - 0.04;
  const frame = { width: 0.022, color: look.skin === "dark" || look.skin === "brown" ? 0x0d0d0d : 0x2a2a2a };
  const out: Prim[] = [];
  for (const s of [-1, 1]) {
    const lens =
      look.glasses === "round"
        ? ({
            kind: "ellipse",
            x: s * 0.16,
            y: eyeY,
            w: 0.22,
            h: 0.2,
            fill: 0xffffff,
            alpha: 0.12,
            line: frame,
          } as const)
        : ({
            kind: "rect",
            x: s * 0.16 - 0.12,
            y: eyeY - 0.085,
            w: 0.24,
            h: 0.17,
            radius: 0.03,
            line: frame,
          } as const);
    out.push(lens, {
      kind: "poly",
      points: [s * 0.27, eyeY - 0.02, s * 0.39, eyeY],
      closed: false,
      line: frame,
    });
  }
  out.push({
    kind: "poly",
    points: [-0.05, eyeY - 0.01, 0, eyeY - 0.03, 0.05, eyeY - 0.01],
    closed: false,
    line: frame,
  });
  return out;
}

// The head is drawn at 1.12 times its modelled size: large features read from the back of a room.
const headScale = 1.12;

function scaled(prims: Prim[], cy: number, k = headScale): Prim[] {
  const line = (l: Line | undefined) => (l ? { ...l, width: l.width * k } : undefined);
  return prims.map((p): Prim => {
    if (p.kind === "poly") {
      const points = p.points.map((v, i) => (i % 2 ? cy + (v - cy) * k : v * k));
      const out: Prim = { ...p, points };
      if (p.line) out.line = line(p.line)!;
      return out;
    }
    const out: Prim = { ...p, x: p.x * k, y: cy + (p.y - cy) * k, w: p.w * k, h: p.h * k };
    if (p.kind === "rect") (out as typeof p).radius = p.radius * k;
    if (p.line) out.line = line(p.line)!;
    return out;
  });
}

/** The eyes with the lids closed by `blink` (0 open … 1 shut), at the size the portrait draws them. */
export function eyesLayer(look: ResolvedLook, shape: FaceShape, blink = 0): Prim[] {
  return scaled(eyesAt(look, shape, blink), headCentre(shape));
}

/** The whole portrait of a look with an expression and posture (the eyes open). */
export function faceDrawing(look: ResolvedLook, shape: FaceShape): FaceDrawing {
  const hy = headCentre(shape);
  return {
    backdrop: [{ kind: "rect", x: -1, y: -1, w: 2, h: 2, radius: 0.22, fill: backdropColour }],
    body: bodyLayer(look, shape),
    head: scaled(headLayer(look, shape), hy),
    eyes: eyesLayer(look, shape),
    glasses: scaled(glassesLayer(look, shape), hy),
    pivot: { x: 0, y: hy + headRy * headScale * 0.85 },
    headAngle: -shape.headTilt * 0.16,
  };
}

/** Every point a primitive covers at its extremes, for bounds checks. */
export function primPoints(p: Prim): [number, number][] {
  if (p.kind === "poly") {
    const out: [number, number][] = [];
    for (let i = 0; i + 1 < p.points.length; i += 2) out.push([p.points[i] ?? 0, p.points[i + 1] ?? 0]);
    return out;
  }
  const pad = (p.line?.width ?? 0) / 2;
  if (p.kind === "rect")
    return [
      [p.x - pad, p.y - pad],
      [p.x + p.w + pad, p.y + p.h + pad],
      [p.x - pad, p.y + p.h + pad],
      [p.x + p.w + pad, p.y - pad],
    ];
  const out: [number, number][] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * Math.PI * 2;
    out.push([p.x + (p.w / 2 + pad) * Math.cos(a), p.y + (p.h / 2 + pad) * Math.sin(a)]);
  }
  return out;
}
