import { z } from "zod";
import { resolvedLookSchema } from "../scenario/personaLook";
import { costItemNameSchema, tagNameSchema } from "../scenario/declaredVocabulary";
import { emotions, outcomes } from "../scenario/vocabulary";

/** The relationship and company meters of a run, after clamping to 0..100, plus the ledger total. */
export const meterReadingSchema = z.strictObject({
  mood: z.number(),
  reputation: z.number().optional(),
  strain: z.number().optional(),
  cost: z.number(),
});
export type MeterReading = z.infer<typeof meterReadingSchema>;

/** One line of the itemised cost ledger. */
export const ledgerLineSchema = z.strictObject({ item: costItemNameSchema, amount: z.number() });
export type LedgerLine = z.infer<typeof ledgerLineSchema>;

/** What the customer says and shows now, in the viewer's language. */
export const customerViewSchema = z.strictObject({
  name: z.string(),
  line: z.string(),
  emotion: z.enum(emotions),
  narration: z.string().optional(),
});
export type CustomerView = z.infer<typeof customerViewSchema>;

/** An option as players see it: no effects, no feedback before it is chosen. */
export const optionLabelSchema = z.strictObject({ id: z.string(), label: z.string() });
export type OptionLabel = z.infer<typeof optionLabelSchema>;

/** How a decision was made: the vote's majority, a tie settled by the trainer or a seeded draw, and so on. */
export const decidedBySchema = z.enum([
  "majority",
  "tie-trainer",
  "tie-draw",
  "override",
  "hot-seat",
  "team",
  "solo",
]);
export type DecidedBy = z.infer<typeof decidedBySchema>;

/** The revealed result of the last decision: what was played and what the expert says about it. */
export const resultViewSchema = z.strictObject({
  stepIndex: z.number().int(),
  optionId: z.string(),
  label: z.string(),
  feedback: z.string().optional(),
  tags: z.array(tagNameSchema),
  decidedBy: decidedBySchema,
});
export type ResultView = z.infer<typeof resultViewSchema>;

/**
 * A trainee's own vote (class vote) or mark (hot seat) at the decision just revealed, with the expert's
 * feedback on that option: sent to that trainee only, so they learn from their own choice too.
 */
export const ownChoiceViewSchema = z.strictObject({
  kind: z.enum(["vote", "mark"]),
  optionId: z.string(),
  label: z.string(),
  feedback: z.string().optional(),
  tags: z.array(tagNameSchema),
});
export type OwnChoiceView = z.infer<typeof ownChoiceViewSchema>;

/** How a run ended and what the trainer discusses about it. */
export const endingViewSchema = z.strictObject({
  id: z.string(),
  outcome: z.enum(outcomes),
  title: z.string(),
  debrief: z.string(),
});
export type EndingView = z.infer<typeof endingViewSchema>;

/** Votes per option, in option order; counts only, no names. */
export const tallyLineSchema = z.strictObject({ optionId: z.string(), count: z.number().int() });
export type TallyLine = z.infer<typeof tallyLineSchema>;

/** One step of a played path, as the debrief lists it. */
export const pathStepViewSchema = z.strictObject({
  stepIndex: z.number().int(),
  optionId: z.string(),
  label: z.string(),
  decidedBy: decidedBySchema,
  /** Technique tags of the option played, so the debrief names techniques for every step. */
  tags: z.array(tagNameSchema),
  moodAfter: z.number(),
  costAfter: z.number(),
  /** The states this step led from and to, to draw it on the scenario's map. */
  from: z.string().optional(),
  to: z.string().optional(),
  /** How the class voted at this decision, per option in screen order (class vote): counts, never names. */
  split: z.array(tallyLineSchema).optional(),
  /** What the hot-seat observers would have chosen, per option in screen order: counts, never names. */
  marked: z.array(tallyLineSchema).optional(),
});
export type PathStepView = z.infer<typeof pathStepViewSchema>;

/** The scenario's map without its words, shown at the debrief with the path taken drawn on it. */
export const scenarioMapViewSchema = z.strictObject({
  start: z.string(),
  nodes: z.array(
    z.strictObject({
      id: z.string(),
      depth: z.number().int(),
      final: z.boolean(),
      outcome: z.enum(outcomes).optional(),
    }),
  ),
  edges: z.array(z.strictObject({ from: z.string(), to: z.string() })),
});
export type ScenarioMapView = z.infer<typeof scenarioMapViewSchema>;

/** A branch abandoned by a rewind, kept so the debrief can compare it with the path finally played. */
export const branchViewSchema = z.strictObject({
  fromStep: z.number().int(),
  steps: z.array(pathStepViewSchema),
  ending: endingViewSchema.optional(),
});
export type BranchView = z.infer<typeof branchViewSchema>;

/** The scenario being played, as a title line, with how its customer looks (for every face drawn of them). */
export const scenarioTitleSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  currency: z.string(),
  /** The persona's look, every field decided; the client falls back to a default when it is absent. */
  look: resolvedLookSchema.optional(),
  /** The scenario's declared tags in the viewer's language, so badges name them like built-in ones. */
  tags: z.record(tagNameSchema, z.strictObject({ good: z.boolean(), label: z.string() })).optional(),
  /** The scenario's declared cost items' labels in the viewer's language. */
  costItems: z.record(costItemNameSchema, z.string()).optional(),
});
export type ScenarioTitle = z.infer<typeof scenarioTitleSchema>;

/** The class vote's status: whether it is open and, with a timer, when it closes (server ms epoch). */
export const voteStatusSchema = z.strictObject({
  open: z.boolean(),
  deadline: z.number().optional(),
  /** Milliseconds left on a paused timer. */
  remainingMs: z.number().optional(),
});
export type VoteStatus = z.infer<typeof voteStatusSchema>;

/**
 * The scenario's best path by the customer's final mood, for the debrief's comparison: the option
 * labels in order, and the mood and cost it ends with. Computed by the server, shown after the run.
 */
export const bestPathViewSchema = z.strictObject({
  labels: z.array(z.string()),
  mood: z.number(),
  cost: z.number(),
});
export type BestPathView = z.infer<typeof bestPathViewSchema>;
