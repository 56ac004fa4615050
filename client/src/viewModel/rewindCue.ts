import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { t } from "../i18n/t";

/** What a page saw of its role's view, enough to notice that the trainer rewound the run it shows. */
export type RunWitness = { scenarioId?: string; teamId?: string; phase: string; stepIndex: number };

/** The brief cue a rewind shows: the step the run went back to (1-based), and the choice undone when known. */
export type RewindCue = { step: number; undone?: string };

/** What a page of any role saw of its view now. */
export function runWitness(view: ProjectorView | TraineeView | TrainerView): RunWitness {
  return {
    ...(view.scenario ? { scenarioId: view.scenario.id } : {}),
    ...(view.role === "trainee" && view.team ? { teamId: view.team.id } : {}),
    phase: view.phase,
    stepIndex: view.stepIndex,
  };
}

/**
 * Whether the run went back between two views of the same scenario (and team): a rewind always lands on an
 * earlier decision, so the step number falls while the scenario plays on (from play or from the debrief).
 * A new scenario starts in the lobby, so it is never mistaken for one. `undone` is the label of the first
 * choice the rewind took back, when the view lists the abandoned branch (the wall does).
 */
export function rewindCue(
  prev: RunWitness | undefined,
  next: RunWitness,
  undone?: string,
): RewindCue | undefined {
  if (!prev || prev.phase === "lobby" || next.phase === "lobby" || next.phase === "debrief") return undefined;
  if (prev.scenarioId !== next.scenarioId || prev.teamId !== next.teamId) return undefined;
  if (next.stepIndex >= prev.stepIndex) return undefined;
  return { step: next.stepIndex + 1, ...(undone ? { undone } : {}) };
}

/** The cue in words: "Rewound to step 2", and on the wall the choice it undid. */
export function rewindWords(cue: RewindCue): { title: string; detail?: string } {
  return {
    title: t("seq.rewound", { step: cue.step }),
    ...(cue.undone ? { detail: t("seq.undone", { label: cue.undone }) } : {}),
  };
}
