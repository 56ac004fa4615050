import type { ClientMessage, OptionPreview, TrainerView } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { getLocale, t } from "../i18n/t";
import { formatMoney } from "./money";
import { tagBadge, tagBadges } from "./tagBadge";
import type { DeclaredTagTexts, TagBadge } from "./tagBadge";

/** A console control: its id, label, shortcut key, whether it applies now, and the message it sends. */
export type ControlModel = {
  id: string;
  label: string;
  key?: string;
  enabled: boolean;
  message: ClientMessage;
};

/** An option with its effects written out for the trainer (never shown to trainees). */
export type PreviewRow = {
  id: string;
  label: string;
  effects: string;
  tags: string;
  /** The same tags as badges, so a view can colour techniques and defence mechanisms apart. */
  badges: TagBadge[];
  votes: number;
};

/** One decision in the history, with the rewind it offers (of one team's run in team play). */
export type HistoryRow = {
  id: string;
  teamId?: string;
  stepIndex: number;
  text: string;
  split: string;
  rewindLabel: string;
  rewind: ClientMessage;
};

/** What the trainer console draws. */
export type TrainerModel = {
  controls: ControlModel[];
  previews: PreviewRow[];
  history: HistoryRow[];
  status: string;
  votesCast: number;
};

// The vote count only while a class vote is open or just closed; elsewhere it would read "0 of 3 voted".
function status(view: TrainerView, votesCast: number): string {
  // The lobby's "waiting for the trainer" is the trainees' sentence; the trainer is told what to do.
  if (view.phase === "lobby") return t("trainer.lobbyStatus");
  const tied = view.phase === "closed" && view.tiedOptionIds.length > 1;
  const phase = view.paused
    ? t("phase.paused")
    : tied
      ? t("tie.phase")
      : t(`phase.${view.phase}` as MessageKey);
  if (view.phase !== "voting" && view.phase !== "closed") return phase;
  const total = view.roster.filter((r) => !r.removed && r.connected).length;
  return `${phase} · ${t("projector.votes", { count: votesCast, total })}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Each option's effects in words ("Mood +10 · Cost +€25") and its technique tags, with its vote count. */
export function previewRows(
  options: readonly OptionPreview[],
  tally: readonly { optionId: string; count: number }[],
  currency: string,
  declared?: DeclaredTagTexts,
): PreviewRow[] {
  const locale = getLocale();
  const counts = new Map(tally.map((l) => [l.optionId, l.count]));
  return options.map((o) => {
    const parts = [`${t("meter.mood")} ${signed(o.effects.mood)}`];
    if (o.effects.reputation) parts.push(`${t("meter.reputation")} ${signed(o.effects.reputation)}`);
    if (o.effects.strain) parts.push(`${t("meter.strain")} ${signed(o.effects.strain)}`);
    if (o.effects.cost)
      parts.push(
        `${t("meter.cost")} ${o.effects.cost > 0 ? "+" : ""}${formatMoney(o.effects.cost, currency, locale)}`,
      );
    return {
      id: o.id,
      label: o.label,
      effects: parts.join(" · "),
      tags: o.tags.map((tag) => tagBadge(tag, declared).short).join("  "),
      badges: tagBadges(o.tags, declared),
      votes: counts.get(o.id) ?? 0,
    };
  });
}

/**
 * "Next": the next vote once the last one's result is shown; once the run has reached its ending (its
 * last decision revealed), the ending as its own moment; from there, the debrief.
 */
function nextControl(view: TrainerView): ControlModel {
  const can = view.controls;
  if (can.showEnding)
    return {
      id: "ctl.next",
      label: t("trainer.nextEnding"),
      key: "n",
      enabled: true,
      message: { type: "trainer.showEnding" },
    };
  if (view.phase === "ending")
    return {
      id: "ctl.next",
      label: t("trainer.nextDebrief"),
      key: "n",
      enabled: can.end,
      message: { type: "trainer.end" },
    };
  // The hot seat's Next: the next decision appears once the room has discussed the reveal. In a class vote
  // "Open vote" is the next step, so the button is hidden there (visibleControls); its key N stays.
  if (view.style === "hot-seat")
    return {
      id: "ctl.next",
      label: t("trainer.next"),
      key: "n",
      enabled: can.next,
      message: { type: "trainer.next" },
    };
  return {
    id: "ctl.next",
    label: t("trainer.next"),
    key: "n",
    enabled: can.openVote && view.phase === "revealed",
    message: { type: "trainer.openVote" },
  };
}

/**
 * The console's controls, enabled as the server's view says the session would accept them now (a dry
 * run of the session core), with their labels and keys; and each option's effects as text
 * ("mood +10 · cost €25").
 */
export function trainerModel(view: TrainerView, teamCount = 2): TrainerModel {
  const can = view.controls;
  const voting = view.phase === "voting";
  const controls: ControlModel[] = [
    {
      id: "ctl.vote",
      label: voting ? t("trainer.closeVote") : t("trainer.openVote"),
      key: "v",
      enabled: voting ? can.closeVote : can.openVote,
      message: voting ? { type: "trainer.closeVote" } : { type: "trainer.openVote" },
    },
    {
      // A timed vote closes by itself; the projector counts down.
      id: "ctl.voteTimed",
      label: "◷ 60 s",
      enabled: can.openVote,
      message: { type: "trainer.openVote", seconds: 60 },
    },
    {
      id: "ctl.reveal",
      label: t("trainer.reveal"),
      key: "r",
      enabled: can.reveal,
      message: { type: "trainer.reveal" },
    },
    nextControl(view),
    {
      id: "ctl.pause",
      label: view.paused ? t("trainer.resume") : t("trainer.pause"),
      key: "p",
      enabled: view.paused ? can.resume : can.pause,
      message: view.paused ? { type: "trainer.resume" } : { type: "trainer.pause" },
    },
    {
      id: "ctl.seat",
      label: t("trainer.passHotSeat"),
      key: "h",
      enabled: can.passSeat,
      message: { type: "trainer.passSeat" },
    },
    {
      // The server answers for the smallest split; a larger one the class is too small for is refused with a reason.
      id: "ctl.teams",
      label: t("trainer.splitTeams", { count: teamCount }),
      key: "t",
      enabled: can.splitTeams,
      message: { type: "trainer.splitTeams", count: teamCount },
    },
    {
      id: "ctl.start",
      label: t("trainer.start"),
      key: "s",
      enabled: can.start,
      message: { type: "trainer.start" },
    },
    {
      // Only when a closed vote is tied: settle it by a seeded draw the report can replay.
      id: "ctl.tieDraw",
      label: t("tie.draw"),
      enabled: can.breakTie,
      message: { type: "trainer.breakTie", draw: true },
    },
    {
      id: "ctl.skip",
      label: `⇥ ${t("trainer.skip")}`,
      enabled: can.skip,
      message: { type: "trainer.skip" },
    },
    {
      id: "ctl.end",
      label: t("trainer.end"),
      key: "e",
      enabled: can.end,
      message: { type: "trainer.end" },
    },
    {
      id: "ctl.lock",
      label: view.locked ? t("trainer.unlock") : t("trainer.lock"),
      enabled: view.locked ? can.unlock : can.lock,
      message: view.locked ? { type: "trainer.unlock" } : { type: "trainer.lock" },
    },
    {
      // Names arriving on the wall's lobby; some rooms (or some trainees) prefer them hidden.
      id: "ctl.names",
      label: view.namesHidden ? t("trainer.showNames") : t("trainer.hideNames"),
      enabled: true,
      message: { type: "trainer.showNames", show: view.namesHidden === true },
    },
    {
      // Finishes the wall's reveal animation at once (the room has seen enough, or the trainer wants to talk).
      id: "ctl.skipReveal",
      label: `» ${t("seq.skipReveal")}`,
      key: "k",
      enabled: can.skipReveal,
      message: { type: "trainer.skipReveal" },
    },
    {
      // The wall is the room's speaker: one switch here, the projector follows.
      id: "ctl.sound",
      label: `♪ ${t(view.sound ? "seq.soundOn" : "seq.soundOff")}`,
      enabled: true,
      message: { type: "trainer.setSound", on: !view.sound },
    },
  ];
  const previews = previewRows(
    view.options,
    view.tally,
    view.scenario?.currency ?? "EUR",
    view.scenario?.tags,
  );
  const row = (d: TrainerView["history"][number], team?: { id: string; name: string }): HistoryRow => {
    const split = d.tally
      .filter((l) => l.count > 0)
      .map((l) => `${l.count}`)
      .join("/");
    const step = d.stepIndex + 1;
    return {
      id: team ? `rewind.${team.id}.${d.stepIndex}` : `rewind.${d.stepIndex}`,
      ...(team ? { teamId: team.id } : {}),
      stepIndex: d.stepIndex,
      text: `${team ? `${team.name} · ` : ""}${step}. ${d.label}${d.byName ? ` (${d.byName})` : ""}`,
      split: split ? `${t("debrief.votes")}: ${split}` : "",
      rewindLabel: `⟲ ${team ? t("trainer.rewindTeam", { team: team.name, step }) : t("trainer.rewind", { step })}`,
      rewind: team
        ? { type: "trainer.rewind", stepIndex: d.stepIndex, teamId: team.id }
        : { type: "trainer.rewind", stepIndex: d.stepIndex },
    };
  };
  // In team play each team's run has its own history, and a rewind goes back in that team's run only.
  const history =
    view.style === "teams"
      ? view.teams.flatMap((team) => team.history.map((d) => row(d, team)))
      : view.history.map((d) => row(d));
  const votesCast = Object.keys(view.votes).length;
  return {
    controls,
    previews,
    history,
    status: status(view, votesCast),
    votesCast,
  };
}

/**
 * The controls that apply in this phase and style: the lobby's start and teams, the class's vote, reveal
 * and next, the hot seat's pass; situational ones (a tie draw) only when they can act. Keeps the column
 * short enough for the history beside it, and the phone remote's list short enough to read.
 */
export function visibleControls(view: TrainerView, controls: readonly ControlModel[]): ControlModel[] {
  const lobby = view.phase === "lobby";
  return controls.filter((c) => {
    if (
      lobby &&
      ["ctl.vote", "ctl.voteTimed", "ctl.reveal", "ctl.next", "ctl.pause", "ctl.end", "ctl.skip"].includes(
        c.id,
      )
    )
      return false;
    if (!lobby && ["ctl.start", "ctl.teams", "ctl.names"].includes(c.id)) return false;
    // Next shows the ending once the last decision is revealed, then the debrief, in every style.
    const endingNext = c.id === "ctl.next" && (view.controls.showEnding || view.phase === "ending");
    if (c.id === "ctl.next" && view.style !== "hot-seat" && !endingNext) return false;
    // The hot seat has no class vote: its vote, timer and reveal buttons would only sit greyed out.
    if (view.style === "hot-seat" && ["ctl.vote", "ctl.voteTimed", "ctl.reveal"].includes(c.id)) return false;
    if (c.id === "ctl.tieDraw" && !c.enabled) return false;
    if (c.id === "ctl.skipReveal" && !c.enabled) return false;
    if (c.id === "ctl.seat" && view.style !== "hot-seat") return false;
    if (c.id === "ctl.teams" && view.style !== "teams") return false;
    if (c.id === "ctl.voteTimed" && view.style !== "class-vote") return false;
    // Teams choose on their own; the class's vote, reveal and next would only sit greyed out (but Next
    // shows the endings once every team has reached one, and then the debrief).
    if (view.style === "teams" && ["ctl.vote", "ctl.reveal", "ctl.next"].includes(c.id) && !endingNext)
      return false;
    return true;
  });
}

/** A control's label without its keyboard hint ("Open vote (V)" → "Open vote"): a phone has no keys to press. */
export function touchLabel(label: string): string {
  return label.replace(/\s*\([A-Z0-9]\)$/, "");
}
