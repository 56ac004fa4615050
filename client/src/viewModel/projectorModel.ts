import type { MessageKey } from "../i18n/en";
import type { ProjectorView, ResolvedLook } from "@hotseat/shared";
import { getLocale, t } from "../i18n/t";
import { customerFeeling, lookOfView, type CustomerFeeling } from "./customerFeeling";
import { metersModel, type MetersModel } from "./meters";
import { secondsLeft, tallyModel, type TallyBar } from "./tallyModel";
import { tagBadge } from "./tagBadge";
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
  tally?: { bars: TallyBar[]; votes: string; timer?: string };
  options: string[];
  result?: { label: string; feedback?: string; tags: TagBadge[] };
  hotSeat?: string;
  teams?: TeamRow[];
  ending?: { outcome: string; title: string };
};

/** Turns the class view into the projector's panels. */
export function projectorModel(view: ProjectorView, joinUrl: string, now: number): ProjectorModel {
  const locale = getLocale();
  const currency = view.scenario?.currency ?? "EUR";
  const playing = view.phase !== "lobby" && view.phase !== "debrief";
  const model: ProjectorModel = {
    title: view.scenario?.title ?? t("projector.waitingScenario"),
    phase: view.phase,
    phaseText: view.paused ? t("phase.paused") : t(`phase.${view.phase}` as MessageKey),
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
  if (view.meters) model.meters = metersModel(view.meters, view.ledger, currency, locale, gender);
  if (playing && (view.phase === "voting" || view.phase === "closed")) {
    const left = view.vote.open ? secondsLeft(view.vote, now) : undefined;
    model.tally = {
      bars: tallyModel(view.options, view.tally),
      votes: t("projector.votes", { count: view.votesCast, total: view.connectedCount }),
      ...(left !== undefined ? { timer: t("projector.timeLeft", { seconds: left }) } : {}),
    };
  }
  if (view.result && view.phase === "revealed") {
    model.result = {
      label: view.result.label,
      ...(view.result.feedback ? { feedback: view.result.feedback } : {}),
      tags: view.result.tags.map(tagBadge),
    };
  }
  if (view.hotSeat) model.hotSeat = t("projector.hotSeat", { name: view.hotSeat.holderName });
  if (view.style === "teams" && view.teams.length > 0) {
    model.teams = view.teams.map((team) => teamRowModel(team, gender, { currency, locale }));
  }
  if (view.ending)
    model.ending = { outcome: t(`outcome.${view.ending.outcome}` as MessageKey), title: view.ending.title };
  return model;
}
