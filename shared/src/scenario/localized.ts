import { z } from "zod";

/** A locale code such as `en`, `pl`, `ro`, `lt` (BCP 47 language, optional region). */
export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a locale code such as en, pl, ro or lt");
export type Locale = z.infer<typeof localeSchema>;

/** A player-facing string: one text for every language, or a map from locale to text. */
export const localizedSchema = z.union([
  z.string().min(1, "must not be empty"),
  z.record(localeSchema, z.string().min(1, "must not be empty")),
]);
export type Localized = z.infer<typeof localizedSchema>;

/** Picks the text for `locale`, falling back to `fallback`, then to English, then to any text. */
export function localize(text: Localized, locale: string, fallback = "en"): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text[fallback] ?? text["en"] ?? Object.values(text)[0] ?? "";
}
