import type { Emotion, ResolvedLook } from "@hotseat/shared";
import { faceDrawing, type Prim } from "../../viewModel/faceDrawing";
import { faceShape } from "../../viewModel/faceShape";

const colour = (c: number) => `#${c.toString(16).padStart(6, "0")}`;

function paint(prims: Prim[]): string {
  return prims
    .map((p) => {
      const fill = p.fill === undefined ? `fill="none"` : `fill="${colour(p.fill)}"`;
      const alpha = "alpha" in p && p.alpha !== undefined ? ` fill-opacity="${p.alpha}"` : "";
      const line = p.line
        ? ` stroke="${colour(p.line.color)}" stroke-width="${p.line.width}" stroke-opacity="${p.line.alpha ?? 1}" stroke-linejoin="round" stroke-linecap="round"`
        : "";
      if (p.kind === "poly") {
        const tag = p.closed ? "polygon" : "polyline";
        const points = p.points.map((v) => v.toFixed(4)).join(" ");
        // An open line is never filled, as the canvas draws it.
        const paint = p.closed ? fill + alpha : `fill="none"`;
        return `<${tag} points="${points}" ${paint}${line}/>`;
      }
      if (p.kind === "rect")
        return `<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="${p.radius}" ${fill}${line}/>`;
      return `<ellipse cx="${p.x}" cy="${p.y}" rx="${p.w / 2}" ry="${p.h / 2}" ${fill}${alpha}${line}/>`;
    })
    .join("");
}

/**
 * The customer's portrait as an SVG, from the same pure drawing the game's canvas paints (faceDrawing), so
 * the Studio's preview shows the face a trainee sees without loading Phaser. Decorative: the words beside
 * it say the feeling.
 */
export function faceSvg(look: ResolvedLook, mood: number, emotion: Emotion): string {
  const d = faceDrawing(look, faceShape(mood, emotion));
  const turn = `rotate(${((d.headAngle * 180) / Math.PI).toFixed(2)} ${d.pivot.x} ${d.pivot.y})`;
  return `<svg viewBox="-1 -1 2 2" aria-hidden="true" focusable="false">${paint(d.backdrop)}${paint(d.body)}<g transform="${turn}">${paint(d.head)}${paint(d.eyes)}${paint(d.glasses)}</g></svg>`;
}
