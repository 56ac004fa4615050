import { z } from "zod";
import { playStyleSchema, sessionPhaseSchema } from "./playStyle";
import {
  customerViewSchema,
  endingViewSchema,
  meterReadingSchema,
  optionLabelSchema,
  ownChoiceViewSchema,
  pathStepViewSchema,
  resultViewSchema,
  scenarioMapViewSchema,
  scenarioTitleSchema,
  voteStatusSchema,
} from "./viewParts";

/**
 * What one trainee's phone shows. Its size does not grow with the class: no roster, no tally,
 * no other trainee's vote, and never an option's effects.
 */
export const traineeViewSchema = z.strictObject({
  role: z.literal("trainee"),
  me: z.strictObject({ id: z.string(), name: z.string(), removed: z.boolean() }),
  phase: sessionPhaseSchema,
  paused: z.boolean(),
  style: playStyleSchema,
  scenario: scenarioTitleSchema.optional(),
  /** The decision being played now (0-based); echo it as `stepIndex` in vote/mark/choose. */
  stepIndex: z.number().int(),
  customer: customerViewSchema.optional(),
  options: z.array(optionLabelSchema),
  /** What this trainee can do with the options now. */
  can: z.enum(["vote", "mark", "choose", "wait"]),
  myVote: z.string().optional(),
  myMark: z.string().optional(),
  /** A class vote was revealed without this trainee's vote: the phone says what the class chose. */
  missedVote: z.boolean().optional(),
  vote: voteStatusSchema,
  /** Options tied for the lead once the vote closed (labels are in `options`): the trainer decides. */
  tiedOptionIds: z.array(z.string()).optional(),
  result: resultViewSchema.optional(),
  /** This trainee's own vote or mark at the decision revealed, with the feedback on it. */
  myChoice: ownChoiceViewSchema.optional(),
  /**
   * What this trainee may do to move on once the run has ended, when nobody else will (solo without a
   * trainer): show the ending (`trainer.showEnding`), then the debrief (`trainer.end`).
   */
  moveOn: z.enum(["ending", "debrief"]).optional(),
  meters: meterReadingSchema.optional(),
  /** The meters the run started with: step 0 of the debrief chart. */
  startMeters: meterReadingSchema.optional(),
  hotSeat: z.strictObject({ holderName: z.string(), inSeat: z.boolean() }).optional(),
  team: z
    .strictObject({ id: z.string(), name: z.string(), captainName: z.string(), isCaptain: z.boolean() })
    .optional(),
  /** The teams a trainee may pick in the lobby: names and member counts only, never who is in them. */
  teams: z.array(z.strictObject({ id: z.string(), name: z.string(), memberCount: z.number().int() })),
  ending: endingViewSchema.optional(),
  /** The path played, shown at the debrief. */
  path: z.array(pathStepViewSchema).optional(),
  /** The scenario's map, at the debrief only, to draw the path taken on it. */
  map: scenarioMapViewSchema.optional(),
});
export type TraineeView = z.infer<typeof traineeViewSchema>;
