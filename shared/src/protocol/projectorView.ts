import { z } from "zod";
import { emotions, outcomes } from "../scenario/vocabulary";
import { playStyleSchema, sessionPhaseSchema } from "./playStyle";
import {
  bestPathViewSchema,
  branchViewSchema,
  customerViewSchema,
  endingViewSchema,
  ledgerLineSchema,
  meterReadingSchema,
  optionLabelSchema,
  pathStepViewSchema,
  resultViewSchema,
  scenarioMapViewSchema,
  scenarioTitleSchema,
  tallyLineSchema,
  voteStatusSchema,
} from "./viewParts";
import { roomAnswerLineSchema } from "./roomAnswers";

/** One team's line on the projector's board, so the class compares the teams' runs live. */
export const teamBoardLineSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  memberCount: z.number().int(),
  stepIndex: z.number().int(),
  emotion: z.enum(emotions).optional(),
  /** What the team's customer says now, so the wall shows each conversation, not only its numbers. */
  says: z.string().optional(),
  meters: meterReadingSchema,
  ended: z.boolean(),
  outcome: z.enum(outcomes).optional(),
  endingTitle: z.string().optional(),
  /** The team's path with its technique tags, at the debrief only (the board stays small during play). */
  path: z.array(pathStepViewSchema).optional(),
  /** The team's branches abandoned by rewinds, at the debrief only. */
  branches: z.array(branchViewSchema).optional(),
});
export type TeamBoardLine = z.infer<typeof teamBoardLineSchema>;

/** The class view on the wall: the customer, the options, counts (never names), meters and the ledger. */
export const projectorViewSchema = z.strictObject({
  role: z.literal("projector"),
  joinCode: z.string(),
  joinOpen: z.boolean(),
  traineeCount: z.number().int(),
  connectedCount: z.number().int(),
  phase: sessionPhaseSchema,
  paused: z.boolean(),
  style: playStyleSchema,
  scenario: scenarioTitleSchema.optional(),
  stepIndex: z.number().int(),
  customer: customerViewSchema.optional(),
  options: z.array(optionLabelSchema),
  vote: voteStatusSchema,
  tally: z.array(tallyLineSchema),
  votesCast: z.number().int(),
  /** Options tied for the lead after the vote closed. */
  tiedOptionIds: z.array(z.string()),
  result: resultViewSchema.optional(),
  /**
   * How the class voted at the decision revealed, option by option with its label (the options on
   * screen are the next step's by then): the split kept beside the chosen answer. Counts, never names.
   */
  resultSplit: z
    .array(z.strictObject({ optionId: z.string(), label: z.string(), count: z.number().int() }))
    .optional(),
  meters: meterReadingSchema.optional(),
  /** The meters the run started with: step 0 of the debrief chart. */
  startMeters: meterReadingSchema.optional(),
  ledger: z.array(ledgerLineSchema),
  hotSeat: z.strictObject({ holderName: z.string() }).optional(),
  teams: z.array(teamBoardLineSchema),
  ending: endingViewSchema.optional(),
  path: z.array(pathStepViewSchema),
  branches: z.array(branchViewSchema),
  /** The scenario's map, at the debrief only, to draw the path taken on it. */
  map: scenarioMapViewSchema.optional(),
  /** The scenario's best path, at the debrief only, to compare with the one played. */
  best: bestPathViewSchema.optional(),
  /** After a hot-seat reveal: how the observers would have answered, beside the seated trainee's answer. */
  roomAnswers: z.array(roomAnswerLineSchema).optional(),
  /** In the lobby, unless the trainer hid them: the names of the trainees who joined (the first 60). */
  lobbyNames: z.array(z.string()).optional(),
  /** At the debrief, the page the trainer shows on the wall (0 = the first). */
  debriefPage: z.number().int().optional(),
  /** The trainer turned the wall's sound cues on. */
  sound: z.literal(true).optional(),
  /** The trainer skipped this reveal's animation: the wall shows its final frame. */
  revealSkipped: z.literal(true).optional(),
});
export type ProjectorView = z.infer<typeof projectorViewSchema>;
