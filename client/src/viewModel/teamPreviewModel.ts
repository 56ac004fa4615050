import type { TrainerView } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { getLocale, t } from "../i18n/t";
import { formatMoney } from "./money";
import { previewRows, type PreviewRow } from "./trainerModel";

/** One team's run as the console previews it in team play: where it stands and what each option would do. */
export type TeamPreview = {
  id: string;
  name: string;
  /** "Step 3 · members: 2 · captain: Ana" */
  heading: string;
  /** "Mood 40 · Cost €3" */
  meters: string;
  /** "Still talking" or "Ending: Customer kept — The hat is replaced". */
  status: string;
  /** How the status reads at a glance: a kept customer is good news, a public adversary bad. */
  tone: "good" | "neutral" | "bad";
  ended: boolean;
  /** The customer's current line, cut at a word so one team's card stays short. */
  line: string;
  options: PreviewRow[];
};

const goodOutcomes = new Set(["ambassador", "kept"]);

/** Longest customer line the console shows per team; the projector and phones show it in full. */
const lineLimit = 140;

function shortLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= lineLimit) return flat;
  const cut = flat.slice(0, lineLimit);
  const space = cut.lastIndexOf(" ");
  return `${(space > lineLimit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/u, "")}…`;
}

/** In team play: each team's current customer line, its options with their effects, its step and ending. */
export function teamPreviews(view: TrainerView): TeamPreview[] {
  const currency = view.scenario?.currency ?? "EUR";
  const locale = getLocale();
  return view.teams.map((team) => {
    const captain = view.roster.find((r) => r.id === team.captainId)?.name;
    const heading = [
      ...(team.ended ? [] : [t("debrief.step", { step: team.stepIndex + 1 })]),
      t("trainee.members", { count: team.memberCount }),
      ...(captain ? [t("trainer.captain", { name: captain })] : []),
    ].join(" · ");
    const m = team.meters;
    const meters = [
      `${t("meter.mood")} ${Math.round(m.mood)}`,
      `${t("meter.cost")} ${formatMoney(m.cost, currency, locale)}`,
      ...(m.reputation !== undefined ? [`${t("meter.reputation")} ${m.reputation}`] : []),
      ...(m.strain !== undefined ? [`${t("meter.strain")} ${m.strain}`] : []),
    ].join(" · ");
    const outcome = team.ending?.outcome ?? team.outcome;
    const title = team.ending?.title ?? team.endingTitle;
    const status = team.ended
      ? `${t("debrief.ending")}: ${outcome ? t(`outcome.${outcome}` as MessageKey) : "—"}${title ? ` — ${title}` : ""}`
      : t("projector.playing");
    const tone = !team.ended
      ? "neutral"
      : outcome && goodOutcomes.has(outcome)
        ? "good"
        : outcome === "neutral"
          ? "neutral"
          : "bad";
    return {
      id: team.id,
      name: team.name,
      heading,
      meters,
      status,
      tone,
      ended: team.ended,
      line: team.customer && !team.ended ? `${team.customer.name}: “${shortLine(team.customer.line)}”` : "",
      options: team.ended ? [] : previewRows(team.options, [], currency),
    };
  });
}
