import { z } from "zod";
import { diagnosticSchema } from "../scenario/diagnostic";
import { localeSchema, localizedSchema } from "../scenario/localized";
import { scenarioSchema } from "../scenario/scenarioSchema";
import { maxNameLength } from "./joinOptions";
import { playStyleSchema, sessionPhaseSchema } from "./playStyle";
import { refusalParamsSchema } from "./serverMessages";

// The bodies of the JSON API (`/api/...`), shared by the server that answers and the client that reads.

/**
 * Every refusal of the API: `{ error: { code, message, params? } }`. `code` is stable (the client
 * translates it, with `params` filled in); `message` is the English sentence for logs and curl users.
 * The code is an open string so a newer server's refusal still reads as a refusal on an older page.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().min(1).max(100),
    message: z.string(),
    params: refusalParamsSchema.optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** What the library page shows for one scenario: public, never the options' effects. */
export const scenarioSummarySchema = z.object({
  id: z.string(),
  file: z.string(),
  title: localizedSchema.optional(),
  summary: localizedSchema.optional(),
  languages: z.array(z.string()),
  audience: z.string().optional(),
  /** How long a class takes with it, in minutes, when its author said (the scenario's `estimatedMinutes`). */
  estimatedMinutes: z.number().int().positive().optional(),
  persona: z.string().optional(),
  playable: z.boolean(),
  diagnostics: z.object({ errors: z.number(), warnings: z.number(), infos: z.number() }),
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

/** `GET /api/scenarios`. */
export const scenarioListResponseSchema = z.object({ scenarios: z.array(scenarioSummarySchema) });
export type ScenarioListResponse = z.infer<typeof scenarioListResponseSchema>;

/**
 * `GET /api/scenarios/:id`: the summary for anyone; the parsed scenario (every option's effects) and
 * its diagnostics only for a trainer (see the README's "Who may read a scenario").
 */
export const scenarioDetailResponseSchema = scenarioSummarySchema.extend({
  scenario: scenarioSchema.optional(),
  diagnostics: z.union([scenarioSummarySchema.shape.diagnostics, z.array(diagnosticSchema)]),
});
export type ScenarioDetailResponse = z.infer<typeof scenarioDetailResponseSchema>;

/** Body of `POST /api/scenarios/check`: a scenario's text, checked with the same loader as the library. */
export const checkRequestSchema = z.strictObject({
  source: z.string().min(1).max(200_000),
  file: z.string().min(1).max(200).optional(),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** What `POST /api/scenarios/check` answers: the summary and every diagnostic. */
export const checkResponseSchema = scenarioSummarySchema.extend({ diagnostics: z.array(diagnosticSchema) });
export type CheckResponse = z.infer<typeof checkResponseSchema>;

/** Body of `POST /api/sessions`: optionally a scenario to start with and a password when hosting is guarded. */
export const hostRequestSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64).optional(),
  password: z.string().max(200).optional(),
  /** Host the session for this group (its learners' records count it); needs the group's key. */
  groupId: z.string().min(1).max(64).optional(),
  groupKey: z.string().min(1).max(200).optional(),
});
export type HostRequest = z.infer<typeof hostRequestSchema>;

/** What `POST /api/sessions` answers: the join code, the trainer token (shown once) and the trainees' address. */
export const hostResponseSchema = z.object({
  code: z.string(),
  trainerToken: z.string(),
  sessionId: z.string(),
  joinUrl: z.string(),
});
export type HostResponse = z.infer<typeof hostResponseSchema>;

/** Body of `POST /api/practice`: the scenario to practise alone, and the player's name and language. */
export const practiceRequestSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  name: z
    .string()
    .max(maxNameLength * 4)
    .optional(),
  locale: localeSchema.optional(),
  /** The trainer password, when the server guards hosting with one (practice hosts a session too). */
  password: z.string().max(200).optional(),
});
export type PracticeRequest = z.infer<typeof practiceRequestSchema>;

/**
 * What `POST /api/practice` answers: a solo session already started, with its only seat kept for the
 * caller; joining as a trainee with `reconnectKey` takes that seat. No trainer token: nobody runs it.
 */
export const practiceResponseSchema = z.object({
  code: z.string(),
  reconnectKey: z.string(),
  name: z.string(),
});
export type PracticeResponse = z.infer<typeof practiceResponseSchema>;

/** `GET /api/sessions/:code`: whether a trainee can join now, and what it plays; nothing private. */
export const sessionStatusSchema = z.object({
  code: z.string(),
  running: z.boolean(),
  joinOpen: z.boolean(),
  status: z.enum(["live", "finished"]),
  phase: sessionPhaseSchema.optional(),
  style: playStyleSchema.optional(),
  scenario: z.object({ id: z.string(), title: z.string() }).optional(),
});
export type SessionStatusResponse = z.infer<typeof sessionStatusSchema>;

/** One session in `GET /api/sessions`; a running one also has its phase, scenario and head count. */
export const sessionListingSchema = z.object({
  code: z.string(),
  sessionId: z.string(),
  createdAt: z.number(),
  status: sessionStatusSchema.shape.status,
  /** Whether a room is running it in this process now. */
  running: z.boolean(),
  phase: sessionPhaseSchema.optional(),
  scenario: sessionStatusSchema.shape.scenario,
  traineeCount: z.number().int().nonnegative().optional(),
  connectedCount: z.number().int().nonnegative().optional(),
  locked: z.boolean().optional(),
  /** Log entries the session core refused when the running session was rebuilt (none in a healthy log). */
  replayRefusals: z.number().int().positive().optional(),
});
export type SessionListing = z.infer<typeof sessionListingSchema>;

/**
 * `GET /api/sessions`: every session for the trainer password, else only the sessions whose trainer
 * tokens were presented (`Authorization: Bearer t1,t2`), newest first.
 */
export const sessionListResponseSchema = z.object({ sessions: z.array(sessionListingSchema) });
export type SessionListResponse = z.infer<typeof sessionListResponseSchema>;
