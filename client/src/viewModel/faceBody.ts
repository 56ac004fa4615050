import type { ResolvedLook } from "@hotseat/shared";
import type { FaceShape } from "./faceShape";
import { ellipsePoints, headCentre, lookColours, mirror, shade, type Prim } from "./facePrims";

// The body and posture below the head: shoulders, neck and clothes.

/** Shoulders, neck and clothes, raised, slumped or turned by the posture. */
export function bodyLayer(look: ResolvedLook, shape: FaceShape): Prim[] {
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
