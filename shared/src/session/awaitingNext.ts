import type { SessionPhase } from "../protocol/playStyle";
import type { SessionContext } from "./sessionState";

/**
 * Whether the room is discussing a hot-seat reveal: the next decision's options stay hidden, and nobody
 * answers, until the trainer presses Next (`trainer.next`).
 */
export function awaitingNext(ctx: SessionContext, phase: SessionPhase): boolean {
  return ctx.style === "hot-seat" && phase === "revealed";
}
