import type { Emotion } from "@hotseat/shared";

/**
 * How to draw the customer's face: all numbers are unitless factors the CustomerFace widget scales.
 * `mouthCurve` > 0 smiles, < 0 frowns; `browTilt` > 0 pulls inner brows down (anger), < 0 up (worry).
 */
export type FaceShape = {
  mouthCurve: number;
  mouthOpen: number;
  browTilt: number;
  browLift: number;
  eyeOpen: number;
  skin: number;
  cheeks: number;
  asymmetry: number;
};

type EmotionShape = Omit<FaceShape, "skin" | "cheeks" | "mouthCurve"> & { mouthBias: number; skin: number };

const byEmotion: Record<Emotion, EmotionShape> = {
  anger: {
    browTilt: 1,
    browLift: -0.3,
    eyeOpen: 0.75,
    mouthOpen: 0.35,
    asymmetry: 0,
    mouthBias: -0.4,
    skin: 0xf2a48a,
  },
  contempt: {
    browTilt: 0.4,
    browLift: 0,
    eyeOpen: 0.55,
    mouthOpen: 0,
    asymmetry: 0.8,
    mouthBias: -0.1,
    skin: 0xe8c39e,
  },
  disappointment: {
    browTilt: -0.5,
    browLift: 0.1,
    eyeOpen: 0.65,
    mouthOpen: 0,
    asymmetry: 0,
    mouthBias: -0.3,
    skin: 0xe3c7a8,
  },
  regret: {
    browTilt: -0.8,
    browLift: 0.3,
    eyeOpen: 0.7,
    mouthOpen: 0.1,
    asymmetry: 0,
    mouthBias: -0.25,
    skin: 0xe6c8ab,
  },
  fear: {
    browTilt: -1,
    browLift: 0.8,
    eyeOpen: 1.2,
    mouthOpen: 0.4,
    asymmetry: 0,
    mouthBias: -0.15,
    skin: 0xeed9c4,
  },
  calm: { browTilt: 0, browLift: 0, eyeOpen: 0.9, mouthOpen: 0, asymmetry: 0, mouthBias: 0, skin: 0xf1cfa9 },
  pleased: {
    browTilt: -0.1,
    browLift: 0.2,
    eyeOpen: 0.9,
    mouthOpen: 0.1,
    asymmetry: 0,
    mouthBias: 0.2,
    skin: 0xf4cfa6,
  },
  delighted: {
    browTilt: -0.2,
    browLift: 0.5,
    eyeOpen: 1,
    mouthOpen: 0.5,
    asymmetry: 0,
    mouthBias: 0.4,
    skin: 0xf7c9a0,
  },
};

/**
 * The face for a mood (0..100) and the state's emotion: the emotion sets brows, eyes and colour;
 * the mood bends the mouth, so the same "anger" line looks worse at mood 5 than at mood 40.
 */
export function faceShape(mood: number, emotion: Emotion = "calm"): FaceShape {
  const e = byEmotion[emotion];
  const m = (Math.max(0, Math.min(100, mood)) - 50) / 50; // -1 .. 1
  const mouthCurve = Math.max(-1, Math.min(1, m * 0.8 + e.mouthBias));
  return {
    mouthCurve,
    mouthOpen: e.mouthOpen,
    browTilt: e.browTilt,
    browLift: e.browLift,
    eyeOpen: e.eyeOpen,
    skin: e.skin,
    cheeks: mood < 25 && (emotion === "anger" || emotion === "contempt") ? 0.8 : mood > 70 ? 0.4 : 0,
    asymmetry: e.asymmetry,
  };
}
