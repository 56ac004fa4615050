import type { SessionPhase } from "../protocol/playStyle";
import { mainRunKey } from "./sessionState";
import type { SessionContext } from "./sessionState";

/**
 * Whether a class vote was just revealed without this trainee's vote (the timer ran out or the trainer
 * revealed first), so their phone says what the class chose instead of only "the vote is closed".
 */
export function missedVote(ctx: SessionContext, phase: SessionPhase, traineeId: string): boolean {
  if (ctx.style !== "class-vote" || phase !== "revealed") return false;
  const decision = ctx.runs[mainRunKey]?.decisions.at(-1);
  if (decision === undefined || decision.decidedBy === "override") return false;
  return decision.votes[traineeId] === undefined;
}
