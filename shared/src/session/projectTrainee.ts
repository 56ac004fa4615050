import type { OwnChoiceView } from "../protocol/viewParts";
import type { TraineeView } from "../protocol/traineeView";
import { wouldAccept } from "./applySessionEvent";
import {
  optionLabels,
  pathView,
  runDisplay,
  scenarioTitleView,
  translatorFor,
  voteStatus,
} from "./projectionParts";
import type { Translate } from "./projectionParts";
import { awaitingNext } from "./awaitingNext";
import { missedVote } from "./missedVote";
import { captainOf, teamMembers, traineeById } from "./roster";
import type { ScenarioLibrary } from "./scenarioLibrary";
import { chooserId, isPlaying, phaseOf, runKeyOf, runOf, soloPlayerId } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { RunRecord, SessionContext, SessionState } from "./sessionState";

/** The keys of a trainee's view that are about the trainee: who they are, what they may do, their own vote. */
export type TraineeOwnKey =
  "me" | "can" | "myVote" | "myMark" | "myChoice" | "moveOn" | "missedVote" | "hotSeat" | "team";
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
    ...projectTraineeOwn(state, traineeId, locale),
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
  // A tie is the class's news: every phone says the trainer decides between these.
  if (runKey === mainRunKey && ctx.vote?.tie && !ctx.vote.open) view.tiedOptionIds = ctx.vote.tie;
  Object.assign(view, runDisplay(ctx, phase, record, t));
  if (phase === "debrief" && record) view.path = pathView(record.decisions, t);
  return view;
}

/** The trainee's own vote (or hot-seat mark) at the decision just revealed, with the expert's feedback on it. */
function ownChoice(
  ctx: SessionContext,
  record: RunRecord | undefined,
  traineeId: string,
  t: Translate,
): OwnChoiceView | undefined {
  const decision = record?.decisions.at(-1);
  if (!record || !decision) return undefined;
  const kind = ctx.style === "class-vote" ? "vote" : ctx.style === "hot-seat" ? "mark" : undefined;
  const optionId =
    kind === "vote" ? decision.votes[traineeId] : kind === "mark" ? decision.marks[traineeId] : undefined;
  if (kind === undefined || optionId === undefined) return undefined;
  const option = record.previous?.options.find((o) => o.id === optionId);
  const view: OwnChoiceView = {
    kind,
    optionId,
    label: t(option?.label ?? optionId),
    tags: option?.tags ?? [],
  };
  if (option?.feedback !== undefined) view.feedback = t(option.feedback);
  return view;
}

// Moving on reads no scenario (like the console's controls), so the dry run needs no library.
const noScenarios: ScenarioLibrary = Object.freeze({});

/** What the solo player may send to move on after the run ended, when no trainer is there to do it. */
function moveOnFor(state: SessionState, traineeId: string): TraineeView["moveOn"] {
  const ctx = state.context;
  if (ctx.style !== "solo" || ctx.trainerJoined || soloPlayerId(ctx) !== traineeId) return undefined;
  const by = { role: "trainee", traineeId } as const;
  if (wouldAccept(state, { type: "trainer.showEnding", by, at: 0 }, noScenarios)) return "ending";
  const atEnding = phaseOf(state) === "ending";
  return atEnding && wouldAccept(state, { type: "trainer.end", by, at: 0 }, noScenarios)
    ? "debrief"
    : undefined;
}

/**
 * The part of a trainee's view that is theirs alone: their name, what they may do now, their vote or mark
 * (and once revealed, the feedback on it in `locale`), their seat and team.
 */
export function projectTraineeOwn(state: SessionState, traineeId: string, locale?: string): TraineeOwnView {
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
  if (phase === "revealed" || phase === "ending") {
    const mine = ownChoice(ctx, ctx.runs[mainRunKey], traineeId, translatorFor(ctx, locale));
    if (mine) view.myChoice = mine;
  }
  const moveOn = moveOnFor(state, traineeId);
  if (moveOn) view.moveOn = moveOn;
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
