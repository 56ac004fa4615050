import type { DecisionView, OptionPreview, TrainerTeam, TrainerView } from "../protocol/trainerView";
import type { RunOption } from "../scenario/runState";
import {
  branchViews,
  customerView,
  endingView,
  ledgerLines,
  runDisplay,
  scenarioTitleView,
  tallyLines,
  translatorFor,
  visibleTally,
  voteStatus,
} from "./projectionParts";
import type { Translate } from "./projectionParts";
import { bestPathView } from "./bestPath";
import { teamBoard } from "./projectProjector";
import { trainerControls } from "./trainerControls";
import { captainOf, teamMembers, traineeById } from "./roster";
import { isPlaying, phaseOf } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { Decision, RunRecord, SessionContext, SessionState } from "./sessionState";

function previews(options: readonly RunOption[], t: Translate): OptionPreview[] {
  return options.map((o) => {
    const p: OptionPreview = { id: o.id, label: t(o.label), tags: o.tags, effects: o.effects };
    if (o.feedback !== undefined) p.feedback = t(o.feedback);
    return p;
  });
}

function history(ctx: SessionContext, decisions: readonly Decision[], t: Translate): DecisionView[] {
  return decisions.map((d) => {
    const view: DecisionView = {
      stepIndex: d.stepIndex,
      optionId: d.optionId,
      label: t(d.label),
      decidedBy: d.decidedBy,
      tags: d.tags,
      tally: tallyLines(d.tally),
      votes: d.votes,
      marks: d.marks,
      at: d.at,
      meters: { ...d.meters, cost: d.cost },
    };
    if (d.from !== undefined) view.from = d.from;
    if (d.to !== undefined) view.to = d.to;
    const by = traineeById(ctx, d.byId)?.name;
    if (by !== undefined) view.byName = by;
    return view;
  });
}

function playable(record: RunRecord | undefined, playing: boolean): RunOption[] {
  return playing && record ? record.current.options : [];
}

/** The trainer's console: the roster, every option's effects, individual votes, marks and the history. */
export function projectTrainer(state: SessionState, locale?: string): TrainerView {
  const ctx = state.context;
  const phase = phaseOf(state);
  const playing = isPlaying(phase);
  const t = translatorFor(ctx, locale);
  const record = ctx.style === "teams" ? undefined : ctx.runs[mainRunKey];
  const board = teamBoard(ctx, t, phase);
  const teams: TrainerTeam[] = board.map((line) => {
    const r = ctx.runs[line.id];
    const team: TrainerTeam = {
      ...line,
      memberIds: teamMembers(ctx, line.id).map((m) => m.id),
      options: previews(playable(r, playing), t),
      history: history(ctx, r?.decisions ?? [], t),
    };
    const captain = captainOf(ctx, line.id);
    if (captain) team.captainId = captain.id;
    const customer = customerView(ctx, r, t);
    if (customer) team.customer = customer;
    const ending = endingView(r?.ending, t);
    if (ending) team.ending = ending;
    return team;
  });
  const view: TrainerView = {
    role: "trainer",
    joinCode: ctx.joinCode,
    locked: ctx.locked,
    phase,
    paused: ctx.paused,
    style: ctx.style,
    roster: [...ctx.trainees]
      .sort((a, b) => a.seq - b.seq)
      .map((x) => ({
        id: x.id,
        name: x.name,
        connected: x.connected,
        removed: x.removed,
        ...(x.teamId ? { teamId: x.teamId } : {}),
      })),
    projectorCount: ctx.projectors,
    stepIndex: record?.decisions.length ?? 0,
    options: previews(playable(record, playing), t),
    vote: voteStatus(ctx),
    tally: tallyLines(visibleTally(ctx, phase)),
    votes: ctx.vote?.votes ?? {},
    marks: record?.marks ?? {},
    tiedOptionIds: ctx.vote?.tie ?? [],
    ledger: ledgerLines(record),
    teams,
    history: history(ctx, record?.decisions ?? [], t),
    branches: branchViews(record, t),
    controls: trainerControls(state),
  };
  const best = bestPathView(ctx.scenario?.best, phase, t);
  if (best) view.best = best;
  const scenario = scenarioTitleView(ctx, t);
  if (scenario && ctx.scenario) view.scenario = { ...scenario, uploaded: ctx.scenario.source !== undefined };
  // In team play the chart starts from the teams' common starting meters.
  Object.assign(view, runDisplay(ctx, phase, record, t, record ?? ctx.runs[ctx.teams[0]?.id ?? ""]));
  // The trainer sees every effect, so also the ending a choice reached before the class is shown it.
  const ending = endingView(record?.ending, t);
  if (ending) view.ending = ending;
  const holder = traineeById(ctx, ctx.seatHolderId);
  if (ctx.style === "hot-seat" && holder) view.hotSeat = { holderId: holder.id, holderName: holder.name };
  if (ctx.namesHidden === true) view.namesHidden = true;
  if (phase === "debrief") view.debriefPage = ctx.debriefPage ?? 0;
  if (ctx.sound) view.sound = true;
  return view;
}
