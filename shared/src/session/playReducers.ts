import type { CompiledScenario } from "../scenario/compileScenario";
import { drawOne } from "./prng";
import { activeTrainees, splitIntoTeams, traineeById, updateTrainee } from "./roster";
import { newRunRecord, playOption, rewindRecord, scenarioRefOf } from "./runRecords";
import type { DecisionSource } from "./runRecords";
import { compileUpload, libraryScenario, requireScenario } from "./scenarioLibrary";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { SessionEvent } from "./sessionEvent";
import { runKeyOf } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { SessionContext } from "./sessionState";
import { leadersOf, tallyOf } from "./tally";

type Of<T extends SessionEvent["type"]> = Extract<SessionEvent, { type: T }>;

/** Selects a library scenario or a (checked) upload. */
export function scenarioSelected(
  ctx: SessionContext,
  e: Of<"trainer.selectScenario">,
  library: ScenarioLibrary,
): SessionContext {
  if (e.source !== undefined) {
    const compiled = compileUpload(e.source).compiled;
    return compiled ? { ...ctx, scenario: scenarioRefOf(compiled, e.source) } : ctx;
  }
  const compiled = libraryScenario(library, e.scenarioId ?? "");
  return compiled ? { ...ctx, scenario: scenarioRefOf(compiled) } : ctx;
}

/** Splits the class into teams and switches to the teams style. */
export function teamsSplit(ctx: SessionContext, e: Of<"trainer.splitTeams">): SessionContext {
  return { ...ctx, ...splitIntoTeams(ctx, e.count), style: "teams" };
}

/** Moves a trainee into the team they picked. */
export function teamPicked(ctx: SessionContext, e: Of<"trainee.pickTeam">): SessionContext {
  const id = e.by.role === "trainee" ? e.by.traineeId : "";
  return { ...ctx, trainees: updateTrainee(ctx, id, { teamId: e.teamId }) };
}

/** Starts a fresh run (one per team in teams) and puts someone in an empty hot seat. */
export function runsStarted(ctx: SessionContext, library: ScenarioLibrary): SessionContext {
  const compiled = requireScenario(ctx, library);
  const keys = ctx.style === "teams" ? ctx.teams.map((t) => t.id) : [mainRunKey];
  const next: SessionContext = {
    ...ctx,
    runs: Object.fromEntries(keys.map((k) => [k, newRunRecord(compiled)])),
    paused: false,
  };
  delete next.vote;
  const holder = traineeById(ctx, ctx.seatHolderId);
  if (ctx.style === "hot-seat" && (holder === undefined || holder.removed)) {
    const first = activeTrainees(ctx)[0];
    if (first) next.seatHolderId = first.id;
  }
  return next;
}

/** Opens the class vote (reopening a closed one keeps its votes), with a deadline when timed. */
export function voteOpened(ctx: SessionContext, e: Of<"trainer.openVote">): SessionContext {
  const stepIndex = ctx.runs[mainRunKey]?.decisions.length ?? 0;
  const votes = ctx.vote?.stepIndex === stepIndex ? ctx.vote.votes : {};
  return {
    ...ctx,
    vote: { stepIndex, open: true, votes, ...(e.seconds ? { deadline: e.at + e.seconds * 1000 } : {}) },
  };
}

/** Records or changes a trainee's vote. */
export function voteCast(ctx: SessionContext, e: Of<"trainee.vote">): SessionContext {
  if (!ctx.vote || e.by.role !== "trainee") return ctx;
  return { ...ctx, vote: { ...ctx.vote, votes: { ...ctx.vote.votes, [e.by.traineeId]: e.optionId } } };
}

/** Records or changes a hot-seat observer's secret mark. */
export function marked(ctx: SessionContext, e: Of<"trainee.mark">): SessionContext {
  const record = ctx.runs[mainRunKey];
  if (!record || e.by.role !== "trainee") return ctx;
  const marks = { ...record.marks, [e.by.traineeId]: e.optionId };
  return { ...ctx, runs: { ...ctx.runs, [mainRunKey]: { ...record, marks } } };
}

/** The current vote's tally, over the options on screen. */
export function currentTally(ctx: SessionContext): Record<string, number> {
  return tallyOf(ctx.runs[mainRunKey]?.current.options ?? [], ctx.vote?.votes ?? {});
}

/** Closes the vote and notes a tie for the lead, if any. */
export function voteClosed(ctx: SessionContext): SessionContext {
  if (!ctx.vote) return ctx;
  const leaders = leadersOf(currentTally(ctx));
  const vote = { stepIndex: ctx.vote.stepIndex, open: false, votes: ctx.vote.votes };
  return { ...ctx, vote: leaders.length > 1 ? { ...vote, tie: leaders } : vote };
}

/** Whether the current vote has a single leader. */
export function voteDecisive(ctx: SessionContext): boolean {
  return leadersOf(currentTally(ctx)).length === 1;
}

function played(
  ctx: SessionContext,
  compiled: CompiledScenario,
  key: string,
  optionId: string,
  source: DecisionSource,
): SessionContext {
  const record = ctx.runs[key];
  if (!record) return ctx;
  const next = { ...ctx, runs: { ...ctx.runs, [key]: playOption(compiled, record, optionId, source) } };
  if (key === mainRunKey) delete next.vote;
  return next;
}

function fromVote(ctx: SessionContext, at: number): Omit<DecisionSource, "decidedBy"> {
  return { tally: ctx.vote ? currentTally(ctx) : {}, votes: ctx.vote?.votes ?? {}, at };
}

/** Plays the vote's single leader. */
export function majorityPlayed(ctx: SessionContext, at: number, library: ScenarioLibrary): SessionContext {
  const leader = leadersOf(currentTally(ctx))[0];
  if (leader === undefined) return ctx;
  const source = { ...fromVote(ctx, at), decidedBy: "majority" as const };
  return played(ctx, requireScenario(ctx, library), mainRunKey, leader, source);
}

/** Settles a tie: the trainer's pick, or a draw from the seeded PRNG (which then advances). */
export function tieBroken(
  ctx: SessionContext,
  e: Of<"trainer.breakTie">,
  library: ScenarioLibrary,
): SessionContext {
  const tie = ctx.vote?.tie ?? [];
  let seed = ctx.seed;
  let optionId = e.optionId;
  if (optionId === undefined) {
    const draw = drawOne(tie, seed);
    optionId = draw.pick;
    seed = draw.next;
  }
  if (optionId === undefined) return ctx;
  const decidedBy = e.optionId === undefined ? ("tie-draw" as const) : ("tie-trainer" as const);
  return played({ ...ctx, seed }, requireScenario(ctx, library), mainRunKey, optionId, {
    ...fromVote(ctx, e.at),
    decidedBy,
  });
}

/** Plays the trainer's option whatever the vote said (the vote is kept in the record). */
export function overridden(
  ctx: SessionContext,
  e: Of<"trainer.override">,
  library: ScenarioLibrary,
): SessionContext {
  const source = { ...fromVote(ctx, e.at), decidedBy: "override" as const };
  return played(ctx, requireScenario(ctx, library), mainRunKey, e.optionId, source);
}

/** Plays the choice of the hot-seat holder, the team captain or the solo player. */
export function chosen(
  ctx: SessionContext,
  e: Of<"trainee.choose">,
  library: ScenarioLibrary,
): SessionContext {
  const me = e.by.role === "trainee" ? e.by.traineeId : undefined;
  const key = runKeyOf(ctx, me);
  if (key === undefined) return ctx;
  const decidedBy = ctx.style === "teams" ? "team" : ctx.style === "solo" ? "solo" : "hot-seat";
  return played(ctx, requireScenario(ctx, library), key, e.optionId, {
    decidedBy,
    at: e.at,
    ...(me ? { byId: me } : {}),
  });
}

/** Freezes the session; a running vote timer keeps the time it had left. */
export function paused(ctx: SessionContext, at: number): SessionContext {
  const next = { ...ctx, paused: true };
  if (ctx.vote?.deadline !== undefined) {
    const { deadline, ...vote } = ctx.vote;
    next.vote = { ...vote, remainingMs: Math.max(0, deadline - at) };
  }
  return next;
}

/** Unfreezes the session; a paused vote timer restarts with the time it had left. */
export function resumed(ctx: SessionContext, at: number): SessionContext {
  const next = { ...ctx, paused: false };
  if (ctx.vote?.remainingMs !== undefined) {
    const { remainingMs, ...vote } = ctx.vote;
    next.vote = { ...vote, deadline: at + remainingMs };
  }
  return next;
}

/** Goes back before an earlier decision; the abandoned branch is kept. */
export function rewound(
  ctx: SessionContext,
  e: Of<"trainer.rewind">,
  library: ScenarioLibrary,
): SessionContext {
  const key = ctx.style === "teams" ? (e.teamId ?? "") : mainRunKey;
  const record = ctx.runs[key];
  if (!record) return ctx;
  const next = {
    ...ctx,
    runs: { ...ctx.runs, [key]: rewindRecord(requireScenario(ctx, library), record, e.stepIndex, e.at) },
  };
  if (key === mainRunKey) delete next.vote;
  return next;
}

/** Files the scenario's runs for the report and selects the library's next scenario (none after an upload or the last). */
export function scenarioFinished(
  ctx: SessionContext,
  endedBy: "debrief" | "skip",
  at: number,
  library: ScenarioLibrary,
): SessionContext {
  const next: SessionContext = { ...ctx, runs: {}, paused: false };
  delete next.vote;
  delete next.scenario;
  if (!ctx.scenario) return next;
  next.past = [...ctx.past, { scenario: ctx.scenario, style: ctx.style, runs: ctx.runs, endedBy, at }];
  if (ctx.scenario.source === undefined) {
    const ids = Object.keys(library);
    const following = libraryScenario(library, ids[ids.indexOf(ctx.scenario.id) + 1] ?? "");
    if (following) next.scenario = scenarioRefOf(following);
  }
  return next;
}

/** Whether every run of the scenario has reached an ending. */
export function allRunsEnded(ctx: SessionContext): boolean {
  const runs = Object.values(ctx.runs);
  return runs.length > 0 && runs.every((r) => r.run.ended);
}
