import { z } from "zod";
import { skills } from "../learning/skillRubric";
import type { SkillEvidence } from "../learning/skillRubric";
import { localizedSchema } from "./localized";
import type { Localized } from "./localized";
import { antiPatterns, costItems, techniqueTags } from "./vocabulary";

const name = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "a name in lowercase letters, digits and dashes, starting with a letter");

/**
 * A technique tag as runs, views and records carry it: a built-in tag or one the pinned scenario
 * declares. Whether it is known is decided where the scenario is at hand (diagnostics, HS017), so the
 * wire and the stored records only check that it is a well-formed name.
 */
export const tagNameSchema = z.string().min(1).max(100);
export type TagName = string;

/** A cost item as ledgers carry it: built-in or declared by the scenario (checked by HS006). */
export const costItemNameSchema = z.string().min(1).max(100);

// Declared cost items follow the built-in style (`staffTime`): letters, digits and dashes.
const costItemId = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, "a name in letters, digits and dashes, starting with a letter");

/** A tag the scenario adds to the built-in ones. */
export const declaredTagSchema = z.strictObject({
  /** A good technique or a defence mechanism: decides ✔ or ⚠ and how the rubric counts it. */
  kind: z.enum(["good", "defence"]),
  /** The short name shown on badges and in the debrief. */
  label: localizedSchema,
  /** What the tag means, for authors and trainers. */
  description: localizedSchema.optional(),
  /** The skill of the learning rubric it shows evidence for (for or against, by kind); none when left out. */
  skill: z.enum(skills).optional(),
});
export type DeclaredTag = z.infer<typeof declaredTagSchema>;

/** A cost item the scenario adds to the built-in ledger lines. */
export const declaredCostItemSchema = z.strictObject({
  label: localizedSchema,
  /** A note on the unit or currency, e.g. "hours of a technician at 40 EUR". */
  unit: localizedSchema.optional(),
});
export type DeclaredCostItem = z.infer<typeof declaredCostItemSchema>;

/** The scenario's own words, top-level `vocabulary:` in the file. */
export const declaredVocabularySchema = z.strictObject({
  tags: z.record(name, declaredTagSchema).optional(),
  costItems: z.record(costItemId, declaredCostItemSchema).optional(),
});
export type DeclaredVocabulary = z.infer<typeof declaredVocabularySchema>;

const builtInTags = new Set<string>(techniqueTags);
const builtInDefences = new Set<string>(antiPatterns);
const builtInCostItems = new Set<string>(costItems);

/** Whether `tag` is one of the engine's tags (not declared by a scenario). */
export function isBuiltInTag(tag: string): boolean {
  return builtInTags.has(tag);
}

/** Whether `item` is one of the engine's cost items. */
export function isBuiltInCostItem(item: string): boolean {
  return builtInCostItems.has(item);
}

/** Every tag a scenario may use: the built-in ones, then its own. */
export function knownTags(vocabulary: DeclaredVocabulary | undefined): string[] {
  return [...techniqueTags, ...Object.keys(vocabulary?.tags ?? {}).filter((t) => !builtInTags.has(t))];
}

/** Every cost item a scenario may use: the built-in ones, then its own. */
export function knownCostItems(vocabulary: DeclaredVocabulary | undefined): string[] {
  return [...costItems, ...Object.keys(vocabulary?.costItems ?? {}).filter((c) => !builtInCostItems.has(c))];
}

/** A declared tag as a session keeps it (no description: views and records need only this). */
export type DeclaredTagRef = { kind: "good" | "defence"; label: Localized; skill?: SkillEvidence["skill"] };

/** Whether a tag counts as a defence mechanism: built-in anti-patterns, or declared `kind: defence`. */
export function isDefenceTag(tag: string, declared?: Readonly<Record<string, { kind: string }>>): boolean {
  if (builtInTags.has(tag)) return builtInDefences.has(tag);
  return declared?.[tag]?.kind === "defence";
}
