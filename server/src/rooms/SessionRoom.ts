import { Room, ServerError } from "@colyseus/core";
import {
  applySessionEvent,
  clientEvent,
  joinOptionsSchema,
  phaseOf,
  welcomeMessageSchema,
} from "@hotseat/shared";
import type { RefusalParams, SessionEvent } from "@hotseat/shared";
import { z } from "zod";
import type { SessionHost } from "../sessions/SessionHost";
import { conflictRejection } from "../sessions/SessionRuntime";
import type { SessionRuntime, Submitted } from "../sessions/SessionRuntime";
import { trainerTokenMatches } from "../sessions/trainerToken";
import { defaultRateLimit, RateLimiter } from "./rateLimiter";
import type { RateLimitOptions } from "./rateLimiter";
import { actorOf, newReconnectKey, traineeIdFor } from "./seat";
import type { SeatAuth } from "./seat";
import { readClientMessage, shortText } from "./readClientMessage";
import { learnerSeat } from "./learnerSeat";
import { joinErrorNumbers, joinRefusal, roomCloseCodes, storeLostCloseCode } from "./roomCodes";
import { gateSeatFrames } from "./seatFrameGate";
import { stalePresenceEvents } from "./stalePresenceEvents";
import { TraineeConnections } from "./TraineeConnections";
import { realTimer } from "./setTimer";
import type { SetTimer } from "./setTimer";
import { ViewFlusher } from "./ViewFlusher";
import type { SeatClient } from "./ViewFlusher";
import { VoteTimer } from "./VoteTimer";

/** What every session room needs from the server, injected by {@link sessionRoomFor}. */
export type SessionRoomDeps = {
  host: SessionHost;
  /** A per-process secret: only the server itself may create session rooms, never a client's `create()`. */
  internalKey: string;
  rateLimit?: RateLimitOptions;
  /** How long a dropped connection keeps its place before it counts as gone (seconds). */
  reconnectSeconds?: number;
  /** Ends reconnection windows; tests pass a clock they advance themselves (default: setTimeout). */
  reconnectTimer?: SetTimer;
  /** Runs the vote timer (tests pass a manual clock's `after`); default: the room's Colyseus clock. */
  voteTimer?: (ms: number, task: () => void) => () => void;
  log?: (line: string) => void;
  now?: () => number;
  /** The longest a view update waits behind the previous one while events keep coming (ms, default 50). */
  maxFlushIntervalMs?: number;
};

/** The options the server creates a session room with. */
export const roomCreateOptionsSchema = z.strictObject({ internalKey: z.string(), sessionId: z.string() });

/**
 * One room per session, addressed by its join code. The room holds no rules: it checks each message's shape
 * (zod), settles who sent it (the role from the join), hands it to the pure session core, logs the accepted
 * event, and sends every connection its own view of the new state as a `view` message. A refused or
 * malformed message gets an `error` reply and changes nothing; the sender stays connected.
 */
export class SessionRoom extends Room<{ client: SeatClient }> {
  protected deps!: SessionRoomDeps;
  private runtime!: SessionRuntime;
  private views!: ViewFlusher;
  private voteTimer!: VoteTimer;
  private readonly trainees = new TraineeConnections();
  // Set once the store refused an event: the room is closing and says so once.
  private lostLog = false;

  // One raw handler for every type: a typed `validate()` handler would disconnect a sender with 4002 on a bad
  // payload, and the room promises to answer `error` instead and keep the sender connected.
  override messages = {
    "*": (client: SeatClient, type: unknown, payload: unknown) => {
      try {
        this.onAnyMessage(client, type, payload);
      } catch (e) {
        // A bug must cost one message, not the process and every other session in it.
        this.log(`message ${shortText(type, 60)} failed: ${(e as Error).stack ?? String(e)}`);
      }
    },
  };

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private log(line: string): void {
    this.deps.log?.(`[${this.roomId}] ${line}`);
  }

  override async onCreate(options: unknown): Promise<void> {
    const parsed = roomCreateOptionsSchema.safeParse(options);
    if (!parsed.success || parsed.data.internalKey !== this.deps.internalKey) {
      // This error reaches the client as an HTTP status (matchmaking), so it must be one.
      throw new ServerError(403, "Sessions are hosted through POST /api/sessions.");
    }
    this.runtime = await this.deps.host.open(parsed.data.sessionId);
    this.views = new ViewFlusher({
      clients: () => this.clients,
      // What clients see is what the store has: an event is shown (acknowledged) only once durable.
      state: () => this.runtime.shown,
      afterFlush: () => this.closeRemoved(),
      log: (line) => this.log(line),
      ...(this.deps.maxFlushIntervalMs !== undefined ? { maxIntervalMs: this.deps.maxFlushIntervalMs } : {}),
    });
    this.roomId = this.runtime.record.code;
    // Joined by its code only: a private room is never picked by the matchmaker's join/joinOrCreate.
    void this.setPrivate(true);
    gateSeatFrames(this, {
      message: (client, type, payload) => this.messages["*"](client, type, payload),
      reply: (client, code, message) => this.reply(client, code, message),
      log: (line) => this.log(line),
    });
    // A session outlives its connections: the trainer may close the laptop lid and come back.
    this.autoDispose = false;
    // Views are sent as messages, there is no schema state to patch; the clock still ticks for the vote timer.
    this.patchRate = null;
    this.closeStalePresence();
    this.voteTimer = new VoteTimer({
      setTimeout: (fire, ms) => {
        if (this.deps.voteTimer) return this.deps.voteTimer(ms, fire);
        const delayed = this.clock.setTimeout(fire, ms);
        return () => delayed.clear();
      },
      now: () => this.now(),
      state: () => this.runtime.state,
      expire: () => this.submit(undefined, { type: "timer.expired", at: this.now(), by: { role: "server" } }),
    });
    this.voteTimer.follow();
  }

  override async onAuth(_client: SeatClient, options: unknown): Promise<SeatAuth> {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw joinRefusal("message.malformed", z.prettifyError(parsed.error));
    const { role, trainerToken } = parsed.data;
    const locale = parsed.data.locale !== undefined ? { locale: parsed.data.locale } : {};
    if (role === "trainer") {
      if (!trainerTokenMatches(trainerToken, this.runtime.record.trainerTokenHash)) {
        throw joinRefusal("join.bad-token", "This trainer link is not valid for this session.");
      }
      return { role, ...locale };
    }
    if (role === "projector") return { role, ...locale };
    const learner = await learnerSeat(this.deps.host.learning, this.runtime.id, parsed.data.learnerKey);
    const name = learner?.name ?? parsed.data.name;
    const learnerId = learner ? { learnerId: learner.learnerId } : {};
    const reconnectKey = parsed.data.reconnectKey ?? newReconnectKey();
    const traineeId = traineeIdFor(this.runtime.id, reconnectKey);
    // Dry run: the session core decides whether this trainee may (re)join (locked, removed, solo full).
    const check = applySessionEvent(
      this.runtime.state,
      this.joinedEvent({ role, traineeId, name, ...learnerId }),
      this.library(),
    );
    if (check.rejection) throw joinRefusal(check.rejection.code, check.rejection.message);
    return {
      role,
      traineeId,
      reconnectKey,
      ...(name !== undefined ? { name } : {}),
      ...learnerId,
      ...locale,
    };
  }

  override onJoin(client: SeatClient, _options: unknown, auth: SeatAuth): void {
    client.userData = {
      ...auth,
      limiter: new RateLimiter(this.deps.rateLimit ?? defaultRateLimit),
      present: false,
    };
    this.trainees.take(client);
    this.markPresent(client, () => {
      client.send(
        "welcome",
        welcomeMessageSchema.parse({
          role: auth.role,
          code: this.roomId,
          ...(auth.traineeId !== undefined
            ? { traineeId: auth.traineeId, reconnectKey: auth.reconnectKey }
            : {}),
        }),
      );
      this.views.send(client, true);
    });
  }

  override onDrop(client: SeatClient): void {
    const seat = client.userData;
    if (!seat) return;
    this.markAbsent(client);
    if (seat.closing) return;
    // "manual", so the window is closed by the injected timer rather than by Colyseus's own setTimeout.
    const reconnection = this.allowReconnection(client, "manual");
    const reject = reconnection.reject as (reason: Error) => void;
    const seconds = this.deps.reconnectSeconds ?? 60;
    const cancel = (this.deps.reconnectTimer ?? realTimer)(
      () => reject(new Error("reconnection window over")),
      seconds * 1000,
    );
    reconnection.then(cancel, cancel).catch(() => undefined);
  }

  override onReconnect(client: SeatClient): void {
    const seat = client.userData;
    if (!seat) return;
    if (seat.closing) {
      // Closed while away: removed by the trainer, or replaced by a newer tab.
      client.leave(seat.closeCode ?? roomCloseCodes.replaced);
      return;
    }
    this.trainees.resume(client);
    // The new socket has seen nothing yet.
    this.markPresent(client, () => this.views.send(client, true));
  }

  /**
   * Colyseus gives a seat to whoever presents its reconnection token, closing the connection holding it even
   * while that one is alive. A token only resumes a connection that has dropped; while its owner is still
   * connected it is refused (an owner whose link is stale rejoins by its seat key, see the client's rejoin).
   */
  override checkReconnectionToken(reconnectionToken: string): string {
    if (this.clients.some((c) => c.reconnectionToken === reconnectionToken)) return "";
    return super.checkReconnectionToken(reconnectionToken);
  }

  override onLeave(client: SeatClient): void {
    const seat = client.userData;
    if (!seat) return;
    this.markAbsent(client);
    this.trainees.release(client);
  }

  override onDispose(): void {
    this.voteTimer?.cancel();
    this.views?.dispose();
    this.deps.host.close(this.roomId);
  }

  /**
   * A session resumed from the log after a crash still counts the old process's connections as present;
   * they died with it. Closing them here keeps the roster and the projector count true: whoever comes
   * back joins again.
   */
  private closeStalePresence(): void {
    const stale = stalePresenceEvents(this.runtime.state.context, this.now());
    for (const event of stale) {
      const result = this.runtime.submit(event);
      if (!result.accepted) this.log(`stale ${event.type} refused: ${result.rejection.code}`);
      else this.whenDurable(result, () => this.views.schedule());
    }
    if (stale.length > 0) this.log(`closed ${stale.length} connections of the previous server process`);
  }

  private library() {
    return this.runtime.library;
  }

  private joinedEvent(seat: SeatAuth): SessionEvent {
    return {
      type: "session.joined",
      role: seat.role,
      ...(seat.traineeId !== undefined ? { traineeId: seat.traineeId } : {}),
      ...(seat.name !== undefined ? { name: seat.name } : {}),
      ...(seat.learnerId !== undefined ? { learnerId: seat.learnerId } : {}),
      at: this.now(),
      by: { role: "server" },
    };
  }

  /** Logs the connection as present; `then` runs once that is durable (the connection's welcome). */
  private markPresent(client: SeatClient, then: () => void): void {
    const seat = client.userData;
    if (!seat) return;
    if (seat.present) return then();
    const result = this.runtime.submit(this.joinedEvent(seat));
    if (!result.accepted) {
      // The session changed between onAuth and now (e.g. locked): refuse the connection after all.
      seat.closing = true;
      client.error(4403, `${result.rejection.code}: ${result.rejection.message}`);
      client.leave(joinErrorNumbers[result.rejection.code] ?? 4403);
      return;
    }
    seat.present = true;
    seat.waiting = true;
    this.whenDurable(result, () => {
      seat.waiting = false;
      then();
      this.views.schedule();
    });
  }

  /**
   * Runs `then` once an accepted event is durable. If the store refused it, this copy of the session ran
   * ahead of its log: every connection is told and closed, and comes back (by code) to the session rebuilt
   * from the store, here or on the process that now owns it.
   */
  private whenDurable(result: Submitted & { accepted: true }, then: () => void): void {
    result.durable.then(then, (e: unknown) => this.lost(e));
  }

  private lost(e: unknown): void {
    if (this.lostLog) return;
    this.lostLog = true;
    this.log(`the store refused an event, closing the room: ${(e as Error).message}`);
    for (const client of this.clients)
      this.reply(client, conflictRejection.code, conflictRejection.message, conflictRejection.params);
    void this.disconnect(storeLostCloseCode);
  }

  private markAbsent(client: SeatClient): void {
    const seat = client.userData;
    if (!seat?.present) return;
    seat.present = false;
    const left: SessionEvent = {
      type: "session.left",
      role: seat.role,
      ...(seat.traineeId !== undefined ? { traineeId: seat.traineeId } : {}),
      at: this.now(),
      by: { role: "server" },
    };
    // A trainee replaced by a newer tab stays present through the new connection.
    if (this.trainees.isReplaced(client)) return;
    // The trainer may run the console in two tabs (laptop and phone): closing one leaves them connected.
    const otherTrainer = this.clients.some(
      (c) => c !== client && c.userData?.role === "trainer" && c.userData.present,
    );
    if (seat.role === "trainer" && otherTrainer) return;
    const result = this.runtime.submit(left);
    if (!result.accepted) this.log(`session.left refused: ${result.rejection.code}`);
    else this.whenDurable(result, () => this.views.schedule());
  }

  private reply(client: SeatClient, code: string, message: string, params?: RefusalParams): void {
    client.send("error", { type: "error", code, message, ...(params ? { params } : {}) });
  }

  private onAnyMessage(client: SeatClient, type: unknown, payload: unknown): void {
    const seat = client.userData;
    if (!seat) return;
    const read = readClientMessage(type, payload);
    if (read.kind === "refused") {
      this.log(`${read.code} ${shortText(type, 60)} from ${seat.role}`);
      this.reply(client, read.code, read.message);
    } else if (read.kind === "setLocale") {
      // Presentation only: it changes this connection's view and is not logged.
      seat.locale = read.locale;
      this.views.send(client, false);
    } else {
      this.submit(client, clientEvent(read.message, actorOf(seat), this.now()));
    }
  }

  private submit(client: SeatClient | undefined, event: SessionEvent): boolean {
    let result;
    try {
      result = this.runtime.submit(event);
    } catch (e) {
      this.log(`could not apply ${event.type}: ${(e as Error).message}`);
      if (client) this.reply(client, "message.malformed", "The server could not record that; try again.");
      return false;
    }
    if (!result.accepted) {
      this.log(`refused ${event.type} from ${event.by.role}: ${result.rejection.code}`);
      if (client)
        this.reply(client, result.rejection.code, result.rejection.message, result.rejection.params);
      return false;
    }
    this.voteTimer.follow();
    // What moves the story on for everyone goes out at once; the many small inputs are coalesced.
    const urgent =
      event.by.role === "trainer" || event.type === "timer.expired" || event.type === "trainee.choose";
    this.whenDurable(result, () => this.views.schedule(urgent));
    return true;
  }

  private closeRemoved(): void {
    // One pass over the roster, not one per seat: this runs on every flush, before the views go out.
    const trainees = this.runtime.state.context.trainees;
    this.trainees.closeRemoved(new Set(trainees.filter((t) => t.removed).map((t) => t.id)));
  }

  /** The phase now, for logs and listings. */
  get phase() {
    return phaseOf(this.runtime.state);
  }
}

/** The session room class bound to this server's host, store and settings. */
export function sessionRoomFor(deps: SessionRoomDeps): typeof SessionRoom {
  return class BoundSessionRoom extends SessionRoom {
    protected override deps = deps;
  };
}
