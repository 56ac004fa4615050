import { randomInt, randomUUID } from "node:crypto";
import { localize, phaseOf, reportToCsv, sessionReport, sessionReportSchema } from "@hotseat/shared";
import type {
  CompiledScenario,
  HostResponse,
  SessionEvent,
  SessionListing,
  SessionReport,
  SessionState,
  SessionStatusResponse,
} from "@hotseat/shared";
import { newJoinCode } from "../joinCode";
import { defaultFinishRule, finishReason } from "./finishRule";
import type { FinishRule } from "./finishRule";
import type { LibraryEntry, ScenarioLibrary } from "../scenarioLibrary";
import type { LibraryPin, SessionRecord, SessionStore } from "../store/SessionStore";
import { ScenarioVersions } from "./ScenarioVersions";
import { LearningService } from "../learning/LearningService";
import { SessionRuntime } from "./SessionRuntime";
import type { LoggedListener } from "./SessionRuntime";
import { hashTrainerToken, newTrainerToken } from "./trainerToken";

/** A refusal of the hosting API, carried to the HTTP layer with its status and stable code. */
export class HostError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What hosting a session gives the trainer: the join code and the token that proves they run it. */
export type HostedSession = Omit<HostResponse, "joinUrl">;

/** What `SessionHost` needs from the server: the store, the library and a way to start a room for a session. */
export type SessionHostDeps = {
  store: SessionStore;
  library: ScenarioLibrary;
  /** Starts the room of a stored session (the room calls `open` from its `onCreate`). */
  startRoom: (sessionId: string) => Promise<void>;
  now?: () => number;
  /** A session untouched for this long is finished (its report kept) instead of resumed; default 24 h. */
  idleFinishMs?: number;
  log?: (line: string) => void;
  /** A session nobody joined this long after hosting is finished (its report kept); default 1 h. */
  unjoinedFinishMs?: number;
  /** Told after each event a session accepted and logged (the xAPI feed reads the learning record then). */
  onLogged?: LoggedListener;
};

/**
 * Hosts sessions and keeps track of the live ones: creates them in the store with their first events,
 * starts their rooms, resumes every unfinished session after a restart, and answers the listing and
 * report routes from the same state the rooms hold.
 */
export class SessionHost {
  private readonly live = new Map<string, SessionRuntime>();
  private readonly now: () => number;
  private readonly versions: ScenarioVersions;
  /** The versions of today's scenario files: the library a newly hosted session pins. */
  private currentPin: LibraryPin;
  /** Groups, rosters, learner keys and records (issue 11), over the same store. */
  readonly learning: LearningService;

  constructor(private readonly deps: SessionHostDeps) {
    this.now = deps.now ?? Date.now;
    this.learning = new LearningService(deps.store, this.now);
    this.versions = new ScenarioVersions(deps.store);
    this.currentPin = this.versions.publish(deps.library, this.now());
  }

  /** The scenario library sessions are played from. */
  get library(): ScenarioLibrary {
    return this.deps.library;
  }

  /**
   * Makes a loaded scenario playable now (published from the Studio): stored as a version, added to the
   * library, and pinned by every session hosted from now on; sessions already running keep their pin.
   */
  publishScenario(entry: LibraryEntry & { compiled: CompiledScenario }): string {
    const versionId = this.versions.publishEntry(entry, this.now());
    this.deps.library.add(entry);
    this.currentPin = { ...this.currentPin, [entry.id]: versionId };
    return versionId;
  }

  /** Takes a published scenario out of the library for new sessions; running ones keep their pinned version. */
  unpublishScenario(scenarioId: string): void {
    this.deps.library.remove(scenarioId);
    const { [scenarioId]: _withdrawn, ...rest } = this.currentPin;
    this.currentPin = rest;
  }

  /**
   * Creates a session (optionally with a scenario already selected, and `then` the server events a
   * hosting flow such as practice adds) and starts its room.
   */
  async host(request: {
    scenarioId?: string;
    then?: (sessionId: string, at: number) => SessionEvent[];
  }): Promise<HostedSession> {
    const library = this.deps.library;
    if (request.scenarioId !== undefined && library.compiled(request.scenarioId) === undefined) {
      const entry = library.get(request.scenarioId);
      throw entry
        ? new HostError(
            422,
            "scenario.invalid",
            `The scenario "${request.scenarioId}" has errors; run hotseat check.`,
          )
        : new HostError(404, "scenario.unknown", `There is no scenario "${request.scenarioId}".`);
    }
    const liveCodes = new Set(this.deps.store.listSessions("live").map((s) => s.code));
    const code = newJoinCode((c) => liveCodes.has(c) || this.live.has(c));
    const trainerToken = newTrainerToken();
    const at = this.now();
    const record = this.deps.store.createSession({
      id: randomUUID(),
      code,
      scenarioId: request.scenarioId ?? "",
      library: this.currentPin,
      trainerTokenHash: hashTrainerToken(trainerToken),
      createdAt: at,
    });
    const first: SessionEvent[] = [
      { type: "session.created", joinCode: code, seed: randomInt(2 ** 31), at, by: { role: "server" } },
    ];
    if (request.scenarioId !== undefined) {
      first.push({
        type: "trainer.selectScenario",
        scenarioId: request.scenarioId,
        at,
        by: { role: "server" },
      });
    }
    first.push(...(request.then?.(record.id, at) ?? []));
    const runtime = this.resume(record);
    for (const event of first) {
      const result = runtime.submit(event);
      if (!result.accepted) throw new HostError(500, result.rejection.code, result.rejection.message);
    }
    await this.deps.startRoom(record.id);
    return { code, trainerToken, sessionId: record.id };
  }

  /** When a live session is finished without anyone finishing it (abandoned, or left alone). */
  get finishRule(): FinishRule {
    return {
      unjoinedMs: this.deps.unjoinedFinishMs ?? defaultFinishRule.unjoinedMs,
      idleMs: this.deps.idleFinishMs ?? defaultFinishRule.idleMs,
    };
  }

  /** How many sessions run here now. */
  get liveCount(): number {
    return this.live.size;
  }

  /** The sessions that run here now. */
  liveSessions(): SessionRuntime[] {
    return [...this.live.values()];
  }

  /**
   * Starts a room for every session the store still has live (after a restart); sessions the finish rule
   * says are abandoned or left alone are finished with their report instead, so they do not pile up.
   */
  async resumeAll(): Promise<string[]> {
    const codes: string[] = [];
    for (const record of this.deps.store.listSessions("live")) {
      if (this.live.has(record.code)) continue;
      const runtime = this.resume(record);
      // The connections the log still shows died with the previous process.
      const activity = { ...record, lastEventAt: runtime.lastEventAt, context: runtime.state.context };
      if (finishReason({ ...activity, connected: false }, this.now(), this.finishRule)) {
        this.deps.store.saveResult(record.id, sessionReport(runtime.state), this.now());
        continue;
      }
      await this.deps.startRoom(record.id);
      codes.push(record.code);
    }
    return codes;
  }

  /** Rebuilds a stored session from its log and registers it as live; called by the session's room. */
  open(sessionId: string): SessionRuntime {
    const record = this.deps.store.getSession(sessionId);
    if (!record || record.status !== "live")
      throw new HostError(404, "join.bad-code", "No live session has this id.");
    if (this.live.has(record.code))
      throw new HostError(409, "session.running", "This session already has a room.");
    const runtime = this.resume(record);
    if (runtime.replayRefusals.length > 0) {
      const reasons = runtime.replayRefusals.map((r) => `#${r.seq} ${r.type}: ${r.code} (${r.message})`);
      this.deps.log?.(
        `[${record.code}] ${reasons.length} log entries refused on replay:\n  ${reasons.join("\n  ")}`,
      );
    }
    this.live.set(record.code, runtime);
    return runtime;
  }

  /**
   * Rebuilds a session from its log against the scenario versions it pinned, never today's files. A
   * session stored before versions existed is pinned to today's library on its first resume.
   */
  private resume(record: SessionRecord): SessionRuntime {
    let pin = record.library;
    if (pin === undefined) {
      pin = this.currentPin;
      // A finished one keeps its stored report; only a session that plays on needs its versions fixed.
      if (record.status === "live") this.deps.store.pinLibrary(record.id, pin);
      this.deps.log?.(
        `[${record.code}] pinned to today's scenario versions (stored before versions existed)`,
      );
    }
    const { library, missing } = this.versions.resolve(pin);
    if (missing.length > 0)
      this.deps.log?.(`[${record.code}] scenario versions missing: ${missing.join(", ")}`);
    return SessionRuntime.resume({ ...record, library: pin }, this.deps.store, library, this.deps.onLogged);
  }

  /** Forgets a live session whose room was disposed (it stays in the store and resumes on the next start). */
  close(code: string): void {
    this.live.delete(code);
  }

  /** Marks a live session finished with its report, so it is no longer resumed and its code is free again. */
  finish(code: string): void {
    const runtime = this.live.get(code);
    if (!runtime) return;
    this.deps.store.saveResult(runtime.id, sessionReport(runtime.state), this.now());
    this.live.delete(code);
  }

  /** The live session with this code, if its room runs here. */
  runtime(code: string): SessionRuntime | undefined {
    return this.live.get(code);
  }

  /** The session's state: the live one, else rebuilt from the log of the newest session with this code. */
  stateOf(code: string): { record: SessionRecord; state: SessionState } | undefined {
    const runtime = this.live.get(code);
    if (runtime) return { record: runtime.record, state: runtime.state };
    const record = this.deps.store.findByCode(code);
    if (!record) return undefined;
    return {
      record,
      state: this.resume(record).state,
    };
  }

  /** Whether a code names a session a trainee can join now, and what it is playing; nothing private. */
  status(code: string): SessionStatusResponse | undefined {
    const runtime = this.live.get(code);
    if (!runtime) {
      const record = this.deps.store.findByCode(code);
      return record ? { code, running: false, joinOpen: false, status: record.status } : undefined;
    }
    const ctx = runtime.state.context;
    return {
      code,
      running: true,
      joinOpen: !ctx.locked,
      status: runtime.record.status,
      phase: phaseOf(runtime.state),
      style: ctx.style,
      ...(ctx.scenario
        ? {
            scenario: {
              id: ctx.scenario.id,
              title: localize(ctx.scenario.title, ctx.scenario.languages[0] ?? "en"),
            },
          }
        : {}),
    };
  }

  /**
   * The session's report (JSON and CSV): a finished session's is the one stored when it finished, a live
   * one's is computed from its log by the session core.
   */
  report(code: string): { record: SessionRecord; report: SessionReport; csv: string } | undefined {
    const record = this.live.has(code) ? undefined : this.deps.store.findByCode(code);
    // Written by `sessionReport` when the session finished; one an older version wrote in another shape
    // is computed again from the log, which the store keeps too.
    const saved = record?.status === "finished" ? this.deps.store.result(record.id) : undefined;
    const stored = saved === undefined ? undefined : sessionReportSchema.safeParse(saved).data;
    if (record && stored !== undefined) return { record, report: stored, csv: reportToCsv(stored) };
    const found = this.stateOf(code);
    if (!found) return undefined;
    const report = sessionReport(found.state);
    return { record: found.record, report, csv: reportToCsv(report) };
  }

  /** Every session in the store (or the ones `only` keeps), newest first, live ones with phase and head count. */
  list(only: (record: SessionRecord) => boolean = () => true): SessionListing[] {
    const records = this.deps.store.listSessions().filter(only);
    return records.map((record) => {
      const runtime = this.live.get(record.code);
      const listing: SessionListing = {
        code: record.code,
        sessionId: record.id,
        createdAt: record.createdAt,
        status: record.status,
        running: runtime?.id === record.id,
      };
      if (runtime?.id !== record.id) return listing;
      const ctx = runtime.state.context;
      const active = ctx.trainees.filter((t) => !t.removed);
      return {
        ...listing,
        phase: phaseOf(runtime.state),
        ...(ctx.scenario
          ? {
              scenario: {
                id: ctx.scenario.id,
                title: localize(ctx.scenario.title, ctx.scenario.languages[0] ?? "en"),
              },
            }
          : {}),
        traineeCount: active.length,
        connectedCount: active.filter((t) => t.connected).length,
        locked: ctx.locked,
        ...(runtime.replayRefusals.length > 0 ? { replayRefusals: runtime.replayRefusals.length } : {}),
      };
    });
  }
}
