import { clothesStyles, emotions, hairStyles, resolveLook, type ResolvedLook } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { eyesLayer, faceDrawing, lookColours, primPoints, type Prim } from "./faceDrawing";
import { faceShape, mixShape } from "./faceShape";
import { nextBlinkDelay, idleBreath } from "./faceIdle";

const marta: ResolvedLook = resolveLook({
  persona: { name: "Marta", look: { age: "adult", hair: "long", hairColour: "auburn", glasses: "none" } },
});
const zbigniew: ResolvedLook = resolveLook({
  persona: {
    name: "Zbigniew",
    look: {
      age: "senior",
      hair: "balding",
      hairColour: "grey",
      glasses: "square",
      facialHair: "moustache",
      gender: "masculine",
    },
  },
});

function rotate([x, y]: [number, number], pivot: { x: number; y: number }, angle: number): [number, number] {
  const dx = x - pivot.x;
  const dy = y - pivot.y;
  return [
    pivot.x + dx * Math.cos(angle) - dy * Math.sin(angle),
    pivot.y + dx * Math.sin(angle) + dy * Math.cos(angle),
  ];
}

function allPoints(look: ResolvedLook, mood: number, emotion: (typeof emotions)[number]): [number, number][] {
  const d = faceDrawing(look, faceShape(mood, emotion));
  const head = [...d.head, ...d.eyes, ...d.glasses]
    .flatMap(primPoints)
    .map((p) => rotate(p, d.pivot, d.headAngle));
  return [...d.body.flatMap(primPoints), ...head];
}

const fills = (prims: Prim[]) => new Set(prims.flatMap((p) => (p.fill === undefined ? [] : [p.fill])));

describe("faceDrawing: each persona's portrait", () => {
  it("keeps every look in every emotion and posture inside its square, so nothing is clipped", () => {
    // Every hair style, each with a different cut of clothes, glasses and a beard: the widest shapes.
    const looks = hairStyles.map((hair, i) => ({
      ...marta,
      hair,
      clothes: clothesStyles[i % clothesStyles.length]!,
      glasses: i % 2 ? ("round" as const) : ("square" as const),
      facialHair: i % 2 ? ("beard" as const) : ("none" as const),
      gender: i % 2 ? ("masculine" as const) : ("feminine" as const),
    }));
    for (const look of looks)
      for (const emotion of emotions)
        for (const mood of [0, 30, 50, 70, 100]) {
          const extent = Math.max(
            ...allPoints(look, mood, emotion).map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))),
          );
          expect(extent, `${look.hair} ${look.clothes} ${emotion} ${mood}`).toBeLessThanOrEqual(1);
        }
  });

  it("draws different people differently: hair, skin, clothes, glasses and facial hair", () => {
    const a = faceDrawing(marta, faceShape(50, "calm"));
    const b = faceDrawing(zbigniew, faceShape(50, "calm"));
    expect(fills(a.head)).toContain(lookColours(marta).hair);
    expect(fills(a.head)).toContain(lookColours(marta).skin);
    expect(fills(b.head)).not.toContain(lookColours(marta).hair);
    expect(fills(a.body)).toContain(lookColours(marta).clothes);
    expect(a.glasses).toEqual([]);
    expect(b.glasses.length).toBeGreaterThan(0);
    // A moustache is a filled shape in the hair colour under the nose.
    const moustache = faceDrawing({ ...zbigniew, facialHair: "none" }, faceShape(50, "calm"));
    expect(b.head.length).toBeGreaterThan(moustache.head.length);
    expect(JSON.stringify(a)).not.toEqual(
      JSON.stringify(faceDrawing({ ...marta, hair: "bob" }, faceShape(50, "calm"))),
    );
  });

  it("shows mood in the posture: slumped when disappointed, raised and chin down when angry", () => {
    const shoulderTop = (mood: number, emotion: (typeof emotions)[number]) => {
      const torso = faceDrawing(marta, faceShape(mood, emotion)).body[1];
      return torso?.kind === "poly" ? Math.min(...torso.points.filter((_, i) => i % 2 === 1)) : NaN;
    };
    expect(shoulderTop(10, "anger")).toBeLessThan(shoulderTop(50, "calm"));
    expect(shoulderTop(20, "disappointment")).toBeGreaterThan(shoulderTop(50, "calm"));
    expect(faceDrawing(marta, faceShape(20, "regret")).headAngle).not.toBe(0);
    expect(faceDrawing(marta, faceShape(50, "calm")).headAngle).toBeCloseTo(0);
    expect(faceDrawing(marta, faceShape(10, "anger")).pivot.y).toBeGreaterThan(
      faceDrawing(marta, faceShape(50, "calm")).pivot.y,
    );
  });

  it("changes smoothly: halfway between two expressions is halfway in every factor", () => {
    const from = faceShape(10, "anger");
    const to = faceShape(85, "delighted");
    const half = mixShape(from, to, 0.5);
    expect(half.mouthCurve).toBeCloseTo((from.mouthCurve + to.mouthCurve) / 2);
    expect(half.shoulders).toBeCloseTo((from.shoulders + to.shoulders) / 2);
    expect(mixShape(from, to, 1)).toEqual(to);
  });

  it("blinks by shutting the eyes into lid lines, and breathes and blinks at a calm pace", () => {
    const shape = faceShape(50, "calm");
    const open = eyesLayer(marta, shape, 0);
    const shut = eyesLayer(marta, shape, 1);
    expect(open.filter((p) => p.fill === 0xffffff).length).toBeGreaterThanOrEqual(2);
    expect(shut.every((p) => p.kind === "poly" && p.fill === undefined)).toBe(true);
    expect(nextBlinkDelay(0)).toBeGreaterThanOrEqual(2500);
    expect(nextBlinkDelay(1)).toBeLessThanOrEqual(6000);
    expect(idleBreath(0)).toBe(0);
    expect(idleBreath(2150)).toBeCloseTo(1);
  });
});
