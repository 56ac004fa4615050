import { z } from "zod";
import { clientMessageSchema } from "../protocol/clientMessages";
import type { ClientMessage } from "../protocol/clientMessages";
import { playStyleSchema } from "../protocol/playStyle";

/** Who sent an event: a connection of some role, or the server itself (joins, timers, seeds). */
export const actorSchema = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("trainer") }),
  z.strictObject({ role: z.literal("projector") }),
  z.strictObject({ role: z.literal("trainee"), traineeId: z.string().min(1) }),
  z.strictObject({ role: z.literal("server") }),
]);
export type Actor = z.infer<typeof actorSchema>;

/** The session was created: its join code, the PRNG seed for tie draws, and optionally the play style. */
export const sessionCreatedSchema = z.strictObject({
  type: z.literal("session.created"),
  joinCode: z.string(),
  seed: z.number().int(),
  style: playStyleSchema.optional(),
});
/** Reseed the tie-draw PRNG. */
export const sessionSeedSchema = z.strictObject({ type: z.literal("session.seed"), seed: z.number().int() });
/** A connection joined; trainees carry the id the room gave them (stable across reconnects) and their name. */
export const sessionJoinedSchema = z.strictObject({
  type: z.literal("session.joined"),
  role: z.enum(["trainer", "trainee", "projector"]),
  traineeId: z.string().min(1).optional(),
  name: z.string().optional(),
  /** The learner of a group session this trainee is (never their key): the learning record reads it. */
  learnerId: z.string().min(1).max(64).optional(),
});
/** A connection left (a trainee stays on the roster, marked disconnected). */
export const sessionLeftSchema = z.strictObject({
  type: z.literal("session.left"),
  role: z.enum(["trainer", "trainee", "projector"]),
  traineeId: z.string().min(1).optional(),
});
/** The server's vote timer fired; refused as stale unless a vote is open and its deadline has passed. */
export const timerExpiredSchema = z.strictObject({ type: z.literal("timer.expired") });

/** Events only the server originates. */
export const serverEventSchema = z.discriminatedUnion("type", [
  sessionCreatedSchema,
  sessionSeedSchema,
  sessionJoinedSchema,
  sessionLeftSchema,
  timerExpiredSchema,
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;

/** The envelope every logged event carries: when (server ms) and who. */
export type EventEnvelope = { at: number; by: Actor };

/** One entry of the session's event log: a client message or a server event, with its envelope. */
export type SessionEvent = (ClientMessage | ServerEvent) & EventEnvelope;

const envelopeSchema = z.object({ at: z.number(), by: actorSchema }).loose();

/** Reads a stored log entry back (e.g. from the database); undefined when it is not a valid event. */
export function parseSessionEvent(json: unknown): SessionEvent | undefined {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return undefined;
  const { at, by, ...body } = envelope.data;
  const server = serverEventSchema.safeParse(body);
  if (server.success) return { ...server.data, at, by };
  const client = clientMessageSchema.safeParse(body);
  if (client.success) return { ...client.data, at, by };
  return undefined;
}

/** Wraps a validated client message as a session event from `by` at time `at`. */
export function clientEvent(message: ClientMessage, by: Actor, at: number): SessionEvent {
  return { ...message, at, by };
}
