import { z } from "zod";
import { costItemNameSchema, tagNameSchema } from "./declaredVocabulary";

const delta = z.number().int().min(-100).max(100);
const factId = z.string().regex(/^[a-z][a-z0-9-]*$/, "a fact name in lowercase letters, digits and dashes");
const threshold = z.number().min(0);

/** The params each action takes; the keys are the only action names a scenario may use. */
export const actionParamsSchemas = {
  effect: z
    .strictObject({
      mood: delta.optional(),
      reputation: delta.optional(),
      strain: delta.optional(),
      // Built-in or declared items; an unknown one is HS006 (diagnoseVocabulary).
      cost: z.record(costItemNameSchema, z.number()).optional(),
    })
    .refine(
      (p) => Object.keys(p).length > 0,
      "an effect must change at least one of mood, reputation, strain, cost",
    ),
  remember: z.strictObject({ fact: factId }),
  forget: z.strictObject({ fact: factId }),
} as const;
export type ActionName = keyof typeof actionParamsSchemas;
export type EffectParams = z.infer<typeof actionParamsSchemas.effect>;

const valueParams = z.strictObject({ value: threshold });

/** The params each guard takes; the keys are the only guard names a scenario may use. */
export const guardParamsSchemas = {
  moodBelow: valueParams,
  moodAtLeast: valueParams,
  reputationBelow: valueParams,
  reputationAtLeast: valueParams,
  strainAbove: valueParams,
  strainAtMost: valueParams,
  costAbove: valueParams,
  costAtMost: valueParams,
  said: z.strictObject({ tag: tagNameSchema }),
  notSaid: z.strictObject({ tag: tagNameSchema }),
  chose: z.strictObject({ option: z.string().min(1) }),
  notChose: z.strictObject({ option: z.string().min(1) }),
  remembers: z.strictObject({ fact: factId }),
  forgot: z.strictObject({ fact: factId }),
  visited: z.strictObject({ state: z.string().min(1) }),
  notVisited: z.strictObject({ state: z.string().min(1) }),
} as const;
export type GuardName = keyof typeof guardParamsSchemas;
