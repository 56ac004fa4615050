import { emotions } from "@hotseat/shared";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { customerFeeling, feelingFor, feelingValence } from "./customerFeeling";
import { faceShape } from "./faceShape";

const moods = Array.from({ length: 101 }, (_, i) => i);

describe("customerFeeling: the emotion word, the face and the mood band agree", () => {
  afterEach(() => setLocale("en"));

  it('never shows "Calm" beside "27 Upset": calm below 40 is "Calmer", pleasure there is "Relieved"', () => {
    expect(customerFeeling("calm", 27, "masculine")).toMatchObject({ word: "Calmer", moodWord: "Upset" });
    expect(customerFeeling("pleased", 15, "masculine")).toMatchObject({
      word: "Relieved",
      moodWord: "Furious",
    });
    expect(customerFeeling("calm", 55, "masculine")).toMatchObject({ word: "Calm", moodWord: "Neutral" });
  });

  it("names a negative emotion at a mood from neutral up by its milder word", () => {
    expect(customerFeeling("anger", 25, "masculine").word).toBe("Angry");
    expect(customerFeeling("anger", 70, "masculine")).toMatchObject({
      word: "Irritated",
      moodWord: "Content",
    });
    expect(customerFeeling("fear", 50, "masculine").word).toBe("Uneasy");
    expect(customerFeeling("contempt", 60, "masculine").word).toBe("Sceptical");
    expect(customerFeeling("delighted", 45, "masculine").word).toBe("Pleased");
    expect(customerFeeling("delighted", 85, "masculine")).toMatchObject({
      word: "Delighted",
      moodWord: "Happy",
    });
  });

  it("pairs no emotion at any mood with a word of the opposite side", () => {
    for (const emotion of emotions) {
      for (const mood of moods) {
        const { feeling, band } = customerFeeling(emotion, mood, "feminine");
        const valence = feelingValence[feeling];
        if (band.level <= 1) expect(valence, `${emotion} at ${mood}`).toBeLessThanOrEqual(1);
        if (band.level <= 1 && valence === 1) expect(feeling).toBe("relieved");
        if (band.level >= 2) expect(valence, `${emotion} at ${mood}`).toBeGreaterThanOrEqual(-1);
        if (band.level === 2) expect(valence, `${emotion} at ${mood}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("draws a mouth on the same side as the word: no smile while negative, no frown while pleased", () => {
    for (const emotion of emotions) {
      for (const mood of moods) {
        const valence = feelingValence[feelingFor(emotion, mood)];
        const curve = faceShape(mood, emotion).mouthCurve;
        if (valence < 0) expect(curve, `${emotion} at ${mood}`).toBeLessThan(0);
        if (valence > 0) expect(curve, `${emotion} at ${mood}`).toBeGreaterThan(0);
        if (valence === 0) expect(Math.abs(curve), `${emotion} at ${mood}`).toBeLessThanOrEqual(0.3);
      }
    }
  });

  it("bends the mouth further down as the mood falls, for the same emotion", () => {
    for (const emotion of emotions) {
      for (let mood = 1; mood <= 100; mood++) {
        if (feelingFor(emotion, mood) !== feelingFor(emotion, mood - 1)) continue;
        expect(faceShape(mood, emotion).mouthCurve).toBeGreaterThanOrEqual(
          faceShape(mood - 1, emotion).mouthCurve,
        );
      }
    }
  });

  it("agrees with the persona's grammatical gender in Polish, Romanian and Lithuanian", () => {
    setLocale("pl");
    expect(customerFeeling("anger", 10, "feminine")).toMatchObject({
      word: "Rozgniewana",
      moodWord: "Wściekła",
    });
    expect(customerFeeling("anger", 10, "masculine")).toMatchObject({
      word: "Rozgniewany",
      moodWord: "Wściekły",
    });
    setLocale("lt");
    expect(customerFeeling("anger", 10, "feminine")).toMatchObject({ word: "Pikta", moodWord: "Įsiutusi" });
    expect(customerFeeling("anger", 10, "masculine").moodWord).toBe("Įsiutęs");
    setLocale("ro");
    expect(customerFeeling("disappointment", 30, "feminine")).toMatchObject({
      word: "Dezamăgită",
      moodWord: "Supărată",
    });
    expect(customerFeeling("disappointment", 30, "masculine").word).toBe("Dezamăgit");
  });
});
