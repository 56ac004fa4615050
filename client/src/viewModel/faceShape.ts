import type { Emotion } from "@hotseat/shared";
import { feelingFor, type Feeling } from "./customerFeeling";

/**
 * How to draw the customer's expression and posture: unitless factors the face drawing scales.
 * `mouthCurve` > 0 smiles, < 0 frowns; `browTilt` > 0 pulls inner brows down (anger), < 0 up (worry);
 * `shoulders` > 0 raises them (tension, fear), < 0 slumps them; `headTilt` tilts the head sideways
 * (> 0 to the customer's left); `headDrop` > 0 lowers the chin, < 0 raises it (contempt).
 */
export type FaceShape = {
  mouthCurve: number;
  mouthOpen: number;
  browTilt: number;
  browLift: number;
  eyeOpen: number;
  /** Red of anger in the cheeks, 0..1. */
  flush: number;
  /** Rosy cheeks of pleasure, 0..1. */
  blush: number;
  /** One brow and mouth corner raised (contempt, scepticism), 0..1. */
  asymmetry: number;
  shoulders: number;
  headTilt: number;
  headDrop: number;
};

type FeelingShape = Omit<FaceShape, "mouthCurve"> & { mouth: [number, number] };

// Each feeling's face; `mouth` is the mouth's curve at mood 0 and at mood 100, so a worse mood bends it
// further down while the curve never leaves the side the feeling is on (no smile while angry).
const byFeeling: Record<Feeling, FeelingShape> = {
  angry: {
    browTilt: 1,
    browLift: -0.3,
    eyeOpen: 0.75,
    mouthOpen: 0.4,
    flush: 0.7,
    blush: 0,
    asymmetry: 0,
    mouth: [-1, -0.5],
    shoulders: 0.8,
    headTilt: 0,
    headDrop: 0.45,
  },
  scornful: {
    browTilt: 0.45,
    browLift: 0,
    eyeOpen: 0.55,
    mouthOpen: 0,
    flush: 0.2,
    blush: 0,
    asymmetry: 0.9,
    mouth: [-0.6, -0.25],
    shoulders: 0.2,
    headTilt: -0.35,
    headDrop: -0.45,
  },
  disappointed: {
    browTilt: -0.55,
    browLift: 0.1,
    eyeOpen: 0.62,
    mouthOpen: 0,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.9, -0.45],
    shoulders: -0.8,
    headTilt: 0.25,
    headDrop: 0.45,
  },
  regretful: {
    browTilt: -0.85,
    browLift: 0.3,
    eyeOpen: 0.68,
    mouthOpen: 0.12,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.85, -0.45],
    shoulders: -0.9,
    headTilt: 0.45,
    headDrop: 0.55,
  },
  afraid: {
    browTilt: -1,
    browLift: 0.9,
    eyeOpen: 1.25,
    mouthOpen: 0.5,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.65, -0.3],
    shoulders: 1,
    headTilt: 0,
    headDrop: 0.2,
  },
  irritated: {
    browTilt: 0.65,
    browLift: -0.15,
    eyeOpen: 0.8,
    mouthOpen: 0,
    flush: 0.25,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.5, -0.2],
    shoulders: 0.4,
    headTilt: 0,
    headDrop: 0.2,
  },
  sceptical: {
    browTilt: 0.2,
    browLift: 0.05,
    eyeOpen: 0.72,
    mouthOpen: 0,
    flush: 0,
    blush: 0,
    asymmetry: 0.7,
    mouth: [-0.35, -0.1],
    shoulders: 0.05,
    headTilt: -0.2,
    headDrop: -0.15,
  },
  unconvinced: {
    browTilt: -0.3,
    browLift: 0.05,
    eyeOpen: 0.78,
    mouthOpen: 0,
    flush: 0,
    blush: 0,
    asymmetry: 0.25,
    mouth: [-0.45, -0.15],
    shoulders: -0.35,
    headTilt: 0.15,
    headDrop: 0.15,
  },
  pensive: {
    browTilt: -0.45,
    browLift: 0.2,
    eyeOpen: 0.72,
    mouthOpen: 0,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.4, -0.12],
    shoulders: -0.4,
    headTilt: 0.35,
    headDrop: 0.3,
  },
  uneasy: {
    browTilt: -0.65,
    browLift: 0.45,
    eyeOpen: 1.05,
    mouthOpen: 0.12,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.4, -0.12],
    shoulders: 0.5,
    headTilt: 0.05,
    headDrop: 0.1,
  },
  calmer: {
    browTilt: -0.1,
    browLift: 0,
    eyeOpen: 0.85,
    mouthOpen: 0,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.3, -0.05],
    shoulders: 0.1,
    headTilt: 0,
    headDrop: 0.1,
  },
  calm: {
    browTilt: 0,
    browLift: 0,
    eyeOpen: 0.9,
    mouthOpen: 0,
    flush: 0,
    blush: 0,
    asymmetry: 0,
    mouth: [-0.05, 0.2],
    shoulders: 0,
    headTilt: 0,
    headDrop: 0,
  },
  relieved: {
    browTilt: -0.35,
    browLift: 0.3,
    eyeOpen: 0.85,
    mouthOpen: 0.05,
    flush: 0,
    blush: 0.15,
    asymmetry: 0,
    mouth: [0.12, 0.3],
    shoulders: -0.25,
    headTilt: 0.1,
    headDrop: 0,
  },
  pleased: {
    browTilt: -0.1,
    browLift: 0.2,
    eyeOpen: 0.82,
    mouthOpen: 0.15,
    flush: 0,
    blush: 0.35,
    asymmetry: 0,
    mouth: [0.35, 0.7],
    shoulders: -0.1,
    headTilt: 0.2,
    headDrop: -0.05,
  },
  delighted: {
    browTilt: -0.2,
    browLift: 0.55,
    eyeOpen: 0.7,
    mouthOpen: 0.6,
    flush: 0,
    blush: 0.55,
    asymmetry: 0,
    mouth: [0.7, 1],
    shoulders: -0.1,
    headTilt: 0.25,
    headDrop: -0.12,
  },
};

/**
 * The face for a mood (0..100) and the state's emotion, through the feeling the words show
 * (`feelingFor`): the feeling sets brows, eyes and posture, the mood bends the mouth within the
 * feeling's range, so the face always agrees with the word and the mood band beside it.
 */
export function faceShape(mood: number, emotion: Emotion = "calm"): FaceShape {
  const { mouth, ...rest } = byFeeling[feelingFor(emotion, mood)];
  const m = Math.max(0, Math.min(100, mood)) / 100;
  const shape: FaceShape = { ...rest, mouthCurve: mouth[0] + (mouth[1] - mouth[0]) * m };
  // Fury reddens the face more than anger at a middling mood.
  if (mood < 20) shape.flush = Math.max(shape.flush, rest.flush > 0 ? 0.85 : 0);
  return shape;
}

/** The shape `p` (0..1) of the way from `a` to `b`: every factor moves together, so changes are smooth. */
export function mixShape(a: FaceShape, b: FaceShape, p: number): FaceShape {
  const out = { ...b };
  if (p >= 1) return out;
  for (const key of Object.keys(b) as (keyof FaceShape)[]) out[key] = a[key] + (b[key] - a[key]) * p;
  return out;
}
