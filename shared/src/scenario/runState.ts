import { z } from "zod";
import { localizedSchema } from "./localized";
import { costItemNameSchema, tagNameSchema } from "./declaredVocabulary";

const meter = z.number().min(0).max(100);

/** The meters shown during a run; reputation and strain only when the scenario has them. */
export const runMetersSchema = z.object({
  mood: meter,
  reputation: meter.optional(),
  strain: meter.optional(),
});
export type RunMeters = z.infer<typeof runMetersSchema>;

/** What one choice did: from where to where, with which techniques, and the meters after it. */
export const runStepSchema = z.object({
  optionId: z.string(),
  from: z.string(),
  to: z.string(),
  tags: z.array(tagNameSchema),
  metersAfter: runMetersSchema,
  costAfter: z.number(),
});
export type RunStep = z.infer<typeof runStepSchema>;

/** A run of a scenario as plain JSON: safe to store, send and restore. */
export const runStateSchema = z.object({
  stateId: z.string(),
  meters: runMetersSchema,
  ledger: z.record(costItemNameSchema, z.number()),
  said: z.array(tagNameSchema),
  chosen: z.array(z.string()),
  facts: z.array(z.string()),
  visited: z.array(z.string()),
  steps: z.array(runStepSchema),
  ended: z.boolean(),
  endingId: z.string().optional(),
});
export type RunState = z.infer<typeof runStateSchema>;

/** An option the trainee can pick now, with what it would do (the effects are for trainers only). */
export const runOptionSchema = z.object({
  id: z.string(),
  label: localizedSchema,
  feedback: localizedSchema.optional(),
  tags: z.array(tagNameSchema),
  effects: z.object({ mood: z.number(), reputation: z.number(), strain: z.number(), cost: z.number() }),
});
export type RunOption = z.infer<typeof runOptionSchema>;

/** Why a choice was refused. */
export type RunErrorCode = "option.unknown" | "option.unavailable" | "run.ended";

/** Thrown by `choose` when a choice cannot be made; `code` says why. */
export class RunError extends Error {
  readonly code: RunErrorCode;
  constructor(code: RunErrorCode, message: string) {
    super(message);
    this.name = "RunError";
    this.code = code;
  }
}
