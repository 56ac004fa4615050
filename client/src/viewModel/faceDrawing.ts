import type { ResolvedLook } from "@hotseat/shared";
import type { FaceShape } from "./faceShape";

import { bodyLayer } from "./faceBody";
import { backdropColour, headCentre, headRy, type FaceDrawing, type Line, type Prim } from "./facePrims";
import { eyesAt, glassesLayer, headLayer } from "./faceHead";

export { lookColours, shade } from "./facePrims";
export { backdropColour };
export type { FaceDrawing, Line, Prim } from "./facePrims";

/**
 * The customer's portrait as shapes in unit coordinates: the portrait fills the square from -1 to 1
 * (y grows downwards), and the CustomerFace widget multiplies everything by its radius. Keeping the
 * geometry here, pure, lets tests check that each look is drawn differently and nothing leaves the square.
 */

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
