import type { OptionLabel, OwnChoiceView, ResultView, TallyLine } from "@hotseat/shared";
import { t } from "../i18n/t";
import { choiceMark, tagBadges } from "./tagBadge";
import type { DeclaredTagTexts, TagBadge } from "./tagBadge";

/** The chosen answer as every view announces it: how it was decided, with the mark its tags earn. */
export type RevealHeadline = { text: string; mark: ReturnType<typeof choiceMark> };

/**
 * "The class chose: X", "A tie, drawn by lot: X", "A tie, settled by the trainer: X", "The trainer's
 * choice: X", or "Chosen: X" (hot seat, teams, solo), led by ⚠ for a defence mechanism, never a tick.
 */
export function revealHeadline(result: ResultView, declared?: DeclaredTagTexts): RevealHeadline {
  const option = result.label;
  const mark = choiceMark(result.tags, declared);
  switch (result.decidedBy) {
    case "majority":
      return { mark, text: t("reveal.majority", { option }) };
    case "tie-draw":
      return { mark, text: t("reveal.tieDraw", { option }) };
    case "tie-trainer":
      return { mark, text: t("reveal.tieTrainer", { option }) };
    case "override":
      return { mark, text: t("reveal.override", { option }) };
    case "hot-seat":
    case "team":
    case "solo":
      return { mark, text: t("trainee.yourChoice", { option }) };
  }
}

/** A trainee's own choice at the reveal: the line that compares it with the class's, and the feedback on it. */
export type OwnChoiceModel = {
  line: string;
  /** Whether it is the answer played (then its feedback is the one already shown). */
  same: boolean;
  label: string;
  mark: ReturnType<typeof choiceMark>;
  tags: TagBadge[];
  feedback?: string;
};

/** "You chose X · the class chose Y" (or "…, like the class"; for a mark "You would have said X"). */
export function ownChoiceModel(
  mine: OwnChoiceView,
  result: ResultView,
  declared?: DeclaredTagTexts,
): OwnChoiceModel {
  const same = mine.optionId === result.optionId;
  let line: string;
  if (mine.kind === "mark") line = t("reveal.youMarked", { option: mine.label });
  else if (result.decidedBy !== "majority") line = t("reveal.you", { option: mine.label });
  else if (same) line = t("reveal.youWithClass", { option: mine.label });
  else line = t("reveal.youAndClass", { mine: mine.label, chosen: result.label });
  return {
    line,
    same,
    label: mine.label,
    mark: choiceMark(mine.tags, declared),
    tags: tagBadges(mine.tags, declared),
    ...(mine.feedback !== undefined ? { feedback: mine.feedback } : {}),
  };
}

/** "5 for “A”, 5 for “B”": the tied options with their votes, in screen order. */
export function tieCounts(
  options: readonly OptionLabel[],
  tally: readonly TallyLine[],
  tied: readonly string[],
): string {
  const counts = new Map(tally.map((l) => [l.optionId, l.count]));
  return options
    .filter((o) => tied.includes(o.id))
    .map((o) => t("tie.count", { count: counts.get(o.id) ?? 0, option: o.label }))
    .join(", ");
}

/** "A tie between “A”, “B” — the trainer decides.": for phones, which have no counts. */
export function tieNames(options: readonly OptionLabel[], tied: readonly string[]): string {
  const names = options.filter((o) => tied.includes(o.id)).map((o) => `“${o.label}”`);
  return t("tie.phone", { options: names.join(", ") });
}
