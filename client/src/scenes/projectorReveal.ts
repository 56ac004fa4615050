import type { ProjectorView } from "@hotseat/shared";
import type Phaser from "phaser";
import { getLocale } from "../i18n/t";
import { RevealSequence, type RevealActors } from "../ui/revealSequence";
import { metersModel, type MetersModel } from "../viewModel/meters";
import type { ProjectorModel } from "../viewModel/projectorModel";
import { costStages, revealPlays, revealTimeline, type RevealWitness } from "../viewModel/revealTimeline";
import { tallyModel, type TallyBar } from "../viewModel/tallyModel";

/** What the wall had drawn before this view: its witness, view, tally bars and frame. */
export type WallBefore = {
  witness: RevealWitness | undefined;
  view: ProjectorView | undefined;
  tally: TallyBar[] | undefined;
  frame: Phaser.GameObjects.Container | undefined;
};

/** A reveal ready to play once its final frame is drawn: the cost ticker's stages, and how to start it. */
export type PendingReveal = {
  costStages: MetersModel[];
  play: (after: Phaser.GameObjects.Container, actors: RevealActors, onDone: () => void) => RevealSequence;
};

/** What the wall sees of a view for deciding whether a reveal plays. */
export function revealWitness(view: ProjectorView, model: ProjectorModel): RevealWitness {
  return {
    ...(view.scenario ? { scenarioId: view.scenario.id } : {}),
    phase: view.phase,
    stepIndex: view.stepIndex,
    teams: Boolean(model.teams),
  };
}

/**
 * Whether this view starts a reveal the wall should play as a sequence, and if so its plan: the tally the
 * room watched with its final counts and the chosen row, the ledger item by item, and the timeline. None
 * under reduced motion, after a skip from the console, or on a wall that only now arrived at the reveal.
 */
export function startReveal(
  scene: Phaser.Scene,
  input: { before: WallBefore; view: ProjectorView; model: ProjectorModel; instant: boolean },
): PendingReveal | undefined {
  const { before, view, model } = input;
  const witness = revealWitness(view, model);
  if (input.instant || view.revealSkipped || !model.result || !before.view || !before.frame) return undefined;
  if (!revealPlays(before.witness, witness)) return undefined;
  const prev = before.view;
  const currency = view.scenario?.currency ?? "EUR";
  const stages = view.meters
    ? costStages(prev.ledger, view.ledger, prev.meters?.cost ?? 0, view.meters.cost).map((s) =>
        metersModel(
          { ...view.meters!, cost: s.total },
          s.ledger,
          currency,
          getLocale(),
          model.look.gender,
          view.scenario?.costItems,
        ),
      )
    : [];
  const bars = before.tally;
  const chosen = bars?.findIndex((b) => b.optionId === view.result?.optionId) ?? -1;
  const tally =
    bars && chosen >= 0
      ? {
          rows: tallyModel(
            bars.map((b) => ({ id: b.optionId, label: b.label })),
            view.tally,
          ),
          chosen,
        }
      : undefined;
  const plan = revealTimeline({
    tally: tally !== undefined,
    costItems: stages.length,
    moodDelta: (view.meters?.mood ?? 0) - (prev.meters?.mood ?? 0),
    reduced: false,
  });
  const frame = before.frame;
  return {
    costStages: stages,
    play: (after, actors, onDone) => {
      const sequence = new RevealSequence(
        scene,
        plan,
        { frame, ...(tally ? { tally } : {}) },
        after,
        actors,
        onDone,
      );
      sequence.start();
      return sequence;
    },
  };
}
