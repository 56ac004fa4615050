import type { ResolvedLook } from "@hotseat/shared";
import { ellipsePoints, headRx, headRy, shade, type Prim } from "./facePrims";

// The hair, behind the head and in front of it, for every style.

/** The hair behind the head (long styles fall behind the shoulders). */
export function hairBack(look: ResolvedLook, hy: number, hair: number): Prim[] {
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

/** The hair over the forehead and sides. */
export function hairFront(look: ResolvedLook, hy: number, hair: number): Prim[] {
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
