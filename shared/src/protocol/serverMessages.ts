import { z } from "zod";
import { roleSchema } from "./joinOptions";

/** Stable codes of every refusal the session or room sends back; clients translate by code. */
export const errorCodes = [
  "message.malformed",
  "message.unknown",
  "rate.limited",
  "role.forbidden",
  "session.paused",
  "phase.wrong",
  "join.bad-code",
  "join.bad-token",
  "join.locked",
  "join.removed",
  "join.solo-full",
  "trainee.unknown",
  "trainee.removed",
  "scenario.unknown",
  "scenario.invalid",
  "scenario.none",
  "style.not-ready",
  "vote.closed",
  "vote.late",
  "vote.duplicate",
  "vote.unknown-option",
  "vote.tie",
  "vote.no-tie",
  "vote.not-tied-option",
  "choice.not-yours",
  "choice.unknown-option",
  "choice.stale",
  "mark.not-allowed",
  "seat.empty",
  "team.unknown",
  "team.none",
  "teams.too-few-trainees",
  "rewind.out-of-range",
  "timer.stale",
  "run.ended",
  "session.conflict",
  "join.bad-learner",
  "group.unknown",
] as const;
/** One refusal code. */
export type ErrorCode = (typeof errorCodes)[number];
/** Zod schema of an error code. */
export const errorCodeSchema = z.enum(errorCodes);

/** The values a refusal's sentence names (a trainee's name, a count, the tied options), for translation. */
export const refusalParamsSchema = z.record(z.string().max(40), z.union([z.string().max(400), z.number()]));
export type RefusalParams = z.infer<typeof refusalParamsSchema>;

/**
 * Sent to one client when its message was refused: nothing changed, nothing was logged. Clients show
 * `code` translated with `params`; `message` is the English sentence (logs, clients that know no better).
 */
export const errorMessageSchema = z.strictObject({
  type: z.literal("error"),
  code: errorCodeSchema,
  message: z.string(),
  params: refusalParamsSchema.optional(),
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

/**
 * Sent to a connection once it has joined: who it is in this session. A trainee keeps `reconnectKey` to get
 * the same seat back after a reload or a server restart.
 */
export const welcomeMessageSchema = z.strictObject({
  role: roleSchema,
  code: z.string().min(1).max(64),
  traineeId: z.string().min(1).max(64).optional(),
  reconnectKey: z.string().min(1).max(200).optional(),
});
export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
