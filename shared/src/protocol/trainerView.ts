import { z } from "zod";
import { tagNameSchema } from "../scenario/declaredVocabulary";
import { playStyleSchema, sessionPhaseSchema } from "./playStyle";
import { trainerControlsSchema } from "./trainerControls";
import { teamBoardLineSchema } from "./projectorView";
import {
  bestPathViewSchema,
  branchViewSchema,
  customerViewSchema,
  decidedBySchema,
  endingViewSchema,
  ledgerLineSchema,
  meterReadingSchema,
  resultViewSchema,
  scenarioMapViewSchema,
  scenarioTitleSchema,
  tallyLineSchema,
  voteStatusSchema,
} from "./viewParts";

/** One trainee on the trainer's roster. */
export const rosterEntrySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  teamId: z.string().optional(),
  connected: z.boolean(),
  removed: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** An option with what it would do if played now: trainer-only. */
export const optionPreviewSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  feedback: z.string().optional(),
  tags: z.array(tagNameSchema),
  effects: z.strictObject({ mood: z.number(), reputation: z.number(), strain: z.number(), cost: z.number() }),
});
export type OptionPreview = z.infer<typeof optionPreviewSchema>;

/** A decision in the history, with everything needed to discuss or rewind to it. */
export const decisionViewSchema = z.strictObject({
  stepIndex: z.number().int(),
  optionId: z.string(),
  label: z.string(),
  decidedBy: decidedBySchema,
  byName: z.string().optional(),
  tags: z.array(tagNameSchema),
  tally: z.array(tallyLineSchema),
  /** traineeId → optionId, for class votes. */
  votes: z.record(z.string(), z.string()),
  /** traineeId → optionId, the hot-seat observers' secret marks. */
  marks: z.record(z.string(), z.string()),
  at: z.number(),
  meters: meterReadingSchema,
  /** The states this decision led from and to, to draw it on the scenario's map. */
  from: z.string().optional(),
  to: z.string().optional(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

/** A team as the trainer sees it: its members and its own run. */
export const trainerTeamSchema = teamBoardLineSchema.extend({
  captainId: z.string().optional(),
  memberIds: z.array(z.string()),
  customer: customerViewSchema.optional(),
  options: z.array(optionPreviewSchema),
  history: z.array(decisionViewSchema),
  ending: endingViewSchema.optional(),
});
export type TrainerTeam = z.infer<typeof trainerTeamSchema>;

/** The trainer's console: everything, including effects, individual votes and marks. */
export const trainerViewSchema = z.strictObject({
  role: z.literal("trainer"),
  joinCode: z.string(),
  locked: z.boolean(),
  phase: sessionPhaseSchema,
  paused: z.boolean(),
  style: playStyleSchema,
  scenario: scenarioTitleSchema.extend({ uploaded: z.boolean() }).optional(),
  roster: z.array(rosterEntrySchema),
  projectorCount: z.number().int(),
  stepIndex: z.number().int(),
  customer: customerViewSchema.optional(),
  options: z.array(optionPreviewSchema),
  vote: voteStatusSchema,
  tally: z.array(tallyLineSchema),
  votes: z.record(z.string(), z.string()),
  marks: z.record(z.string(), z.string()),
  tiedOptionIds: z.array(z.string()),
  result: resultViewSchema.optional(),
  meters: meterReadingSchema.optional(),
  /** The meters the run started with: step 0 of the debrief chart. */
  startMeters: meterReadingSchema.optional(),
  ledger: z.array(ledgerLineSchema),
  hotSeat: z.strictObject({ holderId: z.string(), holderName: z.string() }).optional(),
  teams: z.array(trainerTeamSchema),
  history: z.array(decisionViewSchema),
  branches: z.array(branchViewSchema),
  ending: endingViewSchema.optional(),
  /** The scenario's map, at the debrief only, to draw the path taken on it. */
  map: scenarioMapViewSchema.optional(),
  /** The scenario's best path, at the debrief only, to compare with the one played. */
  best: bestPathViewSchema.optional(),
  /** Which trainer commands the session would accept now (a dry run of the core), so the console greys the rest. */
  controls: trainerControlsSchema,
  /** The trainer hid the arriving names from the wall's lobby. */
  namesHidden: z.boolean().optional(),
  /** At the debrief, the page the trainer shows on the wall (0 = the first). */
  debriefPage: z.number().int().optional(),
  /** The wall's sound cues are on (the console's switch). */
  sound: z.literal(true).optional(),
});
export type TrainerView = z.infer<typeof trainerViewSchema>;
