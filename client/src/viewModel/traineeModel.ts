import type { Emotion, ResolvedLook, TraineeView } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";
import { customerFeeling, lookOfView } from "./customerFeeling";
import { tagBadges } from "./tagBadge";
import type { TagBadge } from "./tagBadge";
import { ownChoiceModel, revealHeadline, tieNames } from "./revealModel";
import type { OwnChoiceModel } from "./revealModel";
import { secondsLeft } from "./tallyModel";

/** One response card on the phone. */
export type TraineeCard = {
  id: string;
  index: number;
  text: string;
  selected: boolean;
  enabled: boolean;
  badge?: string;
};

/** What the trainee's phone draws for a view. */
export type TraineeModel = {
  title: string;
  phaseText: string;
  /** `feeling` is the word shown for the emotion, agreeing with the mood and the persona's gender. */
  customer?: { name: string; line: string; emotion: Emotion; feeling: string; look: ResolvedLook };
  cards: TraineeCard[];
  status: string;
  /** The status without the countdown: what a screen reader announces (a clock would be read every second). */
  statusWords: string;
  /** Seconds left in a timed vote. */
  secondsLeft?: number;
  /** What tapping a card sends, if anything. */
  action: "trainee.vote" | "trainee.mark" | "trainee.choose" | undefined;
  /**
   * The answer played and how ("The class chose: …", "A tie, drawn by lot: …") behind its mark, its tags
   * and feedback; `mine` is this trainee's own vote or mark beside it, with the feedback on that one.
   */
  reveal?: {
    label: string;
    headline: string;
    mark: string;
    feedback?: string;
    tags: TagBadge[];
    mine?: OwnChoiceModel;
  };
  /** The button that moves a solo player on after the last decision: to the ending, then the debrief. */
  moveOn?: { label: string; type: "trainer.showEnding" | "trainer.end" };
  team?: string;
  /** Teams this trainee may join in the lobby (empty unless the trainer made teams). */
  teamChoices: { id: string; label: string; selected: boolean }[];
  ending?: { title: string; debrief: string; outcome: string };
};

function labelOf(view: TraineeView, id: string | undefined): string {
  return view.options.find((o) => o.id === id)?.label ?? id ?? "";
}

/**
 * Turns the trainee's view into what the phone shows. `previousVote` is the vote this phone saw
 * before for the same step, so a change of mind reads "changed", not just "voted".
 */
export function traineeModel(view: TraineeView, previousVote?: string, now?: number): TraineeModel {
  const selectedId = view.can === "mark" ? view.myMark : view.myVote;
  const action =
    view.can === "vote"
      ? "trainee.vote"
      : view.can === "mark"
        ? "trainee.mark"
        : view.can === "choose"
          ? "trainee.choose"
          : undefined;
  const enabled = action !== undefined && !view.paused;
  const cards: TraineeCard[] = view.options.map((o, index) => ({
    id: o.id,
    index,
    text: o.label,
    selected: o.id === selectedId,
    enabled,
  }));
  let status: string;
  if (view.paused) status = t("phase.paused");
  else if (view.phase === "lobby") status = t("trainee.waiting", { name: view.me.name });
  else if (view.phase === "debrief") status = t("phase.debrief");
  else if (view.can === "vote" && view.myVote)
    status =
      previousVote && previousVote !== view.myVote
        ? t("trainee.changed", { option: labelOf(view, view.myVote) })
        : t("trainee.voted", { option: labelOf(view, view.myVote) });
  else if (view.can === "vote") status = t("trainee.notVoted");
  else if (view.can === "choose" && view.hotSeat?.inSeat) status = t("trainee.hotSeatYou");
  else if (view.can === "choose") status = t("trainee.choose");
  else if (view.can === "mark" && view.myMark) status = t("trainee.marked");
  else if (view.can === "mark") status = t("trainee.hotSeatOther", { name: view.hotSeat?.holderName ?? "" });
  else if (view.phase === "closed" && view.tiedOptionIds && view.tiedOptionIds.length > 1)
    status = tieNames(view.options, view.tiedOptionIds);
  else if (view.phase === "closed") status = t("trainee.voteClosed");
  else if (view.phase === "revealed" && view.missedVote && view.result)
    status = t("trainee.missedVote", { option: view.result.label });
  else if (view.phase === "ending") status = t("phase.ending");
  else if (
    view.customer &&
    view.options.length === 0 &&
    (view.phase === "revealed" || view.phase === "deciding")
  )
    // The run has reached its ending; the ending itself is the class's next moment.
    status = view.moveOn
      ? t("trainee.soloOver")
      : view.style === "teams"
        ? t("trainee.teamDone")
        : t("trainee.lastDecision");
  else if (view.phase === "revealed") status = t("trainee.waitNext");
  else if (view.hotSeat && !view.hotSeat.inSeat)
    status = t("trainee.hotSeatOther", { name: view.hotSeat.holderName });
  else status = t("trainee.waitNext");

  const phaseKey: MessageKey = view.paused ? "phase.paused" : (`phase.${view.phase}` as MessageKey);
  const model: TraineeModel = {
    title: view.scenario?.title ?? t("app.title"),
    phaseText: t(phaseKey),
    // After a reveal the next options are already there; show them only to whoever can act on them.
    cards:
      view.phase === "lobby" || view.phase === "debrief" || (view.phase === "revealed" && view.can === "wait")
        ? []
        : cards,
    status,
    statusWords: status,
    action: enabled ? action : undefined,
    teamChoices: (view.phase === "lobby" ? view.teams : []).map((team) => ({
      id: team.id,
      label: `${team.name} · ${t("trainee.members", { count: team.memberCount })}`,
      selected: team.id === view.team?.id,
    })),
  };
  if (view.customer) {
    const look = lookOfView(view);
    model.customer = {
      name: view.customer.name,
      line: view.customer.line,
      emotion: view.customer.emotion,
      feeling: customerFeeling(view.customer.emotion, view.meters?.mood ?? 50, look.gender).word,
      look,
    };
  }
  // Teams never pause on a class reveal: each team sees the feedback on its last choice above the next options.
  if (
    view.result &&
    (view.phase === "revealed" ||
      view.phase === "ending" ||
      view.phase === "debrief" ||
      view.style === "teams")
  ) {
    const headline = revealHeadline(view.result, view.scenario?.tags);
    model.reveal = {
      label: view.result.label,
      headline: headline.text,
      mark: headline.mark,
      ...(view.result.feedback ? { feedback: view.result.feedback } : {}),
      tags: tagBadges(view.result.tags, view.scenario?.tags),
    };
    if (view.myChoice) model.reveal.mine = ownChoiceModel(view.myChoice, view.result, view.scenario?.tags);
  }
  if (view.moveOn === "ending") model.moveOn = { label: t("trainee.showEnding"), type: "trainer.showEnding" };
  if (view.moveOn === "debrief") model.moveOn = { label: t("trainee.toDebrief"), type: "trainer.end" };
  const left = view.vote.open && now !== undefined ? secondsLeft(view.vote, now) : undefined;
  if (left !== undefined) {
    model.secondsLeft = left;
    model.status = `◷ ${t("projector.timeLeft", { seconds: left })} · ${model.status}`;
  }
  if (view.team) model.team = `${view.team.name}${view.team.isCaptain ? " ★" : ""}`;
  if (view.ending)
    model.ending = {
      title: view.ending.title,
      debrief: view.ending.debrief,
      outcome: t(`outcome.${view.ending.outcome}` as MessageKey),
    };
  return model;
}
