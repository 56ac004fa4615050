import type { MessageKey } from "../i18n/en";

/** One of five mood bands, each with a word and a shape so colour is never the only signal. */
export type MoodBand = {
  key: MessageKey;
  shape: "▼▼" | "▼" | "■" | "▲" | "▲▲";
  color: number;
  level: 0 | 1 | 2 | 3 | 4;
};

const bands: MoodBand[] = [
  { key: "mood.furious", shape: "▼▼", color: 0xef476f, level: 0 },
  { key: "mood.upset", shape: "▼", color: 0xf78c6b, level: 1 },
  { key: "mood.neutral", shape: "■", color: 0xffd166, level: 2 },
  { key: "mood.content", shape: "▲", color: 0x83d483, level: 3 },
  { key: "mood.happy", shape: "▲▲", color: 0x06d6a0, level: 4 },
];

/** The band a mood value (0..100, clamped) falls into: 0-19 furious … 80-100 happy. */
export function moodBand(mood: number): MoodBand {
  const clamped = Math.max(0, Math.min(100, mood));
  return bands[Math.min(4, Math.floor(clamped / 20))] as MoodBand;
}
