/**
 * What the connection does when its room link breaks, as a pure function of what happened, so the
 * whole policy is unit-tested without a socket.
 *
 * The SDK's own reconnect only works while the same server process is up: it resumes the old
 * connection by its id. After a restart the new process knows no old ids, and the SDK may give up
 * silently (an `onError` with no code and no `onLeave`). Joining the room again by its code with the
 * stored seat (trainee `reconnectKey`, trainer token, projector role) works in both cases, so every
 * break that is not a deliberate "go away" ends in a rejoin loop with capped exponential backoff.
 */

/** Something that happened to the room link. */
export type LinkEvent =
  /** The socket dropped; the SDK is trying to resume the same connection. */
  | { kind: "drop" }
  /** The SDK reported an error on a joined room (a failed reconnect attempt gives no code). */
  | { kind: "error"; code?: number }
  /** The room closed this connection, or the SDK gave up resuming it. */
  | { kind: "leave"; code: number }
  /** Our own rejoin attempt failed: no answer (server down) or a refusal with a code. */
  | { kind: "rejoin-failed"; code?: number; attempt: number };

/** What to do about it. */
export type LinkDecision =
  /** Let the SDK try to resume for `ms`; rejoin ourselves if it has not by then. */
  | { action: "wait"; ms: number }
  /** Join again by code with the stored seat after `ms`. */
  | { action: "rejoin"; ms: number }
  /** Stop: the server does not want this connection back (`kicked`), or the session is gone (`lost`). */
  | { action: "stop"; status: "kicked" | "lost" };

/** First and longest pause between rejoin attempts (ms). */
export const rejoinBackoff = { firstMs: 500, maxMs: 5_000 } as const;

/** How long the SDK may try to resume a dropped connection before we rejoin ourselves (ms). */
export const resumeGraceMs = 2_000;

/**
 * How many times in a row the server may say the room does not exist before we stop: a session that
 * was finished or deleted never comes back, but a server that is still starting may briefly not know it.
 */
export const maxRoomUnknown = 6;

/**
 * Close and refusal codes after which coming back makes no sense: removed (4004), seat opened
 * elsewhere (4005), flooding (4100), and join refusals (44xx: malformed, bad token, locked, removed,
 * solo full). 4001 (server shutdown) and 4003 (SDK failed to resume) are NOT final: the server may be
 * back, and a fresh join restores the seat.
 */
export function isFinalCode(code: number | undefined): boolean {
  if (code === undefined) return false;
  return code === 4004 || code === 4005 || code === 4100 || (code >= 4400 && code < 4500);
}

/** The matchmaker's "no room with this id" (the session is not on this server). */
export const roomUnknownCode = 522;

/** The pause before rejoin attempt `attempt` (0-based): 0.5 s, 1 s, 2 s, 4 s, then 5 s. */
export function rejoinDelayMs(attempt: number): number {
  return Math.min(rejoinBackoff.maxMs, rejoinBackoff.firstMs * 2 ** Math.max(0, Math.min(attempt, 10)));
}

/**
 * The decision for one link event. `unknownInARow` counts consecutive "room unknown" refusals
 * including this one (for `rejoin-failed`).
 */
export function decideRejoin(event: LinkEvent, unknownInARow = 0): LinkDecision {
  switch (event.kind) {
    case "drop":
      return { action: "wait", ms: resumeGraceMs };
    case "error":
      // A code that says "go away" ends it; anything else means the SDK's resume is failing.
      return isFinalCode(event.code) ? { action: "stop", status: "kicked" } : { action: "rejoin", ms: 0 };
    case "leave":
      return isFinalCode(event.code) ? { action: "stop", status: "kicked" } : { action: "rejoin", ms: 0 };
    case "rejoin-failed":
      if (isFinalCode(event.code)) return { action: "stop", status: "kicked" };
      if (event.code === roomUnknownCode && unknownInARow >= maxRoomUnknown)
        return { action: "stop", status: "lost" };
      return { action: "rejoin", ms: rejoinDelayMs(event.attempt) };
  }
}
