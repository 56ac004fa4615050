import { z } from "zod";

// The LMS side of the learning record's HTTP API: a group's LRS for xAPI statements and the outbox's
// state. The LRS secret goes in (PUT) and never comes back out.

/** `PUT /api/groups/:groupId/lrs`: where the group's xAPI statements go. */
export const lrsConfigRequestSchema = z.strictObject({
  /** The LRS's xAPI endpoint, e.g. `https://lrs.example.org/xapi/` (statements go to `<endpoint>statements`). */
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  /** The LRS's key (Basic auth user name). */
  key: z.string().min(1).max(500),
  /** The LRS's secret (Basic auth password). */
  secret: z.string().min(1).max(500),
});
export type LrsConfigRequest = z.infer<typeof lrsConfigRequestSchema>;

/** `GET /api/groups/:groupId/lrs` (and the answer to PUT and DELETE): the LRS and the outbox, no secret. */
export const lrsStatusSchema = z.strictObject({
  /** The endpoint and key, when the group has an LRS. */
  lrs: z.strictObject({ endpoint: z.string(), key: z.string() }).optional(),
  /** Statements waiting, sent and set aside. */
  queued: z.number().int(),
  sent: z.number().int(),
  /** Statements the validator or the LRS refused, with the reason, oldest first. */
  rejected: z.array(z.strictObject({ statementId: z.string(), reason: z.string(), at: z.number() })),
  /** Why the queue is waiting, when the last attempt failed (LRS down, credentials refused). */
  lastError: z.string().optional(),
});
export type LrsStatus = z.infer<typeof lrsStatusSchema>;
