import { z } from "zod";
import { localeSchema, localizedSchema } from "./localized";
import { personaLookSchema } from "./personaLook";
import { declaredVocabularySchema, tagNameSchema } from "./declaredVocabulary";
import { customerTypes, emotions, outcomes, softMatters } from "./vocabulary";

/** The newest scenario format this engine reads. Older files are migrated, newer ones refused. */
export const currentFormatVersion = 1;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "an id in lowercase letters, digits and dashes, starting with a letter");

/**
 * A reference to an action or a guard: a bare name, or `{ type, params }`.
 * The schema accepts any name and any params so that `diagnoseScenario` can explain a wrong
 * name or wrong params in the author's terms (HS004–HS006) instead of a generic type error.
 */
export const implementationRefSchema = z.union([
  z.string().min(1),
  z.strictObject({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() }),
]);
export type ImplementationRef = z.infer<typeof implementationRefSchema>;

/** What an option shows the trainee, and what the expert says after it is chosen. */
export const optionMetaSchema = z.strictObject({
  label: localizedSchema.optional(),
  feedback: localizedSchema.optional(),
  /** Built-in tags or ones declared under `vocabulary.tags` (an unknown one is HS017). */
  tags: z.array(tagNameSchema).optional(),
});
export type OptionMeta = z.infer<typeof optionMetaSchema>;

/** One branch of an option (or of an automatic `always` check). */
export const transitionSchema = z.strictObject({
  target: z.string().min(1).optional(),
  guard: implementationRefSchema.optional(),
  actions: z.union([implementationRefSchema, z.array(implementationRefSchema)]).optional(),
  meta: optionMetaSchema.optional(),
  description: z.string().optional(),
});
export type TransitionConfig = z.infer<typeof transitionSchema>;

const transitionsSchema = z.union([transitionSchema, z.array(transitionSchema).min(1)]);

/** What the customer says and shows in a moment of the conversation. */
export const stateMetaSchema = z.strictObject({
  line: localizedSchema,
  emotion: z.enum(emotions),
  narration: localizedSchema.optional(),
  ending: id.optional(),
});
export type StateMeta = z.infer<typeof stateMetaSchema>;

/** A moment of the conversation: the customer's line and the trainee's options. */
export const stateSchema = z.strictObject({
  type: z.literal("final").optional(),
  meta: stateMetaSchema,
  entry: z.union([implementationRefSchema, z.array(implementationRefSchema)]).optional(),
  on: z.record(z.string().min(1), transitionsSchema).optional(),
  always: transitionsSchema.optional(),
  description: z.string().optional(),
});
export type StateConfig = z.infer<typeof stateSchema>;

/** How a run can end, with the debrief the trainer shows. */
export const endingSchema = z.strictObject({
  outcome: z.enum(outcomes),
  title: localizedSchema,
  debrief: localizedSchema,
});
export type Ending = z.infer<typeof endingSchema>;

const meterStart = z.number().int().min(0).max(100);

/** A whole scenario file (format version 1). */
export const scenarioSchema = z.strictObject({
  formatVersion: z.literal(currentFormatVersion),
  id,
  title: localizedSchema,
  summary: localizedSchema,
  languages: z.array(localeSchema).min(1),
  audience: z.enum(["B2C", "B2B"]),
  /** How long a class takes to play and discuss it, in minutes (shown in the library and the console). */
  estimatedMinutes: z.number().int().positive().optional(),
  setting: localizedSchema.optional(),
  persona: z.strictObject({
    name: z.string().min(1),
    description: localizedSchema,
    customerType: z.enum(customerTypes),
    /** How the customer looks on screen; what is left out is derived from the name (see resolveLook). */
    look: personaLookSchema.optional(),
  }),
  matter: z.strictObject({
    hard: localizedSchema,
    soft: z.array(z.enum(softMatters)).min(1),
  }),
  values: z.array(localizedSchema).min(1),
  brokenPromise: localizedSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, "a three-letter currency code such as EUR or PLN"),
  meters: z.strictObject({
    mood: meterStart,
    reputation: meterStart.optional(),
    strain: meterStart.optional(),
  }),
  /** The scenario's own technique tags and cost items, used like the built-in ones. */
  vocabulary: declaredVocabularySchema.optional(),
  endings: z.record(id, endingSchema),
  machine: z.strictObject({
    initial: z.string().min(1),
    states: z.record(z.string().min(1), stateSchema),
  }),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** A band a meter must end in; either bound may be left out. */
export const bandSchema = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

/** A test plan: a list of choices and what must come out of them. */
export const testPlanSchema = z.strictObject({
  name: z.string().min(1),
  locale: localeSchema.optional(),
  choices: z.array(z.string().min(1)),
  expect: z.strictObject({
    ending: id,
    mood: bandSchema.optional(),
    cost: bandSchema.optional(),
    reputation: bandSchema.optional(),
    strain: bandSchema.optional(),
    lines: z.array(z.string().min(1)).optional(),
  }),
});
export type TestPlan = z.infer<typeof testPlanSchema>;

/** A file of test plans, stored beside its scenario as `plans.yaml`. */
export const testPlansFileSchema = z.strictObject({
  formatVersion: z.literal(currentFormatVersion),
  scenario: id,
  plans: z.array(testPlanSchema).min(1),
});
export type TestPlansFile = z.infer<typeof testPlansFileSchema>;
