import { describe, expect, it } from "vitest";
import { faceShape } from "./faceShape";
import { formatMoney } from "./money";
import { moodBand } from "./moodBand";

describe("customer face and mood band", () => {
  it("frowns when angry and low, smiles when delighted and high", () => {
    expect(faceShape(5, "anger").mouthCurve).toBeLessThan(-0.5);
    expect(faceShape(95, "delighted").mouthCurve).toBeGreaterThan(0.5);
    expect(faceShape(5, "anger").browTilt).toBeGreaterThan(0);
    expect(faceShape(40, "fear").eyeOpen).toBeGreaterThan(faceShape(40, "calm").eyeOpen);
  });

  it("gives each mood band a distinct shape besides its colour", () => {
    const shapes = [0, 25, 50, 65, 100].map((m) => moodBand(m).shape);
    expect(new Set(shapes).size).toBe(5);
    expect(moodBand(-10).key).toBe("mood.furious");
    expect(moodBand(150).key).toBe("mood.happy");
  });

  it("formats costs in the scenario's currency", () => {
    expect(formatMoney(45, "EUR", "en")).toBe("€45");
    expect(formatMoney(45, "XXX-bad", "en")).toBe("45 XXX-bad");
  });
});
