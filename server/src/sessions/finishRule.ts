import type { SessionContext } from "@hotseat/shared";

/** When a live session is finished without anyone finishing it. */
export type FinishRule = {
  /** Nobody has ever joined (no trainer, trainee or projector) this long after hosting: abandoned. */
  unjoinedMs: number;
  /** Nobody is connected and nothing has happened for this long: left behind. */
  idleMs: number;
};

/** One hour for a session nobody joined, a day for one left alone. */
export const defaultFinishRule: FinishRule = { unjoinedMs: 60 * 60 * 1000, idleMs: 24 * 60 * 60 * 1000 };

/** What the rule needs to know of a session. */
export type SessionActivity = {
  createdAt: number;
  lastEventAt: number;
  context: SessionContext;
  /** Whether anyone is connected; by default what the log says (after a restart nobody is, whatever it says). */
  connected?: boolean;
};

/**
 * Why a session should be finished now (its report kept), or nothing. A session somebody is connected to
 * stays, however quiet: the trainer may keep a console open through a long lunch.
 */
export function finishReason(
  session: SessionActivity,
  now: number,
  rule: FinishRule,
): "unjoined" | "idle" | undefined {
  const ctx = session.context;
  const joined = ctx.trainerJoined || ctx.trainees.length > 0 || ctx.projectors > 0;
  if (!joined && now - session.createdAt >= rule.unjoinedMs) return "unjoined";
  const connected =
    (session.connected ?? ctx.trainerConnected) ||
    ctx.projectors > 0 ||
    ctx.trainees.some((t) => t.connected);
  if (!connected && now - session.lastEventAt >= rule.idleMs) return "idle";
  return undefined;
}
