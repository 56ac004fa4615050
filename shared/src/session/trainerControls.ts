import type { ClientMessage } from "../protocol/clientMessages";
import type { TrainerControlId, TrainerControls } from "../protocol/trainerControls";
import { trainerControlIds } from "../protocol/trainerControls";
import { wouldAccept } from "./applySessionEvent";
import { controlMessage } from "./controlMessage";
import type { ScenarioLibrary } from "./scenarioLibrary";
import { mainRunKey } from "./sessionState";
import type { SessionState } from "./sessionState";

/**
 * The command a control sends, as the dry run asks it: override with the first option on screen, rewind
 * the first decision of the class's run, or in the teams style of the first team that has one.
 */
function probe(state: SessionState, id: TrainerControlId): ClientMessage | undefined {
  const ctx = state.context;
  const decided = (key: string) => (ctx.runs[key]?.decisions.length ?? 0) > 0;
  const team = ctx.style === "teams" ? ctx.teams.find((t) => decided(t.id)) : undefined;
  const rewind = ctx.style === "teams" ? team && { teamId: team.id } : decided(mainRunKey) ? {} : undefined;
  return controlMessage(id, { optionId: ctx.runs[mainRunKey]?.current.options[0]?.id, rewind });
}

// None of the controls' commands reads the library (only selecting a scenario and the run reducers do,
// and a dry run applies no reducer), so a projection without one still gets the room's exact answer.
const noScenarios: ScenarioLibrary = Object.freeze({});

/**
 * Which trainer commands the session would accept now: each is checked by the session core without
 * being applied, so the console enables exactly what the room will accept instead of repeating the
 * rules. `at` is the time the dry run assumes (only timers depend on it; none of these commands do).
 */
export function trainerControls(
  state: SessionState,
  library: ScenarioLibrary = noScenarios,
  at = 0,
): TrainerControls {
  const by = { role: "trainer" } as const;
  const entries = trainerControlIds.map((id) => {
    const message = probe(state, id);
    const accepted = message !== undefined && wouldAccept(state, { ...message, at, by }, library);
    return [id, accepted] as const;
  });
  return Object.fromEntries(entries) as TrainerControls;
}
