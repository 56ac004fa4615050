import type { Emotion, Outcome, ResolvedLook, TeamBoardLine } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";
import { customerFeeling } from "./customerFeeling";
import { formatMoney } from "./money";

/** One team on the projector's board: its customer's face, words and line, its meters and its ending. */
export type TeamRow = {
  name: string;
  members: string;
  step: string;
  mood: string;
  moodValue: number;
  emotion: Emotion;
  /** The feeling's word beside the face ("Wściekła"), agreeing with the face and the mood. */
  feeling: string;
  /** What the team's customer says now. */
  says: string;
  cost: string;
  status: string;
  /** How the team's run ended, for the ending's colour and mark (absent while playing). */
  outcome?: Outcome;
};

/** The board's row for one team, in the scenario's currency and the persona's grammatical gender. */
export function teamRowModel(
  team: TeamBoardLine,
  gender: ResolvedLook["gender"],
  money: { currency: string; locale: string },
): TeamRow {
  const emotion = team.emotion ?? "calm";
  const feeling = customerFeeling(emotion, team.meters.mood, gender);
  const row: TeamRow = {
    name: team.name,
    // "members: N", as on the phones: no plural form to get wrong ("1 trainees").
    members: t("trainee.members", { count: team.memberCount }),
    step: t("debrief.step", { step: team.stepIndex + 1 }),
    mood: `${Math.round(team.meters.mood)} ${feeling.band.shape} ${feeling.moodWord}`,
    moodValue: team.meters.mood,
    emotion,
    feeling: feeling.word,
    says: team.says ?? "",
    cost: formatMoney(team.meters.cost, money.currency, money.locale),
    status: team.ended
      ? `${team.outcome ? t(`outcome.${team.outcome}` as MessageKey) : ""}${team.endingTitle ? `: ${team.endingTitle}` : ""}`
      : `… ${t("projector.playing")}`,
  };
  if (team.ended && team.outcome) row.outcome = team.outcome;
  return row;
}
