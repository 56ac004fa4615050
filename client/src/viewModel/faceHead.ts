import type { ResolvedLook } from "@hotseat/shared";
import type { FaceShape } from "./faceShape";
import {
  ellipsePoints,
  headCentre,
  headRx,
  headRy,
  lookColours,
  mirror,
  shade,
  type Prim,
} from "./facePrims";

import { hairBack, hairFront } from "./faceHair";

// The head: face, features, eyes, mouth and glasses, in unit coordinates before the portrait's scaling.

/** The head with hair, face, brows, nose, mouth and facial hair for an expression. */
export function headLayer(look: ResolvedLook, shape: FaceShape): Prim[] {
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
/** The eyes, with the lids closed by `blink`. */
export function eyesAt(look: ResolvedLook, shape: FaceShape, blink: number): Prim[] {
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

/** The glasses of a look that wears them (none otherwise). */
export function glassesLayer(look: ResolvedLook, shape: FaceShape): Prim[] {
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
