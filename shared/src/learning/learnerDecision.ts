import { z } from "zod";
import { tagNameSchema } from "../scenario/declaredVocabulary";
import { skills } from "./skillRubric";

/*
 * The learning record's contract: what the pure core derives from a session's event log and its pinned
 * scenarios for each learner, and what every consumer (skill scores, "My practice", the trainer's
 * heatmap, the CSV for the LMS, the xAPI statements) reads. Nothing here is computed by the room or the
 * client: a record is always a function of the log, so it can be rebuilt and never drifts. The schemas
 * double as the HTTP contract (shared/src/protocol/learningApi.ts).
 */

/** How a learner made a decision, by play style. */
export const decisionRoleSchema = z.enum([
  /** Their own vote in a class vote. */
  "class-vote",
  /** Their answer while in the hot seat. */
  "hot-seat",
  /** Their "what would you say?" while watching the hot seat. */
  "observer",
  /** Their vote inside a team. */
  "team-vote",
  /** The team's choice, made by them as captain. */
  "captain",
  /** A step of their own solo practice. */
  "solo",
]);
export type DecisionRole = z.infer<typeof decisionRoleSchema>;

const tagsSchema = z.array(tagNameSchema);

/** What choosing an option did to the customer and the company, as the scenario's effects say. */
export const decisionEffectSchema = z.strictObject({
  /** Change of the customer's mood (positive is calmer). */
  mood: z.number(),
  /** Money the company spent (sum of the option's cost items). */
  cost: z.number(),
});
export type DecisionEffect = z.infer<typeof decisionEffectSchema>;

/** One option that was open at the moment of a decision. */
export const openOptionSchema = z.strictObject({
  optionId: z.string(),
  tags: tagsSchema,
  /** The best mood and the lowest cost still reachable at an ending after taking this option. */
  reachable: z.strictObject({ bestMood: z.number(), leastCost: z.number() }),
});
export type OpenOption = z.infer<typeof openOptionSchema>;

/** One decision a learner made on their own, with what the engine knows about it. */
export const learnerDecisionSchema = z.strictObject({
  sessionId: z.string(),
  scenarioId: z.string(),
  /** The pinned scenario version (sha-256) the decision was made against. */
  scenarioVersion: z.string(),
  /** The customer type of the scenario's persona (persona.customerType). */
  customerType: z.string().optional(),
  /** The state the decision was made in. */
  stateId: z.string(),
  /** The log's sequence number of the event that records the decision (orders decisions, names them). */
  seq: z.number().int(),
  /** When the server accepted it (ms since the epoch). */
  at: z.number(),
  role: decisionRoleSchema,
  /** The option the learner chose. */
  optionId: z.string(),
  /** Its label in the session's language, as the learner read it. */
  optionLabel: z.string(),
  /** Its technique and defence-mechanism tags. */
  tags: tagsSchema,
  /** Its immediate effect. */
  effect: decisionEffectSchema,
  /** The scenario's feedback on this option, in the session's language. */
  feedback: z.string().optional(),
  /** Every option open at that moment (the chosen one included). */
  open: z.array(openOptionSchema),
  /**
   * How the choice compares with the best one open then: the gap in the best reachable mood and in the
   * least reachable cost (0 when the learner chose as well as possible on that measure).
   */
  comparedWithBest: z.strictObject({ moodGap: z.number(), costGap: z.number(), bestOptionId: z.string() }),
});
export type LearnerDecision = z.infer<typeof learnerDecisionSchema>;

/** One scenario a learner played to its end (or left), for "completed" statements and the LMS. */
export const learnerRunSchema = z.strictObject({
  sessionId: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.string(),
  scenarioTitle: z.string(),
  customerType: z.string().optional(),
  role: decisionRoleSchema,
  startedAt: z.number(),
  /** Absent when the session ended before the scenario did. */
  endedAt: z.number().optional(),
  /** The log's sequence number of the event that ended it (orders its `completed` statement among decisions). */
  endedSeq: z.number().int().optional(),
  /** The ending reached, when one was. */
  ending: z.strictObject({ endingId: z.string(), outcome: z.string(), title: z.string() }).optional(),
  /**
   * The pinned scenario's own tags (its `vocabulary.tags`) as the rubric reads them: good or defence, and
   * the skill each shows; absent when it declares none. Kept with the run, so its scores never depend on
   * today's copy of the scenario.
   */
  declaredTags: z
    .record(
      tagNameSchema,
      z.strictObject({ kind: z.enum(["good", "defence"]), skill: z.enum(skills).optional() }),
    )
    .optional(),
  /** 0–1: the run's score (scoreRun: the rounded mean of its skill scores) / 100; absent when no skill was in play. */
  scaledScore: z.number().min(0).max(1).optional(),
  decisions: z.array(learnerDecisionSchema),
});
export type LearnerRun = z.infer<typeof learnerRunSchema>;

/** Who a record belongs to: a learner of a group, known by the key their phone keeps. */
export const learnerIdentitySchema = z.strictObject({
  learnerId: z.string(),
  groupId: z.string(),
  displayName: z.string(),
  /** Optional identifiers an LMS matches on. */
  employeeId: z.string().optional(),
  email: z.string().optional(),
});
export type LearnerIdentity = z.infer<typeof learnerIdentitySchema>;

/** A learner's whole record: who they are and every run, oldest first. */
export const learnerRecordSchema = z.strictObject({
  learner: learnerIdentitySchema,
  runs: z.array(learnerRunSchema),
});
export type LearnerRecord = z.infer<typeof learnerRecordSchema>;
