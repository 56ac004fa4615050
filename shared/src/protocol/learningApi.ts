import { z } from "zod";
import { learnerRecordSchema } from "../learning/learnerDecision";

// The learning record's HTTP answers. Profiles, heatmaps and trends are computed from these records by
// pure functions in shared/src/learning, on whichever side shows them, so the server sends records only.

/** A group (course or cohort) as its trainer sees it. */
export const groupSummarySchema = z.strictObject({
  groupId: z.string(),
  name: z.string(),
  /** Whether a trainee may add their own name instead of picking one from the roster. */
  openRoster: z.boolean(),
  learnerCount: z.number().int(),
  createdAt: z.number(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

/** `GET /api/learning/me` (the device's learner key as a Bearer): the learner's own record. */
export const myRecordAnswerSchema = learnerRecordSchema;
export type MyRecordAnswer = z.infer<typeof myRecordAnswerSchema>;

/** `GET /api/groups/:groupId/records` (the group's trainer only): every learner's record in the group. */
export const groupRecordsAnswerSchema = z.strictObject({
  group: groupSummarySchema,
  records: z.array(learnerRecordSchema),
});
export type GroupRecordsAnswer = z.infer<typeof groupRecordsAnswerSchema>;
