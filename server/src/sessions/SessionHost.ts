import { randomInt, randomUUID } from "node:crypto";
import { sessionReport } from "@hotseat/shared";
import type { CompiledScenario, HostResponse, SessionEvent } from "@hotseat/shared";
import { newJoinCode } from "../joinCode";
import { defaultFinishRule, finishReason } from "./finishRule";
import type { FinishRule } from "./finishRule";
import type { LibraryEntry, ScenarioLibrary } from "../scenarioLibrary";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import type { LibraryPin, SessionRecord } from "../store/SessionStore";
import { ScenarioVersions } from "./ScenarioVersions";
import { LearningService } from "../learning/LearningService";
import { SessionQueries } from "./sessionQueries";
import { SessionRuntime } from "./SessionRuntime";
import type { LoggedListener } from "./SessionRuntime";
import { hashTrainerToken, newTrainerToken } from "./trainerToken";
import { SessionOwnedElsewhereError } from "../store/SessionLeases";

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
  store: AsyncSessionStore;
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
 * starts their rooms, resumes an unfinished session when someone comes back to it (lazily: a restart with a
 * thousand live sessions answers at once), and answers the listing and report routes from the same state
 * the rooms hold.
 */
export class SessionHost {
  private readonly live = new Map<string, SessionRuntime>();
  // Sessions being brought back, by code: two people coming back at once start one room.
  private readonly resuming = new Map<string, Promise<boolean>>();
  // Rebuilt just before their room starts, by session id: the room's `open` takes it instead of reading the log again.
  private readonly prepared = new Map<string, SessionRuntime>();
  private readonly now: () => number;
  /** Groups, rosters, learner keys and records (issue 11), over the same store. */
  readonly learning: LearningService;
  /** What the API reads of a session: its status, report and listing, from the room or the log. */
  readonly queries: SessionQueries;

  private constructor(
    private readonly deps: SessionHostDeps,
    private readonly versions: ScenarioVersions,
    /** The versions of today's scenario files: the library a newly hosted session pins. */
    private currentPin: LibraryPin,
  ) {
    this.now = deps.now ?? Date.now;
    this.learning = new LearningService(deps.store, this.now);
    this.queries = new SessionQueries({
      runtime: (code) => this.live.get(code),
      store: deps.store,
      resume: (record) => this.resume(record),
    });
  }

  /** Stores today's scenario files as versions (the pin of every newly hosted session), then hosts. */
  static async create(deps: SessionHostDeps): Promise<SessionHost> {
    const versions = new ScenarioVersions(deps.store);
    const pin = await versions.publish(deps.library, (deps.now ?? Date.now)());
    return new SessionHost(deps, versions, pin);
  }

  /** The scenario library sessions are played from. */
  get library(): ScenarioLibrary {
    return this.deps.library;
  }

  /**
   * Makes a loaded scenario playable now (published from the Studio): stored as a version, added to the
   * library, and pinned by every session hosted from now on; sessions already running keep their pin.
   */
  async publishScenario(entry: LibraryEntry & { compiled: CompiledScenario }): Promise<string> {
    const versionId = await this.versions.publishEntry(entry, this.now());
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
    const code = await this.freeCode();
    const trainerToken = newTrainerToken();
    const at = this.now();
    const record = await this.deps.store.createSession({
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
    await this.deps.store.leases.acquire(record.id);
    const runtime = await this.resume(record);
    const written: Promise<void>[] = [];
    for (const event of first) {
      const result = runtime.submit(event);
      if (!result.accepted) throw new HostError(500, result.rejection.code, result.rejection.message);
      written.push(result.durable);
    }
    // The trainer is told the code only once the session's first events are durable.
    await Promise.all(written);
    await this.startRoom(runtime);
    return { code, trainerToken, sessionId: record.id };
  }

  /**
   * A join code no live session uses, here or in the store (which may hold thousands of sessions no room
   * runs for yet): one lookup per candidate, and a collision is rare, instead of listing every live session.
   */
  private async freeCode(): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode((c) => this.live.has(c) || this.resuming.has(c));
      if ((await this.deps.store.findByCode(code))?.status !== "live") return code;
    }
    throw new HostError(503, "host.server-full", "No free join code was found; try again in a moment.");
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
   * Starts a room for every session the store still has live. The server no longer does this at start
   * (see `comeBack`); it stays for tools and tests that want every session up at once.
   */
  async resumeAll(): Promise<string[]> {
    const codes: string[] = [];
    for (const record of await this.deps.store.listSessions("live"))
      if (!this.live.has(record.code) && (await this.comeBack(record.code))) codes.push(record.code);
    return codes;
  }

  /**
   * Makes sure the live session with this code runs here, rebuilding it from its log when someone comes
   * back to it (a join by code, the trainer's console): true when it runs. A session the finish rule says
   * was abandoned or left alone is finished with its report instead. Throws `SessionOwnedElsewhereError`
   * while another process holds the session's lease.
   */
  comeBack(code: string): Promise<boolean> {
    if (this.live.has(code)) return Promise.resolve(true);
    const known = this.resuming.get(code);
    if (known) return known;
    const resuming = this.bringBack(code).finally(() => this.resuming.delete(code));
    this.resuming.set(code, resuming);
    return resuming;
  }

  private async bringBack(code: string): Promise<boolean> {
    const record = await this.deps.store.findByCode(code);
    if (!record || record.status !== "live") return false;
    const runtime = await this.unlessStale(record);
    if (!runtime) return false;
    await this.startRoom(runtime);
    this.deps.log?.(`[${code}] resumed from its log`);
    return true;
  }

  /**
   * Takes a stored live session's lease and rebuilds it; a session the finish rule says was abandoned or left
   * alone is finished with its report instead (undefined), so such sessions do not pile up.
   */
  private async unlessStale(record: SessionRecord): Promise<SessionRuntime | undefined> {
    await this.deps.store.leases.acquire(record.id);
    const runtime = await this.resume(record);
    // The connections the log still shows died with the previous process.
    const activity = { ...record, lastEventAt: runtime.lastEventAt, context: runtime.state.context };
    if (!finishReason({ ...activity, connected: false }, this.now(), this.finishRule)) return runtime;
    await this.deps.store.saveResult(record.id, sessionReport(runtime.state), this.now());
    await this.deps.store.leases.release(record.id);
    return undefined;
  }

  /**
   * Finishes the stored live sessions nobody came back to that the finish rule says are over, without
   * starting a room for any; run in the background after a start. Only sessions older than the shortest
   * finish delay can be over, so a restart amid a day of fresh sessions replays none of them. Sessions
   * another process owns are left to it. Returns how many it finished.
   */
  async finishLeftAlone(): Promise<number> {
    const rule = this.finishRule;
    const oldEnough = this.now() - Math.min(rule.unjoinedMs, rule.idleMs);
    let finished = 0;
    for (const record of await this.deps.store.listSessions("live")) {
      if (record.createdAt > oldEnough || this.live.has(record.code) || this.resuming.has(record.code))
        continue;
      try {
        const runtime = await this.unlessStale(record);
        // Not over: its lease goes back, unless someone came back to it meanwhile and its room runs here.
        const cameBack = this.live.has(record.code) || this.resuming.has(record.code);
        if (runtime && !cameBack) await this.deps.store.leases.release(record.id);
        if (!runtime) finished++;
      } catch (e) {
        if (!(e instanceof SessionOwnedElsewhereError)) throw e;
      }
    }
    return finished;
  }

  private async startRoom(runtime: SessionRuntime): Promise<void> {
    this.prepared.set(runtime.id, runtime);
    try {
      await this.deps.startRoom(runtime.id);
    } finally {
      this.prepared.delete(runtime.id);
    }
  }

  /** Rebuilds a stored session from its log and registers it as live; called by the session's room. */
  async open(sessionId: string): Promise<SessionRuntime> {
    const record = await this.deps.store.getSession(sessionId);
    if (!record || record.status !== "live")
      throw new HostError(404, "join.bad-code", "No live session has this id.");
    if (this.live.has(record.code))
      throw new HostError(409, "session.running", "This session already has a room.");
    const prepared = this.prepared.get(sessionId);
    this.prepared.delete(sessionId);
    // Held already when hosted or brought back here; taken now if a room was started some other way.
    if (!prepared) await this.deps.store.leases.acquire(record.id);
    const runtime = prepared ?? (await this.resume(record));
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
  private async resume(record: SessionRecord): Promise<SessionRuntime> {
    let pin = record.library;
    if (pin === undefined) {
      pin = this.currentPin;
      // A finished one keeps its stored report; only a session that plays on needs its versions fixed.
      if (record.status === "live") await this.deps.store.pinLibrary(record.id, pin);
      this.deps.log?.(
        `[${record.code}] pinned to today's scenario versions (stored before versions existed)`,
      );
    }
    const { library, missing } = await this.versions.resolve(pin);
    if (missing.length > 0)
      this.deps.log?.(`[${record.code}] scenario versions missing: ${missing.join(", ")}`);
    return SessionRuntime.resume({ ...record, library: pin }, this.deps.store, library, this.deps.onLogged);
  }

  /**
   * Forgets a live session whose room was disposed (it stays in the store and resumes when someone comes
   * back), and gives up its lease once its last events are written, so another process may take it.
   */
  close(code: string): void {
    const runtime = this.live.get(code);
    this.live.delete(code);
    if (runtime) void this.letGo(runtime);
  }

  private async letGo(runtime: SessionRuntime): Promise<void> {
    try {
      await runtime.drained();
      await this.deps.store.leases.release(runtime.id);
    } catch (e) {
      this.deps.log?.(`[${runtime.record.code}] lease not released: ${(e as Error).message}`);
    }
  }

  /** Marks a live session finished with its report, so it is no longer resumed and its code is free again. */
  async finish(code: string): Promise<void> {
    const runtime = this.live.get(code);
    if (!runtime) return;
    this.live.delete(code);
    await runtime.drained();
    await this.deps.store.saveResult(runtime.id, sessionReport(runtime.state), this.now());
    await this.deps.store.leases.release(runtime.id);
  }

  /** The live session with this code, if its room runs here. */
  runtime(code: string): SessionRuntime | undefined {
    return this.live.get(code);
  }
}
