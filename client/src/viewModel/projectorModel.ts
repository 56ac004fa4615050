import type { MessageKey } from "../i18n/en";
import type { ProjectorView, ResolvedLook } from "@hotseat/shared";
import { getLocale, t } from "../i18n/t";
import { customerFeeling, lookOfView, type CustomerFeeling } from "./customerFeeling";
import { metersModel, type MetersModel } from "./meters";
import { revealHeadline, tieCounts } from "./revealModel";
import { secondsLeft, tallyModel, type TallyBar } from "./tallyModel";
import { tagBadges } from "./tagBadge";
import { teamRowModel, type TeamRow } from "./teamRowModel";
import type { TagBadge } from "./tagBadge";

export type { TeamRow } from "./teamRowModel";

/** What the projector draws for a view at time `now` (ms, for the vote timer). */
export type ProjectorModel = {
  title: string;
  phase: ProjectorView["phase"];
  phaseText: string;
  join?: { code: string; url: string; count: string; big: boolean };
  customer?: ProjectorView["customer"];
  /** How the customer looks, and what they are shown to feel (words that agree with the face and the mood). */
  look: ResolvedLook;
  feeling?: CustomerFeeling;
  mood: number;
  meters?: MetersModel;
  /** The live or closed vote; `tie` announces a closed vote tied for the lead ("A tie: … — the trainer decides"). */
  tally?: { bars: TallyBar[]; votes: string; timer?: string; tie?: string };
  options: string[];
  /**
   * The revealed answer: how it was decided ("The class chose: …", "A tie, drawn by lot: …") behind its
   * mark (⚠ for a defence mechanism), the class's split beside it (the chosen bar highlighted), the
   * technique tags and the expert's feedback.
   */
  result?: {
    label: string;
    headline: string;
    mark: string;
    split?: TallyBar[];
    feedback?: string;
    tags: TagBadge[];
  };
  hotSeat?: string;
  teams?: TeamRow[];
  /** The ending reached; `debrief` (its text) and `good` once it is shown as its own moment. */
  ending?: { outcome: string; title: string; debrief?: string; good?: boolean };
  /** After a hot-seat reveal: how the room would have answered, the seated answer first (★). */
  roomAnswers?: { title: string; lines: { text: string; chosen: boolean; count: number }[] };
  /** The names of the trainees who joined, for the lobby (unless the trainer hid them). */
  names?: string[];
};

const goodOutcomes = new Set<string>(["ambassador", "kept"]);

/** Turns the class view into the projector's panels. */
export function projectorModel(view: ProjectorView, joinUrl: string, now: number): ProjectorModel {
  const locale = getLocale();
  const currency = view.scenario?.currency ?? "EUR";
  const playing = view.phase !== "lobby" && view.phase !== "debrief";
  const model: ProjectorModel = {
    title: view.scenario?.title ?? t("projector.waitingScenario"),
    phase: view.phase,
    phaseText: view.paused
      ? t("phase.paused")
      : view.phase === "closed" && view.tiedOptionIds.length > 1
        ? t("tie.phase")
        : t(`phase.${view.phase}` as MessageKey),
    mood: view.meters?.mood ?? 50,
    look: lookOfView(view),
    options: view.options.map((o) => o.label),
  };
  const gender = model.look.gender;
  if (view.joinOpen)
    model.join = {
      code: view.joinCode,
      url: joinUrl,
      count: t("projector.players", { count: view.traineeCount }),
      big: view.phase === "lobby",
    };
  if (view.customer) {
    model.customer = view.customer;
    model.feeling = customerFeeling(view.customer.emotion, model.mood, gender);
  }
  if (view.meters)
    model.meters = metersModel(view.meters, view.ledger, currency, locale, gender, view.scenario?.costItems);
  if (playing && (view.phase === "voting" || view.phase === "closed")) {
    const left = view.vote.open ? secondsLeft(view.vote, now) : undefined;
    const tied = view.phase === "closed" && view.tiedOptionIds.length > 1;
    model.tally = {
      bars: tallyModel(view.options, view.tally),
      votes: t("projector.votes", { count: view.votesCast, total: view.connectedCount }),
      ...(left !== undefined ? { timer: t("projector.timeLeft", { seconds: left }) } : {}),
      ...(tied
        ? { tie: t("tie.wall", { counts: tieCounts(view.options, view.tally, view.tiedOptionIds) }) }
        : {}),
    };
  }
  if (view.result && view.phase === "revealed") {
    const headline = revealHeadline(view.result, view.scenario?.tags);
    const chosen = view.result.optionId;
    model.result = {
      label: view.result.label,
      headline: headline.text,
      mark: headline.mark,
      ...(view.result.feedback ? { feedback: view.result.feedback } : {}),
      tags: tagBadges(view.result.tags, view.scenario?.tags),
    };
    if (view.resultSplit) {
      // The chosen bar stands out, whether or not it led (a tie settled, an override).
      model.result.split = tallyModel(
        view.resultSplit.map((s) => ({ id: s.optionId, label: s.label })),
        view.resultSplit,
      ).map((bar) => ({
        ...bar,
        leading: bar.optionId === chosen,
      }));
    }
  }
  if (view.hotSeat) model.hotSeat = t("projector.hotSeat", { name: view.hotSeat.holderName });
  if (view.style === "teams" && view.teams.length > 0) {
    model.teams = view.teams.map((team) => teamRowModel(team, gender, { currency, locale }));
  }
  if (view.style === "teams") {
    // A team at its ending waits for the others; its ending is the class's moment, later.
    model.teams?.forEach((row, i) => {
      const team = view.teams[i];
      if (team?.ended && !team.outcome) row.status = t("projector.teamDone");
    });
  }
  if (view.roomAnswers && view.phase === "revealed") {
    const seat = view.hotSeat
      ? `${view.hotSeat.holderName}, ${t("projector.inSeat")}`
      : t("projector.inSeat");
    model.roomAnswers = {
      title: t("projector.roomAnswers"),
      lines: view.roomAnswers.map((a) => ({
        text: a.chosen ? `★ ${a.label} (${seat})` : a.label,
        chosen: a.chosen,
        count: a.count,
      })),
    };
  }
  if (view.lobbyNames && view.lobbyNames.length > 0) model.names = view.lobbyNames;
  if (view.ending) {
    model.ending = { outcome: t(`outcome.${view.ending.outcome}` as MessageKey), title: view.ending.title };
    if (view.phase === "ending") {
      model.ending.debrief = view.ending.debrief;
      model.ending.good = goodOutcomes.has(view.ending.outcome);
    }
  }
  return model;
}
