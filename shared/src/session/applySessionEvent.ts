import { initialTransition, transition } from "xstate";
import { checkSessionEvent } from "./checkSessionEvent";
import { reject } from "./rejection";
import type { Rejection } from "./rejection";
import { emptyContext } from "./rosterReducers";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { SessionEvent } from "./sessionEvent";
import { createSessionMachine } from "./sessionMachine";
import type { SessionMachine } from "./sessionMachine";
import type { SessionState } from "./sessionState";

// One machine per library object: building a machine is cheap but not free, and events are many.
const machines = new WeakMap<ScenarioLibrary, SessionMachine>();

export function machineFor(library: ScenarioLibrary): SessionMachine {
  let machine = machines.get(library);
  if (machine === undefined) {
    machine = createSessionMachine(library);
    machines.set(library, machine);
  }
  return machine;
}

/** The result of applying an event: the next state, or the same state and why the event was refused. */
export type SessionOutcome = { state: SessionState; rejection?: Rejection };

/** A new, empty session in the lobby (the log's `session.created` fills in the join code and seed). */
export function createSession(library: ScenarioLibrary): SessionState {
  const [snapshot] = initialTransition(machineFor(library), { data: emptyContext() });
  return { value: snapshot.value, context: snapshot.context.data };
}

/**
 * Applies one event to a session, purely. A refused event leaves the state untouched and comes
 * back with a code and a sentence, so the room can answer `error` and log nothing; an accepted
 * one is what the room appends to the log.
 */
export function applySessionEvent(
  state: SessionState,
  event: SessionEvent,
  library: ScenarioLibrary,
): SessionOutcome {
  const rejection = checkSessionEvent(state, event, library);
  if (rejection) return { state, rejection };
  const machine = machineFor(library);
  const snapshot = machine.resolveState({ value: state.value, context: { data: state.context } });
  if (!snapshot.can(event)) {
    return { state, rejection: reject("phase.wrong", "That cannot be done at this point of the session.") };
  }
  const [next] = transition(machine, snapshot, event);
  return { state: { value: next.value, context: next.context.data } };
}

/** Rebuilds a session from its event log; refused events (there should be none in a log) change nothing. */
export function replaySession(events: readonly SessionEvent[], library: ScenarioLibrary): SessionState {
  let state = createSession(library);
  for (const event of events) state = applySessionEvent(state, event, library).state;
  return state;
}

/**
 * Whether `applySessionEvent` would accept `event` now, without computing the next state: the same
 * checks and the same machine, so a dry run can never disagree with the real thing.
 */
export function wouldAccept(state: SessionState, event: SessionEvent, library: ScenarioLibrary): boolean {
  if (checkSessionEvent(state, event, library)) return false;
  const machine = machineFor(library);
  return machine.resolveState({ value: state.value, context: { data: state.context } }).can(event);
}
