import type { SessionPhase } from "../protocol/playStyle";
import { activeTrainees, captainOf, traineeById } from "./roster";
import { mainRunKey } from "./sessionState";
import type { RunRecord, SessionContext, SessionState } from "./sessionState";

/** The flat phase every view reports, read from the machine's state value. */
export function phaseOf(state: Pick<SessionState, "value">): SessionPhase {
  const value = state.value;
  if (typeof value === "string") return value === "debrief" ? "debrief" : "lobby";
  const playing = (value as Record<string, unknown>)["playing"];
  if (playing === "voting" || playing === "closed" || playing === "revealed" || playing === "ending")
    return playing;
  return "deciding";
}

/** Whether a scenario is being played (not in the lobby, not at the debrief); its ending's moment counts. */
export function isPlaying(phase: SessionPhase): boolean {
  return phase !== "lobby" && phase !== "debrief";
}

/** The run key a trainee plays in: their team's in teams, else the class's single run. */
export function runKeyOf(ctx: SessionContext, traineeId: string | undefined): string | undefined {
  if (ctx.style !== "teams") return mainRunKey;
  return traineeById(ctx, traineeId)?.teamId;
}

/** The run a trainee sees (their team's in teams). */
export function runOf(ctx: SessionContext, traineeId?: string): RunRecord | undefined {
  const key = runKeyOf(ctx, traineeId);
  return key === undefined ? undefined : ctx.runs[key];
}

/** The trainee who plays a solo session: the earliest-joined one still taking part. */
export function soloPlayerId(ctx: SessionContext): string | undefined {
  return activeTrainees(ctx)[0]?.id;
}

/** Who may choose directly in the trainee's run now: the seat holder, the captain or the solo player. */
export function chooserId(ctx: SessionContext, traineeId: string | undefined): string | undefined {
  if (ctx.style === "hot-seat") return ctx.seatHolderId;
  if (ctx.style === "solo") return soloPlayerId(ctx);
  if (ctx.style === "teams") {
    const teamId = traineeById(ctx, traineeId)?.teamId;
    return teamId === undefined ? undefined : captainOf(ctx, teamId)?.id;
  }
  return undefined;
}
