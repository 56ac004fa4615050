import { createHash, randomBytes } from "node:crypto";
import type { Actor, Role } from "@hotseat/shared";
import type { RateLimiter } from "./rateLimiter";

/** Who a connection is, settled when it joined; kept across reconnections (Colyseus carries `userData`). */
export type Seat = {
  role: Role;
  /** A trainee's stable id in the session, derived from their reconnect key. */
  traineeId?: string;
  /** The key a trainee's device keeps to get the same seat back after a reload or a server restart. */
  reconnectKey?: string;
  name?: string;
  /** In a group's session: the learner this trainee is (from their phone's learner key), logged on join. */
  learnerId?: string;
  /** The language this connection reads scenario text in; unset means the scenario's first language. */
  locale?: string;
  limiter: RateLimiter;
  /** JSON of the last view sent (a trainee's: of its run's part), so an unchanged view is not sent again. */
  lastView?: string;
  /** A trainee's: JSON of the own part of the last view sent. */
  lastOwnView?: string;
  /** Whether the session currently counts this connection as present (a `session.joined` without its `session.left`). */
  present: boolean;
  /** Joined, but its `session.joined` is not durable yet: it is sent nothing until its welcome. */
  waiting?: boolean;
  /** Set when the room closes this connection itself (removed trainee, flood, replaced by a newer tab). */
  closing?: boolean;
  /** Why it was closed (a `roomCloseCodes` value), so a connection coming back while closed hears the same. */
  closeCode?: number;
};

/** What `onAuth` settles about a joining connection. */
export type SeatAuth = Pick<Seat, "role" | "traineeId" | "reconnectKey" | "name" | "learnerId" | "locale">;

/**
 * A trainee's id from their reconnect key: the same key always gives the same seat in the same session,
 * across reloads and restarts, without storing the key (the id does not reveal it).
 */
export function traineeIdFor(sessionId: string, reconnectKey: string): string {
  return "t-" + createHash("sha256").update(`${sessionId}:${reconnectKey}`).digest("base64url").slice(0, 12);
}

/** A new reconnect key for a trainee who joined without one. */
export function newReconnectKey(): string {
  return randomBytes(18).toString("base64url");
}

/** The actor a seat's messages are logged as. */
export function actorOf(seat: Pick<Seat, "role" | "traineeId">): Actor {
  if (seat.role === "trainee") return { role: "trainee", traineeId: seat.traineeId ?? "" };
  return { role: seat.role };
}
