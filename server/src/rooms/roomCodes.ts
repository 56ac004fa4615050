import { ServerError } from "@colyseus/core";

/** Close codes the room uses when it ends a connection itself; clients do not rejoin after these. */
export const roomCloseCodes = {
  /** The trainer removed this trainee. */
  removed: 4004,
  /** The same seat was opened in another tab or device. */
  replaced: 4005,
  /** The connection kept flooding the room after being warned. */
  flooding: 4100,
} as const;

/**
 * The room closes every connection with this when the store refused its events (another server took the
 * session over, or the database failed): not a final code, so clients come back by code to the session as
 * the store has it.
 */
export const storeLostCloseCode = 4200;

/** Numeric codes of join refusals (the message starts with the stable string code, e.g. `join.locked: ...`). */
export const joinErrorNumbers: Record<string, number> = {
  "message.malformed": 4400,
  "join.bad-token": 4401,
  "join.bad-learner": 4402,
  "join.locked": 4403,
  "join.removed": 4404,
  "join.solo-full": 4409,
};

/** A join refusal as Colyseus sends it: the numeric code, and a message led by the stable string code. */
export function joinRefusal(code: string, message: string): ServerError {
  return new ServerError(joinErrorNumbers[code] ?? 4400, `${code}: ${message}`);
}
