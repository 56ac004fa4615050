import { z } from "zod";
import { localeSchema } from "../scenario/localized";

/** Who a connection is: the trainer who runs the session, a trainee who plays, or a read-only projector. */
export const roleSchema = z.enum(["trainer", "trainee", "projector"]);
export type Role = z.infer<typeof roleSchema>;

/** The longest trainee name the session keeps; longer names are cut, not refused. */
export const maxNameLength = 24;

/**
 * What a client sends when it joins a session room. The join code itself is the room's address;
 * `trainerToken` proves the trainer, `reconnectKey` lets a trainee come back as themselves, `locale` is the
 * language this device shows scenario text in (else the scenario's first language).
 */
export const joinOptionsSchema = z.strictObject({
  role: roleSchema,
  name: z.string().max(200).optional(),
  trainerToken: z.string().min(1).max(200).optional(),
  reconnectKey: z.string().min(1).max(200).optional(),
  locale: localeSchema.optional(),
  /** In a group's session: the learner key this phone keeps, so the session counts in their record. */
  learnerKey: z.string().min(1).max(200).optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

/**
 * A connection switching the language it reads scenario text in. Presentation only: the room keeps it per
 * connection and never logs it as a session event.
 */
export const setLocaleMessageSchema = z.strictObject({
  type: z.literal("client.setLocale"),
  locale: localeSchema,
});
export type SetLocaleMessage = z.infer<typeof setLocaleMessageSchema>;
