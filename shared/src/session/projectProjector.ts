import type { ProjectorView, TeamBoardLine } from "../protocol/projectorView";
import {
  branchViews,
  ledgerLines,
  meterReading,
  optionLabels,
  pathView,
  runDisplay,
  scenarioTitleView,
  tallyLines,
  translatorFor,
  visibleTally,
  voteStatus,
} from "./projectionParts";
import type { Translate } from "./projectionParts";
import { bestPathView } from "./bestPath";
import { activeTrainees, teamMembers } from "./roster";
import { isPlaying, phaseOf } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { SessionContext, SessionState } from "./sessionState";

/** Each team's line on the board: its step, the customer's face, meters and ending, and at the debrief its path. */
export function teamBoard(ctx: SessionContext, t: Translate, withPath = false): TeamBoardLine[] {
  if (ctx.style !== "teams") return [];
  return ctx.teams.map((team) => {
    const record = ctx.runs[team.id];
    const line: TeamBoardLine = {
      id: team.id,
      name: team.name,
      memberCount: teamMembers(ctx, team.id).length,
      stepIndex: record?.decisions.length ?? 0,
      meters: meterReading(record) ?? { mood: 0, cost: 0 },
      ended: record?.run.ended ?? false,
    };
    if (record) line.emotion = record.current.emotion;
    if (record?.ending) {
      line.outcome = record.ending.outcome;
      line.endingTitle = t(record.ending.title);
    }
    if (withPath && record) {
      line.path = pathView(record.decisions, t);
      if (record.branches.length > 0) line.branches = branchViews(record, t);
    }
    return line;
  });
}

/** The class view for the wall: counts, never names or individual votes, and no option effects. */
export function projectProjector(state: SessionState, locale?: string): ProjectorView {
  const ctx = state.context;
  const phase = phaseOf(state);
  const t = translatorFor(ctx, locale);
  const record = ctx.style === "teams" ? undefined : ctx.runs[mainRunKey];
  const active = activeTrainees(ctx);
  const tally = visibleTally(ctx, phase);
  const view: ProjectorView = {
    role: "projector",
    joinCode: ctx.joinCode,
    joinOpen: !ctx.locked,
    traineeCount: active.length,
    connectedCount: active.filter((x) => x.connected).length,
    phase,
    paused: ctx.paused,
    style: ctx.style,
    stepIndex: record?.decisions.length ?? 0,
    options: isPlaying(phase) ? optionLabels(record, t) : [],
    vote: voteStatus(ctx),
    tally: tallyLines(tally),
    votesCast: Object.values(tally).reduce((a, b) => a + b, 0),
    tiedOptionIds: ctx.vote?.tie ?? [],
    ledger: ledgerLines(record),
    teams: teamBoard(ctx, t, phase === "debrief"),
    path: pathView(record?.decisions ?? [], t),
    branches: branchViews(record, t),
  };
  const scenario = scenarioTitleView(ctx, t);
  if (scenario) view.scenario = scenario;
  const best = bestPathView(ctx.scenario?.best, phase, t);
  if (best) view.best = best;
  Object.assign(view, runDisplay(ctx, phase, record, t));
  const holder = ctx.trainees.find((x) => x.id === ctx.seatHolderId);
  if (ctx.style === "hot-seat" && holder) view.hotSeat = { holderName: holder.name };
  if (ctx.sound) view.sound = true;
  const revealedAt = record?.decisions.at(-1)?.at;
  if (phase === "revealed" && revealedAt !== undefined && (ctx.revealSkippedAt ?? -Infinity) >= revealedAt)
    view.revealSkipped = true;
  return view;
}
