import { createHash, timingSafeEqual } from "node:crypto";
import type { Request } from "express";
import { normalizeJoinCode } from "../joinCode";
import type { SessionHost } from "../sessions/SessionHost";
import { trainerTokenMatches } from "../sessions/trainerToken";

/** Whether `given` is the expected password; hashes both sides so the time does not depend on the lengths. */
export function samePassword(given: string | undefined, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/** The trainer token of a request: `Authorization: Bearer <token>`, or `?token=` so a plain download link works. */
export function tokenOf(req: Request): string | undefined {
  const header = req.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim();
  return typeof req.query.token === "string" ? req.query.token : undefined;
}

/**
 * Whether a request comes from a trainer, for what only trainers may read (a scenario's effects):
 * the trainer password in `x-hotseat-password` when the server has one, or the trainer token of a
 * session running here, named by `?session=CODE`. A trainee has neither: the join code is not enough.
 */
export function isTrainerRequest(
  req: Request,
  deps: { host: SessionHost; trainerPassword?: string | undefined },
): boolean {
  if (deps.trainerPassword !== undefined && samePassword(req.get("x-hotseat-password"), deps.trainerPassword))
    return true;
  const code = typeof req.query.session === "string" ? normalizeJoinCode(req.query.session) : undefined;
  const record = code === undefined ? undefined : deps.host.runtime(code)?.record;
  return record !== undefined && trainerTokenMatches(tokenOf(req), record.trainerTokenHash);
}
