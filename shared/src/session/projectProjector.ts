import type { SessionPhase } from "../protocol/playStyle";
import type { ProjectorView, TeamBoardLine } from "../protocol/projectorView";
import {
  branchViews,
  ledgerLines,
  meterReading,
  optionLabels,
  pathView,
  runDisplay,
  scenarioTitleView,
  showsEnding,
  tallyLines,
  translatorFor,
  visibleTally,
  voteStatus,
} from "./projectionParts";
import type { Translate } from "./projectionParts";
import { awaitingNext } from "./awaitingNext";
import { bestPathView } from "./bestPath";
import { lobbyNames } from "./lobbyNames";
import { roomAnswers } from "./roomAnswers";
import { activeTrainees, teamMembers } from "./roster";
import { isPlaying, phaseOf } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { SessionContext, SessionState } from "./sessionState";

/**
 * Each team's line on the board: its step, the customer's face, meters, its ending once the ending's
 * moment has come (`phase`), and at the debrief its path.
 */
export function teamBoard(ctx: SessionContext, t: Translate, phase: SessionPhase): TeamBoardLine[] {
  const withPath = phase === "debrief";
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
    if (record) {
      line.emotion = record.current.emotion;
      line.says = t(record.current.line);
    }
    if (record?.ending && showsEnding(phase)) {
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
    options: isPlaying(phase) && !awaitingNext(ctx, phase) ? optionLabels(record, t) : [],
    vote: voteStatus(ctx),
    tally: tallyLines(tally),
    votesCast: Object.values(tally).reduce((a, b) => a + b, 0),
    tiedOptionIds: ctx.vote?.tie ?? [],
    ledger: ledgerLines(record),
    teams: teamBoard(ctx, t, phase),
    path: pathView(record?.decisions ?? [], t),
    branches: branchViews(record, t),
  };
  const scenario = scenarioTitleView(ctx, t);
  if (scenario) view.scenario = scenario;
  const best = bestPathView(ctx.scenario?.best, phase, t);
  if (best) view.best = best;
  Object.assign(view, runDisplay(ctx, phase, record, t));
  const last = record?.decisions.at(-1);
  if (view.result && last && record?.previous && Object.values(last.tally).some((n) => n > 0)) {
    view.resultSplit = record.previous.options.map((o) => ({
      optionId: o.id,
      label: t(o.label),
      count: last.tally[o.id] ?? 0,
    }));
  }
  const holder = ctx.trainees.find((x) => x.id === ctx.seatHolderId);
  if (ctx.style === "hot-seat" && holder) view.hotSeat = { holderName: holder.name };
  const answers = roomAnswers(ctx, phase, t);
  if (answers) view.roomAnswers = answers;
  const names = lobbyNames(ctx, phase);
  if (names) view.lobbyNames = names;
  if (phase === "debrief") view.debriefPage = ctx.debriefPage ?? 0;
  if (ctx.sound) view.sound = true;
  const revealedAt = record?.decisions.at(-1)?.at;
  if (phase === "revealed" && revealedAt !== undefined && (ctx.revealSkippedAt ?? -Infinity) >= revealedAt)
    view.revealSkipped = true;
  return view;
}
