import type { SessionPhase } from "../protocol/playStyle";
import { localize } from "../scenario/localized";
import { authoriseEvent } from "./authoriseEvent";
import { allRunsEnded } from "./playReducers";
import { activeTrainees, traineeById } from "./roster";
import { reject } from "./rejection";
import type { Rejection } from "./rejection";
import { compileUpload, libraryScenario } from "./scenarioLibrary";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { SessionEvent } from "./sessionEvent";
import { chooserId, isPlaying, phaseOf, runKeyOf, soloPlayerId } from "./sessionPhase";
import { mainRunKey } from "./sessionState";
import type { RunRecord, SessionContext, SessionState } from "./sessionState";

// Inputs that move the play along; a pause freezes them (roster and flow commands still work).
const frozenWhilePaused = new Set<string>([
  "trainee.vote",
  "trainee.mark",
  "trainee.choose",
  "trainer.openVote",
  "trainer.closeVote",
  "trainer.reveal",
  "trainer.breakTie",
  "trainer.override",
  "trainer.next",
  "timer.expired",
]);

type EventOf<T extends SessionEvent["type"]> = Extract<SessionEvent, { type: T }>;
type TraineeEvent = EventOf<"trainee.vote" | "trainee.mark" | "trainee.choose" | "trainee.pickTeam">;
type PlayEvent = EventOf<
  | "trainer.openVote"
  | "trainer.closeVote"
  | "trainer.reveal"
  | "trainer.breakTie"
  | "trainer.override"
  | "trainer.pause"
  | "trainer.resume"
  | "trainer.rewind"
  | "trainer.skip"
  | "trainer.end"
  | "trainer.showEnding"
  | "trainer.nextScenario"
  | "trainer.next"
  | "trainer.debriefPage"
>;
type SetupEvent = EventOf<
  | "trainer.selectScenario"
  | "trainer.setStyle"
  | "trainer.splitTeams"
  | "trainer.start"
  | "trainer.passSeat"
  | "trainer.remove"
  | "trainer.readmit"
  | "trainer.rename"
>;
type ServerCheckedEvent = EventOf<"session.joined" | "session.left" | "timer.expired">;

const wrong = (message: string) => reject("phase.wrong", message);
const notPlaying = wrong("No scenario is being played right now.");
// In the hot seat the room discusses a reveal before anyone answers the next decision.
const discussing = wrong("The room is discussing the answer: wait for the trainer's Next.");

function checkStep(record: RunRecord, stepIndex: number | undefined): Rejection | undefined {
  if (stepIndex !== undefined && stepIndex !== record.decisions.length) {
    return reject("choice.stale", "The conversation has moved on; look at the new options.");
  }
  if (record.run.ended) return reject("run.ended", "This conversation has ended.");
  return undefined;
}

function optionKnown(record: RunRecord, optionId: string): boolean {
  return record.current.options.some((o) => o.id === optionId);
}

function tiedNames(ctx: SessionContext, ids: readonly string[]): string {
  const options = ctx.runs[mainRunKey]?.current.options ?? [];
  const lang = ctx.scenario?.languages[0] ?? "en";
  return ids.map((id) => `"${localize(options.find((o) => o.id === id)?.label ?? id, lang)}"`).join(", ");
}

function checkTrainee(ctx: SessionContext, phase: SessionPhase, event: TraineeEvent): Rejection | undefined {
  const me = event.by.role === "trainee" ? event.by.traineeId : undefined;
  switch (event.type) {
    case "trainee.vote": {
      if (ctx.style !== "class-vote") return wrong("There is no class vote in this play style.");
      const record = ctx.runs[mainRunKey];
      const vote = ctx.vote;
      if (record === undefined || vote === undefined) return reject("vote.closed", "No vote is open.");
      if (!vote.open) return reject("vote.late", "The vote has closed; your vote came too late.");
      const stale = checkStep(record, event.stepIndex);
      if (stale) return stale;
      if (!optionKnown(record, event.optionId)) {
        return reject("vote.unknown-option", "That option is not on the screen now.");
      }
      if (me !== undefined && vote.votes[me] === event.optionId) {
        return reject("vote.duplicate", "You already voted for that option.");
      }
      return undefined;
    }
    case "trainee.mark": {
      if (ctx.style !== "hot-seat") return reject("mark.not-allowed", "Marks are only used in the hot seat.");
      if (!isPlaying(phase)) return notPlaying;
      if (phase === "revealed") return discussing;
      if (ctx.seatHolderId === me)
        return reject("mark.not-allowed", "You are in the hot seat: choose instead.");
      const record = ctx.runs[mainRunKey];
      if (record === undefined) return notPlaying;
      const stale = checkStep(record, event.stepIndex);
      if (stale) return stale;
      if (!optionKnown(record, event.optionId)) {
        return reject("choice.unknown-option", "That option is not on the screen now.");
      }
      if (me !== undefined && record.marks[me] === event.optionId) {
        return reject("vote.duplicate", "You already marked that option.");
      }
      return undefined;
    }
    case "trainee.choose": {
      if (!isPlaying(phase)) return notPlaying;
      if (ctx.style === "class-vote") return reject("choice.not-yours", "The class votes on this one.");
      if (ctx.style === "hot-seat" && phase === "revealed") return discussing;
      const key = runKeyOf(ctx, me);
      if (key === undefined) return reject("team.none", "You are not in a team yet.");
      const record = ctx.runs[key];
      if (record === undefined) return notPlaying;
      const chooser = chooserId(ctx, me);
      if (chooser !== me) {
        const name = traineeById(ctx, chooser)?.name;
        const who = ctx.style === "teams" ? "your team's captain" : "the trainee in the hot seat";
        return reject("choice.not-yours", name ? `${name} chooses now (${who}).` : `Only ${who} chooses.`, {
          chooser: ctx.style === "teams" ? "captain" : "hot-seat",
          ...(name ? { name } : {}),
        });
      }
      const stale = checkStep(record, event.stepIndex);
      if (stale) return stale;
      if (!optionKnown(record, event.optionId)) {
        return reject("choice.unknown-option", "That option is not on the screen now.");
      }
      return undefined;
    }
    case "trainee.pickTeam":
      if (phase !== "lobby") return wrong("Teams can only be picked before the scenario starts.");
      if (ctx.teams.length === 0) return reject("team.none", "The trainer has not made teams yet.");
      if (!ctx.teams.some((t) => t.id === event.teamId))
        return reject("team.unknown", "There is no such team.");
      return undefined;
  }
}

function checkPlay(ctx: SessionContext, phase: SessionPhase, event: PlayEvent): Rejection | undefined {
  const record = ctx.runs[mainRunKey];
  switch (event.type) {
    case "trainer.openVote":
      if (ctx.style !== "class-vote") return wrong("Votes are only used in the class-vote style.");
      if (!isPlaying(phase) || record === undefined) return notPlaying;
      if (phase === "voting") return wrong("The vote is already open.");
      return record.run.ended ? reject("run.ended", "This conversation has ended.") : undefined;
    case "trainer.closeVote":
      return phase === "voting" ? undefined : reject("vote.closed", "No vote is open.");
    case "trainer.reveal":
      if (phase !== "voting" && phase !== "closed")
        return reject("vote.closed", "There is no vote to reveal.");
      if (phase === "closed" && ctx.vote?.tie !== undefined) {
        const options = tiedNames(ctx, ctx.vote.tie);
        return reject("vote.tie", `The vote is tied between ${options}: break the tie.`, { options });
      }
      return undefined;
    case "trainer.breakTie":
      if (phase === "voting") return wrong("Close the vote first.");
      if (phase !== "closed" || ctx.vote?.tie === undefined)
        return reject("vote.no-tie", "The vote is not tied.");
      if (event.optionId !== undefined && !ctx.vote.tie.includes(event.optionId)) {
        const options = tiedNames(ctx, ctx.vote.tie);
        return reject("vote.not-tied-option", `Pick one of the tied options: ${options}.`, { options });
      }
      return undefined;
    case "trainer.override":
      if (ctx.style === "teams") return wrong("In teams, each team's captain chooses.");
      if (!isPlaying(phase) || record === undefined) return notPlaying;
      if (record.run.ended) return reject("run.ended", "This conversation has ended.");
      return optionKnown(record, event.optionId)
        ? undefined
        : reject("choice.unknown-option", "That option is not available now.");
    case "trainer.pause":
      if (!isPlaying(phase)) return notPlaying;
      return ctx.paused ? wrong("The session is already paused.") : undefined;
    case "trainer.resume":
      return ctx.paused ? undefined : wrong("The session is not paused.");
    case "trainer.rewind": {
      if (phase === "lobby") return notPlaying;
      const key = ctx.style === "teams" ? event.teamId : mainRunKey;
      const target = key === undefined ? undefined : ctx.runs[key];
      if (target === undefined) return reject("team.unknown", "Say which team to rewind.");
      if (event.stepIndex >= target.decisions.length) {
        const max = target.decisions.length;
        return reject("rewind.out-of-range", `Pick a decision between 1 and ${max}.`, { max });
      }
      return undefined;
    }
    case "trainer.skip":
    case "trainer.end":
      return isPlaying(phase) ? undefined : notPlaying;
    case "trainer.showEnding":
      if (!isPlaying(phase)) return notPlaying;
      if (phase === "ending") return wrong("The ending is already shown.");
      return allRunsEnded(ctx) ? undefined : wrong("The conversation has not reached its ending yet.");
    case "trainer.nextScenario":
      // From an ended run too: logs from before the ending's reveal went on from a debrief reached by itself.
      return phase === "debrief" || (isPlaying(phase) && allRunsEnded(ctx))
        ? undefined
        : wrong("Finish this scenario first (end or skip it).");
    case "trainer.next":
      if (ctx.style !== "hot-seat") return wrong("Next is used in the hot seat; open the vote instead.");
      if (phase !== "revealed") return wrong("There is no revealed answer to move on from.");
      return record?.run.ended ? reject("run.ended", "This conversation has ended.") : undefined;
    case "trainer.debriefPage":
      return phase === "debrief" ? undefined : wrong("The debrief is not shown now.");
  }
}

function checkSetup(
  ctx: SessionContext,
  phase: SessionPhase,
  event: SetupEvent,
  library: ScenarioLibrary,
): Rejection | undefined {
  switch (event.type) {
    case "trainer.selectScenario": {
      if (phase !== "lobby") return wrong("End or skip the current scenario first.");
      if (event.scenarioId !== undefined) {
        return libraryScenario(library, event.scenarioId)
          ? undefined
          : reject("scenario.unknown", "There is no such scenario.");
      }
      const { errors } = compileUpload(event.source ?? "");
      return errors.length > 0 ? reject("scenario.invalid", errors.join("\n")) : undefined;
    }
    case "trainer.setStyle":
      return phase === "lobby" ? undefined : wrong("The play style can only change in the lobby.");
    case "trainer.splitTeams":
      if (phase !== "lobby") return wrong("Teams can only be made in the lobby.");
      return activeTrainees(ctx).length < event.count
        ? reject("teams.too-few-trainees", `${event.count} teams need at least ${event.count} trainees.`, {
            count: event.count,
          })
        : undefined;
    case "trainer.start":
      if (phase !== "lobby") return wrong("A scenario is already running.");
      if (ctx.scenario === undefined) return reject("scenario.none", "Choose a scenario first.");
      if (ctx.style === "teams" && ctx.teams.length < 2)
        return reject("team.none", "Split the class into teams.");
      if ((ctx.style === "hot-seat" || ctx.style === "solo") && activeTrainees(ctx).length === 0) {
        return reject("seat.empty", "Nobody has joined to play yet.");
      }
      return undefined;
    case "trainer.passSeat": {
      if (ctx.style !== "hot-seat") return wrong("The hot seat is only used in the hot-seat style.");
      if (phase === "debrief") return wrong("The scenario has ended.");
      if (event.traineeId === undefined) {
        return activeTrainees(ctx).length > 0 ? undefined : reject("seat.empty", "Nobody can take the seat.");
      }
      const t = traineeById(ctx, event.traineeId);
      if (t === undefined) return reject("trainee.unknown", "There is no such trainee.");
      return t.removed
        ? reject("trainee.removed", `${t.name} has been removed.`, { name: t.name })
        : undefined;
    }
    case "trainer.remove":
    case "trainer.readmit":
    case "trainer.rename":
      return traineeById(ctx, event.traineeId)
        ? undefined
        : reject("trainee.unknown", "There is no such trainee.");
  }
}

function checkServer(
  ctx: SessionContext,
  phase: SessionPhase,
  event: ServerCheckedEvent,
): Rejection | undefined {
  switch (event.type) {
    case "session.joined": {
      if (event.role !== "trainee") return undefined;
      if (event.traineeId === undefined) return reject("message.malformed", "A trainee joins with an id.");
      const known = traineeById(ctx, event.traineeId);
      if (known?.removed) return reject("join.removed", "The trainer has removed you from this session.");
      if (known) return undefined;
      if (ctx.locked) return reject("join.locked", "The trainer has closed this session to new trainees.");
      if (ctx.style === "solo" && soloPlayerId(ctx) !== undefined) {
        return reject("join.solo-full", "Someone is already playing this solo session.");
      }
      return undefined;
    }
    case "session.left":
      if (event.role === "trainee" && !traineeById(ctx, event.traineeId)) {
        return reject("trainee.unknown", "No such trainee.");
      }
      return undefined;
    case "timer.expired": {
      const vote = ctx.vote;
      const due = phase === "voting" && vote?.deadline !== undefined && event.at >= vote.deadline;
      return due
        ? undefined
        : reject("timer.stale", "This timer belongs to a vote that is no longer running.");
    }
  }
}

/**
 * Why the session would refuse `event` now, or undefined when it may proceed: the sender's role,
 * then the pause, then the event's own rules (open vote, known option, the chooser, the phase).
 */
export function checkSessionEvent(
  state: SessionState,
  event: SessionEvent,
  library: ScenarioLibrary,
): Rejection | undefined {
  const ctx = state.context;
  const unauthorised = authoriseEvent(ctx, event);
  if (unauthorised) return unauthorised;
  if (ctx.paused && frozenWhilePaused.has(event.type)) {
    return event.type === "timer.expired"
      ? reject("timer.stale", "The vote timer is paused.")
      : reject("session.paused", "The session is paused.");
  }
  const phase = phaseOf(state);
  // Every event type is routed here, so a new one does not pass unchecked (the switch must stay exhaustive).
  switch (event.type) {
    case "trainee.vote":
    case "trainee.mark":
    case "trainee.choose":
    case "trainee.pickTeam":
      return checkTrainee(ctx, phase, event);
    case "trainer.openVote":
    case "trainer.closeVote":
    case "trainer.reveal":
    case "trainer.breakTie":
    case "trainer.override":
    case "trainer.pause":
    case "trainer.resume":
    case "trainer.rewind":
    case "trainer.skip":
    case "trainer.end":
    case "trainer.showEnding":
    case "trainer.nextScenario":
    case "trainer.next":
    case "trainer.debriefPage":
      return checkPlay(ctx, phase, event);
    case "trainer.selectScenario":
    case "trainer.setStyle":
    case "trainer.splitTeams":
    case "trainer.start":
    case "trainer.passSeat":
    case "trainer.remove":
    case "trainer.readmit":
    case "trainer.rename":
      return checkSetup(ctx, phase, event, library);
    case "session.joined":
    case "session.left":
    case "timer.expired":
      return checkServer(ctx, phase, event);
    case "trainer.skipReveal":
      return phase === "revealed" ? undefined : wrong("There is no reveal on the wall to skip.");
    case "trainer.setSound":
    case "trainer.lock":
    case "trainer.unlock":
    case "trainer.showNames":
    case "session.created":
    case "session.seed":
      return undefined; // nothing to check beyond the sender's role
  }
}
