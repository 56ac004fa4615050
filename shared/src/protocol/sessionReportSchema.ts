import { z } from "zod";
import { runMetersSchema } from "../scenario/runState";
import { outcomes } from "../scenario/vocabulary";
import { playStyleSchema } from "./playStyle";
import { decidedBySchema } from "./viewParts";

/** One trainee's input on a decision: their vote, their secret mark, or the choice they made. */
export const reportInputSchema = z.object({
  traineeId: z.string(),
  name: z.string(),
  kind: z.enum(["vote", "mark", "choice"]),
  optionId: z.string(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** One decision of a run with the meters after it and every trainee input behind it. */
export const reportStepSchema = z.object({
  stepIndex: z.number().int().nonnegative(),
  optionId: z.string(),
  label: z.string(),
  decidedBy: decidedBySchema,
  at: z.number(),
  meters: runMetersSchema,
  cost: z.number(),
  tally: z.record(z.string(), z.number()),
  inputs: z.array(reportInputSchema),
});
export type ReportStep = z.infer<typeof reportStepSchema>;

const reportEndingSchema = z.object({ id: z.string(), outcome: z.enum(outcomes) });

/** One run (the class's or a team's): the path played, the branches rewound away, the ending. */
export const reportRunSchema = z.object({
  key: z.string(),
  team: z.string().optional(),
  ending: reportEndingSchema.optional(),
  path: z.array(reportStepSchema),
  branches: z.array(
    z.object({
      fromStep: z.number().int().nonnegative(),
      steps: z.array(reportStepSchema),
      ending: reportEndingSchema.optional(),
    }),
  ),
});
export type ReportRun = z.infer<typeof reportRunSchema>;

/** One scenario played in the session. */
export const reportScenarioSchema = z.object({
  scenarioId: z.string(),
  title: z.string(),
  uploaded: z.boolean(),
  style: playStyleSchema,
  status: z.enum(["debrief", "skip", "in-progress"]),
  runs: z.array(reportRunSchema),
});
export type ReportScenario = z.infer<typeof reportScenarioSchema>;

/**
 * A whole session as JSON (`GET /api/sessions/:code/report.json`, and what the store keeps when a
 * session finishes): roster, every scenario's path, every vote, meters after each step, per-trainee choices.
 */
export const sessionReportSchema = z.object({
  joinCode: z.string(),
  trainees: z.array(
    z.object({ id: z.string(), name: z.string(), teamId: z.string().optional(), removed: z.boolean() }),
  ),
  scenarios: z.array(reportScenarioSchema),
  /** Per trainee, each input they gave and whether the class (or team) played it. */
  choices: z.array(
    z.object({
      traineeId: z.string(),
      name: z.string(),
      scenarioId: z.string(),
      run: z.string(),
      stepIndex: z.number().int().nonnegative(),
      kind: reportInputSchema.shape.kind,
      optionId: z.string(),
      played: z.boolean(),
    }),
  ),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;
