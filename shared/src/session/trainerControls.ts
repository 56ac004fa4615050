import type { ClientMessage } from "../protocol/clientMessages";
import type { TrainerControlId, TrainerControls } from "../protocol/trainerControls";
import { trainerControlIds } from "../protocol/trainerControls";
import { wouldAccept } from "./applySessionEvent";
import type { ScenarioLibrary } from "./scenarioLibrary";
import { mainRunKey } from "./sessionState";
import type { SessionState } from "./sessionState";

/**
 * The command a control sends, as the dry run asks it: rewind the first decision of a run that has one,
 * override with the first option on screen, split into two teams. Undefined when there is nothing to
 * name (no decision to rewind, no option to choose), which means the control does not apply.
 */
function probe(state: SessionState, id: TrainerControlId): ClientMessage | undefined {
  const ctx = state.context;
  switch (id) {
    case "breakTie":
      return { type: "trainer.breakTie", draw: true };
    case "override": {
      const optionId = ctx.runs[mainRunKey]?.current.options[0]?.id;
      return optionId === undefined ? undefined : { type: "trainer.override", optionId };
    }
    case "passSeat":
      return { type: "trainer.passSeat" };
    case "splitTeams":
      return { type: "trainer.splitTeams", count: 2 };
    case "rewind": {
      if (ctx.style !== "teams")
        return (ctx.runs[mainRunKey]?.decisions.length ?? 0) > 0
          ? { type: "trainer.rewind", stepIndex: 0 }
          : undefined;
      const team = ctx.teams.find((t) => (ctx.runs[t.id]?.decisions.length ?? 0) > 0);
      return team ? { type: "trainer.rewind", stepIndex: 0, teamId: team.id } : undefined;
    }
    case "openVote":
    case "closeVote":
    case "reveal":
    case "pause":
    case "resume":
    case "start":
    case "skip":
    case "end":
    case "lock":
    case "unlock":
    case "nextScenario":
    case "skipReveal":
      return { type: `trainer.${id}` };
  }
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
