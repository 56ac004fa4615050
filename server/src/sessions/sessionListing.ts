import { localize, phaseOf } from "@hotseat/shared";
import type { SessionListing, SessionStatusResponse } from "@hotseat/shared";
import type { SessionRecord } from "../store/SessionStore";
import type { SessionRuntime } from "./SessionRuntime";

/** The scenario a session plays, titled in its first language, for listings; nothing when none is chosen. */
function scenarioOf(runtime: SessionRuntime): { scenario?: { id: string; title: string } } {
  const scenario = runtime.shown.context.scenario;
  if (!scenario) return {};
  return { scenario: { id: scenario.id, title: localize(scenario.title, scenario.languages[0] ?? "en") } };
}

/** What a trainee's page may know of a session running here: whether it can be joined, and what it plays. */
export function runningStatus(code: string, runtime: SessionRuntime): SessionStatusResponse {
  const ctx = runtime.shown.context;
  return {
    code,
    running: true,
    joinOpen: !ctx.locked,
    status: runtime.record.status,
    phase: phaseOf(runtime.shown),
    style: ctx.style,
    ...scenarioOf(runtime),
  };
}

/** A stored session as the trainer's list shows it; with phase and head count when it runs here. */
export function listingOf(record: SessionRecord, runtime: SessionRuntime | undefined): SessionListing {
  const listing: SessionListing = {
    code: record.code,
    sessionId: record.id,
    createdAt: record.createdAt,
    status: record.status,
    running: runtime?.id === record.id,
  };
  if (!runtime || runtime.id !== record.id) return listing;
  const ctx = runtime.shown.context;
  const active = ctx.trainees.filter((t) => !t.removed);
  return {
    ...listing,
    phase: phaseOf(runtime.shown),
    ...scenarioOf(runtime),
    traineeCount: active.length,
    connectedCount: active.filter((t) => t.connected).length,
    locked: ctx.locked,
    ...(runtime.replayRefusals.length > 0 ? { replayRefusals: runtime.replayRefusals.length } : {}),
  };
}
