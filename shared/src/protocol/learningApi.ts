import { z } from "zod";
import { learnerRecordSchema, learnerRunSchema } from "../learning/learnerDecision";
import { localeSchema } from "../scenario/localized";
import { maxNameLength } from "./joinOptions";

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

/** `GET /api/learning/me?locale=pl`: the language the phone reads the scenarios' texts in. */
export const myRecordQuerySchema = z.object({ locale: localeSchema.optional() });

/** `GET /api/groups/:groupId/records` (the group's trainer only): every learner's record in the group. */
export const groupRecordsAnswerSchema = z.strictObject({
  group: groupSummarySchema,
  records: z.array(learnerRecordSchema),
  /**
   * Runs of learners the trainer deleted: kept without any identity (not even grouped by learner), so the
   * group's aggregates still count them and nobody can be named from them.
   */
  anonymousRuns: z.array(learnerRunSchema).optional(),
});
export type GroupRecordsAnswer = z.infer<typeof groupRecordsAnswerSchema>;

// ---- Groups, rosters and learner keys (issue 11, items 1 and 6) ----

const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(maxNameLength * 2);
const employeeIdSchema = z.string().trim().min(1).max(64);

/** A roster line as the trainer types it. */
export const rosterLineSchema = z.strictObject({
  displayName: displayNameSchema,
  employeeId: employeeIdSchema.optional(),
  email: z.email().max(200).optional(),
});
export type RosterLine = z.infer<typeof rosterLineSchema>;

/** `POST /api/groups`: a new group, with the trainer password when the server has one. */
export const createGroupRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  openRoster: z.boolean().optional(),
  roster: z.array(rosterLineSchema).max(500).optional(),
  password: z.string().max(200).optional(),
});
export type CreateGroupRequest = z.infer<typeof createGroupRequestSchema>;

/** A learner of the roster as the group's trainer sees them; `claimed` once a phone holds their key. */
export const groupRosterEntrySchema = z.strictObject({
  learnerId: z.string(),
  displayName: z.string(),
  employeeId: z.string().optional(),
  email: z.string().optional(),
  claimed: z.boolean(),
});
export type GroupRosterEntry = z.infer<typeof groupRosterEntrySchema>;

/** A group and its roster: the answer of every group route but the list. */
export const groupDetailSchema = z.strictObject({
  group: groupSummarySchema,
  roster: z.array(groupRosterEntrySchema),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

/** What creating a group answers: the group and its key (shown once; the console's browser keeps it). */
export const createGroupResponseSchema = groupDetailSchema.extend({ groupKey: z.string() });
export type CreateGroupResponse = z.infer<typeof createGroupResponseSchema>;

/** `GET /api/groups` (Bearer groupKey[,groupKey…]): the groups whose keys were presented. */
export const groupListResponseSchema = z.strictObject({ groups: z.array(groupSummarySchema) });
export type GroupListResponse = z.infer<typeof groupListResponseSchema>;

/** `PATCH /api/groups/:groupId`. */
export const updateGroupRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  openRoster: z.boolean().optional(),
});
/** `POST /api/groups/:groupId/learners`: roster lines to add. */
export const addLearnersRequestSchema = z.strictObject({
  learners: z.array(rosterLineSchema).min(1).max(500),
});
/** `PATCH /api/groups/:groupId/learners/:learnerId`: a roster line's corrections. */
export const updateLearnerRequestSchema = rosterLineSchema.partial();

/** `DELETE /api/groups/:groupId/learners/:learnerId` and `DELETE /api/groups/:groupId`. */
export const deletedResponseSchema = z.strictObject({ deleted: z.string() });

/** `POST /api/groups/:groupId/learners/:learnerId/renew`: a one-time link that gives a phone a new key. */
export const renewLinkResponseSchema = z.strictObject({ renewUrl: z.string(), expiresAt: z.number() });
export type RenewLinkResponse = z.infer<typeof renewLinkResponseSchema>;

/** `GET /api/sessions/:code/roster`: what a trainee's phone may see of a group session's roster. */
export const sessionRosterSchema = z.strictObject({
  groupId: z.string(),
  groupName: z.string(),
  openRoster: z.boolean(),
  learners: z.array(z.strictObject({ learnerId: z.string(), displayName: z.string(), claimed: z.boolean() })),
});
export type SessionRoster = z.infer<typeof sessionRosterSchema>;

/** `POST /api/sessions/:code/learners`: pick an unclaimed name of the roster, or add one to an open roster. */
export const claimLearnerRequestSchema = z
  .strictObject({
    learnerId: z.string().min(1).max(64).optional(),
    displayName: displayNameSchema.optional(),
  })
  .refine(
    (b) => (b.learnerId === undefined) !== (b.displayName === undefined),
    "give either learnerId or displayName",
  );
export type ClaimLearnerRequest = z.infer<typeof claimLearnerRequestSchema>;

/** `POST /api/learning/renew`: the one-time token of a renew link. */
export const renewLearnerRequestSchema = z.strictObject({ token: z.string().min(1).max(200) });

/** What a phone gets for a claim or a renew: the learner key it keeps (localStorage), per group. */
export const learnerKeyResponseSchema = z.strictObject({
  learnerKey: z.string(),
  learnerId: z.string(),
  displayName: z.string(),
  groupId: z.string(),
  groupName: z.string(),
});
export type LearnerKeyResponse = z.infer<typeof learnerKeyResponseSchema>;
