import type { SessionPhase } from "../protocol/playStyle";
import { activeTrainees } from "./roster";
import type { SessionContext } from "./sessionState";

/** The most names the wall's lobby lists; the rest are counted, so the view stays small in a big hall. */
export const maxLobbyNames = 60;

/**
 * The names of the trainees who joined, in join order, for the wall's lobby; undefined outside the lobby
 * or when the trainer hid them (`trainer.showNames`).
 */
export function lobbyNames(ctx: SessionContext, phase: SessionPhase): string[] | undefined {
  if (phase !== "lobby" || ctx.namesHidden === true) return undefined;
  return activeTrainees(ctx)
    .slice(0, maxLobbyNames)
    .map((x) => x.name);
}
