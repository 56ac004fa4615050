import { resolveLook, type Emotion, type ResolvedLook, type ScenarioTitle } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";
import { moodBand, type MoodBand } from "./moodBand";

/**
 * What the customer is shown to feel: the state's emotion, put in the words and the face that agree with
 * the mood meter. The scenario's emotion is the moment ("calm" after a good answer); the mood is everything
 * so far (27, upset). Shown side by side as "Calm · 27 Upset" with a sad mouth they contradict each other,
 * so the moment is named relative to the mood: "Calmer · 27 Upset".
 */
export const feelings = [
  "angry",
  "scornful",
  "disappointed",
  "regretful",
  "afraid",
  "irritated",
  "sceptical",
  "unconvinced",
  "pensive",
  "uneasy",
  "calmer",
  "calm",
  "relieved",
  "pleased",
  "delighted",
] as const;
/** One of the words the customer's feeling is shown with; each has its own face. */
export type Feeling = (typeof feelings)[number];

/** -2 strongly negative … +2 strongly positive: what a feeling says about the customer's state. */
export const feelingValence: Record<Feeling, -2 | -1 | 0 | 1 | 2> = {
  angry: -2,
  scornful: -2,
  disappointed: -2,
  regretful: -2,
  afraid: -2,
  irritated: -1,
  sceptical: -1,
  unconvinced: -1,
  pensive: -1,
  uneasy: -1,
  calmer: 0,
  calm: 0,
  relieved: 1,
  pleased: 1,
  delighted: 2,
};

// A negative emotion at a mood from neutral up is a flare, not a storm: its milder word.
const milder: Partial<Record<Emotion, Feeling>> = {
  anger: "irritated",
  contempt: "sceptical",
  disappointment: "unconvinced",
  regret: "pensive",
  fear: "uneasy",
};
const strong: Partial<Record<Emotion, Feeling>> = {
  anger: "angry",
  contempt: "scornful",
  disappointment: "disappointed",
  regret: "regretful",
  fear: "afraid",
};

/**
 * The feeling shown for an emotion at a mood (0..100). Below 40 (furious, upset) a negative emotion is
 * shown at full strength and calm or pleasure only as a change ("calmer", "relieved"); from 40 up a
 * negative emotion is shown in its milder word, and "delighted" needs a mood of 60 (content) or more.
 */
export function feelingFor(emotion: Emotion, mood: number): Feeling {
  const level = moodBand(mood).level;
  const low = level <= 1;
  const strongWord = strong[emotion];
  const milderWord = milder[emotion];
  if (strongWord && milderWord) return low ? strongWord : milderWord;
  if (emotion === "calm") return low ? "calmer" : "calm";
  if (emotion === "pleased") return low ? "relieved" : "pleased";
  return low ? "relieved" : level === 2 ? "pleased" : "delighted";
}

/** `m` or `f`: the suffix of the gendered message keys. */
function genderKey(gender: ResolvedLook["gender"]): "m" | "f" {
  return gender === "feminine" ? "f" : "m";
}

/** The message key of a feeling's word in the persona's grammatical gender. */
export function feelingKey(feeling: Feeling, gender: ResolvedLook["gender"]): MessageKey {
  return `feeling.${feeling}.${genderKey(gender)}` as MessageKey;
}

/** The message key of a mood band's word ("Furious", "Wściekła") in the persona's grammatical gender. */
export function moodWordKey(band: MoodBand, gender: ResolvedLook["gender"]): MessageKey {
  const name = band.key.slice("mood.".length);
  return `moodWord.${name}.${genderKey(gender)}` as MessageKey;
}

/** The customer's feeling and mood band as the screens show them, in the UI language and the persona's gender. */
export type CustomerFeeling = {
  feeling: Feeling;
  /** The feeling's word, e.g. "Calmer" or "Wściekła". */
  word: string;
  band: MoodBand;
  /** The mood band's word, e.g. "Upset" or "Zdenerwowana". */
  moodWord: string;
};

/** The words shown beside the customer's face: they always agree with each other and with the face. */
export function customerFeeling(
  emotion: Emotion,
  mood: number,
  gender: ResolvedLook["gender"],
): CustomerFeeling {
  const feeling = feelingFor(emotion, mood);
  const band = moodBand(mood);
  return { feeling, word: t(feelingKey(feeling, gender)), band, moodWord: t(moodWordKey(band, gender)) };
}

/** The persona's look a view carries, else (a server from before looks) the default look of the customer's name. */
export function lookOfView(view: { scenario?: ScenarioTitle; customer?: { name: string } }): ResolvedLook {
  return view.scenario?.look ?? resolveLook({ persona: { name: view.customer?.name ?? "" } });
}
