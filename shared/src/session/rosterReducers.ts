import type { SessionEvent } from "./sessionEvent";
import { activeTrainees, cleanName, nextInRotation, smallestTeam, uniqueName, updateTrainee } from "./roster";
import type { SessionContext, Trainee } from "./sessionState";

type Of<T extends SessionEvent["type"]> = Extract<SessionEvent, { type: T }>;

/** The empty session before `session.created`. */
export function emptyContext(): SessionContext {
  return {
    joinCode: "",
    seed: 0,
    locked: false,
    paused: false,
    style: "class-vote",
    trainerJoined: false,
    trainerConnected: false,
    projectors: 0,
    trainees: [],
    nextSeq: 0,
    teams: [],
    runs: {},
    past: [],
  };
}

/** Records the join code, the seed and the style the server created the session with. */
export function created(ctx: SessionContext, e: Of<"session.created">): SessionContext {
  return { ...ctx, joinCode: e.joinCode, seed: e.seed, ...(e.style ? { style: e.style } : {}) };
}

/** Adds a trainee (clean, unique name; smallest team; the empty hot seat) or marks a returning one connected. */
export function joined(ctx: SessionContext, e: Of<"session.joined">): SessionContext {
  if (e.role === "trainer") return { ...ctx, trainerJoined: true, trainerConnected: true };
  if (e.role === "projector") return { ...ctx, projectors: ctx.projectors + 1 };
  const id = e.traineeId ?? "";
  if (ctx.trainees.some((t) => t.id === id))
    return { ...ctx, trainees: updateTrainee(ctx, id, { connected: true }) };
  const trainee: Trainee = {
    id,
    name: uniqueName(cleanName(e.name), ctx.trainees),
    seq: ctx.nextSeq,
    connected: true,
    removed: false,
  };
  const team = ctx.style === "teams" ? smallestTeam(ctx) : undefined;
  if (team !== undefined) trainee.teamId = team.id;
  const next = { ...ctx, trainees: [...ctx.trainees, trainee], nextSeq: ctx.nextSeq + 1 };
  if (ctx.style === "hot-seat" && activeTrainees(ctx).length === 0) next.seatHolderId = id;
  return next;
}

/** Marks a connection gone; a trainee keeps their place, votes and seat (they may reconnect). */
export function left(ctx: SessionContext, e: Of<"session.left">): SessionContext {
  if (e.role === "trainer") return { ...ctx, trainerConnected: false };
  if (e.role === "projector") return { ...ctx, projectors: Math.max(0, ctx.projectors - 1) };
  return { ...ctx, trainees: updateTrainee(ctx, e.traineeId ?? "", { connected: false }) };
}

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** Removes a trainee: their open vote and mark are dropped and the hot seat moves on if they held it. */
export function removed(ctx: SessionContext, e: Of<"trainer.remove">): SessionContext {
  const next: SessionContext = { ...ctx, trainees: updateTrainee(ctx, e.traineeId, { removed: true }) };
  if (ctx.vote) next.vote = { ...ctx.vote, votes: withoutKey(ctx.vote.votes, e.traineeId) };
  next.runs = Object.fromEntries(
    Object.entries(ctx.runs).map(([key, r]) => [key, { ...r, marks: withoutKey(r.marks, e.traineeId) }]),
  );
  if (ctx.seatHolderId === e.traineeId) {
    const holder = nextInRotation(next, e.traineeId);
    if (holder) next.seatHolderId = holder.id;
    else delete next.seatHolderId;
  }
  return next;
}

/** Lets a removed trainee back in. */
export function readmitted(ctx: SessionContext, e: Of<"trainer.readmit">): SessionContext {
  return { ...ctx, trainees: updateTrainee(ctx, e.traineeId, { removed: false }) };
}

/** Renames a trainee (clean, unique). */
export function renamed(ctx: SessionContext, e: Of<"trainer.rename">): SessionContext {
  const name = uniqueName(cleanName(e.name), ctx.trainees, e.traineeId);
  return { ...ctx, trainees: updateTrainee(ctx, e.traineeId, { name }) };
}

/** Gives the hot seat to a trainee, or to the next one in join order; the new holder's mark is dropped. */
export function seatPassed(ctx: SessionContext, e: Of<"trainer.passSeat">): SessionContext {
  const holder = e.traineeId ?? nextInRotation(ctx, ctx.seatHolderId)?.id;
  if (holder === undefined) return ctx;
  const runs = Object.fromEntries(
    Object.entries(ctx.runs).map(([key, r]) => [key, { ...r, marks: withoutKey(r.marks, holder) }]),
  );
  return { ...ctx, seatHolderId: holder, runs };
}
