import type { TraineeView } from "../protocol/traineeView";
import {
  optionLabels,
  pathView,
  runDisplay,
  scenarioTitleView,
  translatorFor,
  voteStatus,
} from "./projectionParts";
import { awaitingNext } from "./awaitingNext";
import { missedVote } from "./missedVote";
import { captainOf, teamMembers, traineeById } from "./roster";
import { chooserId, isPlaying, phaseOf, runKeyOf, runOf } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { SessionState } from "./sessionState";

/** The keys of a trainee's view that are about the trainee: who they are, what they may do, their own vote. */
export type TraineeOwnKey = "me" | "can" | "myVote" | "myMark" | "missedVote" | "hotSeat" | "team";
/** What a trainee sees of their run: the same for everyone who plays that run in the same language. */
export type TraineeRunView = Omit<TraineeView, TraineeOwnKey>;
/** What is the trainee's own in their view: small, whatever the class size. */
export type TraineeOwnView = Pick<TraineeView, TraineeOwnKey>;

/**
 * One trainee's view. It holds only this trainee's own vote or mark, labels without effects,
 * and no roster or counts, so it stays the same size however large the class grows.
 */
export function projectTrainee(state: SessionState, traineeId: string, locale?: string): TraineeView {
  return {
    ...projectTraineeRun(state, runKeyOf(state.context, traineeId), locale),
    ...projectTraineeOwn(state, traineeId),
  };
}

/**
 * The part of a trainee's view shared by everyone in the run `runKey` (see `runKeyOf`) reading `locale`:
 * the customer, the option labels, the vote's status, the result, the meters and the path. A server
 * with a thousand trainees computes it once per run and language instead of once per trainee.
 */
export function projectTraineeRun(
  state: SessionState,
  runKey: string | undefined,
  locale?: string,
): TraineeRunView {
  const ctx = state.context;
  const phase = phaseOf(state);
  const t = translatorFor(ctx, locale);
  const record = runKey === undefined ? undefined : ctx.runs[runKey];
  const view: TraineeRunView = {
    role: "trainee",
    phase,
    paused: ctx.paused,
    style: ctx.style,
    stepIndex: record?.decisions.length ?? 0,
    options: isPlaying(phase) && !awaitingNext(ctx, phase) ? optionLabels(record, t) : [],
    vote: voteStatus(ctx),
    // Teams to pick from in the lobby; counts only, so no trainee learns who else is where.
    teams:
      phase === "lobby"
        ? ctx.teams.map((team) => ({
            id: team.id,
            name: team.name,
            memberCount: teamMembers(ctx, team.id).length,
          }))
        : [],
  };
  const scenario = scenarioTitleView(ctx, t);
  if (scenario) view.scenario = scenario;
  Object.assign(view, runDisplay(ctx, phase, record, t));
  if (phase === "debrief" && record) view.path = pathView(record.decisions, t);
  return view;
}

/** The part of a trainee's view that is theirs alone: their name, what they may do now, their vote or mark, their seat and team. */
export function projectTraineeOwn(state: SessionState, traineeId: string): TraineeOwnView {
  const ctx = state.context;
  const phase = phaseOf(state);
  const me = traineeById(ctx, traineeId);
  const record = runOf(ctx, traineeId);
  const live =
    isPlaying(phase) &&
    !awaitingNext(ctx, phase) &&
    record !== undefined &&
    !record.run.ended &&
    !me?.removed &&
    !ctx.paused;
  let can: TraineeView["can"] = "wait";
  if (live && ctx.style === "class-vote" && phase === "voting") can = "vote";
  if (live && ctx.style !== "class-vote") {
    if (chooserId(ctx, traineeId) === traineeId) can = "choose";
    else if (ctx.style === "hot-seat") can = "mark";
  }
  const view: TraineeOwnView = {
    me: { id: traineeId, name: me?.name ?? "", removed: me?.removed ?? false },
    can,
  };
  const myVote = ctx.vote?.votes[traineeId];
  if (myVote !== undefined) view.myVote = myVote;
  const myMark = ctx.runs[mainRunKey]?.marks[traineeId];
  if (myMark !== undefined && ctx.style === "hot-seat") view.myMark = myMark;
  if (missedVote(ctx, phase, traineeId)) view.missedVote = true;
  const holder = traineeById(ctx, ctx.seatHolderId);
  if (ctx.style === "hot-seat" && holder)
    view.hotSeat = { holderName: holder.name, inSeat: holder.id === traineeId };
  const team = ctx.teams.find((x) => x.id === me?.teamId);
  if (ctx.style === "teams" && team) {
    const captain = captainOf(ctx, team.id);
    view.team = {
      id: team.id,
      name: team.name,
      captainName: captain?.name ?? "",
      isCaptain: captain?.id === traineeId,
    };
  }
  return view;
}
