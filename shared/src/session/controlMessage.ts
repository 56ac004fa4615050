import type { ClientMessage } from "../protocol/clientMessages";
import type { TrainerControlId } from "../protocol/trainerControls";

/** What a control's command names besides itself: an option on screen, a run with a decision to rewind. */
export type ControlTargets = {
  /** The first option on screen, for `override`; undefined when none is. */
  optionId?: string | undefined;
  /** A run with a decision to rewind: the class's (`{}`) or a team's; undefined when none has one. */
  rewind?: { teamId?: string | undefined } | undefined;
};

/**
 * The command a console control sends: break a tie by a draw, override with the option named, split
 * into two teams, rewind the first decision of the run named. Undefined when there is nothing to name
 * (no option, no decision to rewind), which means the control does not apply.
 */
export function controlMessage(id: TrainerControlId, targets: ControlTargets): ClientMessage | undefined {
  switch (id) {
    case "breakTie":
      return { type: "trainer.breakTie", draw: true };
    case "override":
      return targets.optionId === undefined
        ? undefined
        : { type: "trainer.override", optionId: targets.optionId };
    case "passSeat":
      return { type: "trainer.passSeat" };
    case "splitTeams":
      return { type: "trainer.splitTeams", count: 2 };
    case "rewind": {
      const run = targets.rewind;
      if (run === undefined) return undefined;
      return {
        type: "trainer.rewind",
        stepIndex: 0,
        ...(run.teamId !== undefined ? { teamId: run.teamId } : {}),
      };
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
    case "showEnding":
    case "next":
    case "skipReveal":
      return { type: `trainer.${id}` };
  }
}
