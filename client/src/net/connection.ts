import { learnerForSession } from "./learnerKeys";
import { Client, type Room, type SeatReservation } from "@colyseus/sdk";
import {
  checkResponseSchema,
  clientMessageSchema,
  errorMessageSchema,
  hostResponseSchema,
  practiceResponseSchema,
  scenarioListResponseSchema,
  projectorViewSchema,
  setLocaleMessageSchema,
  traineeViewSchema,
  trainerViewSchema,
  welcomeMessageSchema,
  type CheckResponse,
  type ClientMessage,
  type HostResponse,
  type JoinOptions,
  type PracticeResponse,
  type Role,
  type ScenarioSummary,
} from "@hotseat/shared";
import { refusalText } from "../i18n/refusalText";
import type { Store } from "../app/store";
import { api } from "./api";
import { serverEndpoint } from "./endpoint";
import { trainerTokenKeyPrefix } from "./mySessions";
import { decideRejoin, roomUnknownCode, type LinkEvent } from "./rejoinPolicy";
import { dropRoom } from "./dropRoom";

const seatKey = (code: string, role: Role) => `hotseat.seat.${code}.${role}`;
const tokenKey = (code: string) => `${trainerTokenKeyPrefix}${code}`;
const viewSchemas = {
  trainee: traineeViewSchema,
  projector: projectorViewSchema,
  trainer: trainerViewSchema,
};

function storageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without storage the seat survives only while this page stays open.
  }
}

function randomKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

/** The numeric code of a failed join (a refusal or a matchmaking error); none when the server did not answer. */
function errorCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}

/** A JSON POST to the API. */
function post(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/**
 * The only module that talks to the network. It joins a session room as one role, keeps the seat
 * across reloads, sleeps and server restarts (a `reconnectKey` in localStorage per code and role; see
 * `rejoinPolicy`), validates every message with the shared zod schemas and writes views into the store.
 * It joins in the user's UI language and tells the room when that changes, so scenario text follows it.
 */
export class Connection {
  private room?: Room;
  private client?: Client;
  private joinArgs?: { code: string; role: Role; name?: string };
  private leaving = false;
  private rejoining = false;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The language the room was last told, so only a real switch sends a message. */
  private sentLocale?: string;

  constructor(private readonly store: Store) {
    store.subscribe((s) => {
      if (this.room && s.locale !== this.sentLocale) this.sendLocale(s.locale);
    });
  }

  /** Hosts a new session; remembers the trainer token so a reload of the console keeps control. */
  async host(scenarioId?: string): Promise<HostResponse> {
    const hosted = await api(hostResponseSchema, "/api/sessions", post(scenarioId ? { scenarioId } : {}));
    storageSet(tokenKey(hosted.code), hosted.trainerToken);
    storageSet(`hotseat.joinUrl.${hosted.code}`, hosted.joinUrl);
    return hosted;
  }

  /**
   * Practises a scenario alone: the server hosts a started solo session with one seat kept for this
   * device (`POST /api/practice`); the seat's key is stored as if this device had joined before.
   */
  async practise(scenarioId: string, name: string): Promise<PracticeResponse> {
    const practice = await api(
      practiceResponseSchema,
      "/api/practice",
      post({ scenarioId, name, locale: this.store.get().locale }),
    );
    storageSet(
      seatKey(practice.code, "trainee"),
      JSON.stringify({ reconnectKey: practice.reconnectKey, name: practice.name }),
    );
    return practice;
  }

  /** The scenario library. */
  async scenarios(): Promise<ScenarioSummary[]> {
    return (await api(scenarioListResponseSchema, "/api/scenarios")).scenarios;
  }

  /** Checks a scenario file's text with the server's loader; returns its summary and diagnostics. */
  async checkScenario(source: string, file: string): Promise<CheckResponse> {
    return api(checkResponseSchema, "/api/scenarios/check", post({ source, file }));
  }

  /** The name this device last used in a session, to prefill the form. */
  savedName(code: string): string | undefined {
    const raw = storageGet(seatKey(code, "trainee"));
    if (!raw) return undefined;
    try {
      return (JSON.parse(raw) as { name?: string }).name;
    } catch {
      return undefined;
    }
  }

  /**
   * Joins session `code` as `role`. Trainees reuse this device's key so they come back to their seat.
   * `reserved`: a seat the page already asked the matchmaker for with this device's key (dom/earlyJoin.ts).
   */
  async join(code: string, role: Role, name?: string, reserved?: Promise<SeatReservation>): Promise<void> {
    this.joinArgs = { code, role, ...(name !== undefined ? { name } : {}) };
    this.leaving = false;
    this.store.update({ status: "connecting", role, code, joinUrl: this.joinUrlFor(code) });
    await this.open(reserved);
  }

  /** The join address of a session: saved when this device hosted it, else this server's `/join/CODE`. */
  joinUrlFor(code: string): string {
    return storageGet(`hotseat.joinUrl.${code}`) ?? `${window.location.origin}/join/${code}`;
  }

  /** Sends a message; invalid ones are refused here, because the server drops a client that sends them. */
  send(message: ClientMessage): boolean {
    const parsed = clientMessageSchema.safeParse(message);
    if (!parsed.success || !this.room) return false;
    this.room.send(message.type, message);
    return true;
  }

  /** Leaves the room on purpose (no reconnect). */
  async leave(): Promise<void> {
    this.leaving = true;
    clearTimeout(this.graceTimer);
    await this.room?.leave(true).catch(() => undefined);
    this.room = undefined;
  }

  private sendLocale(locale: string): void {
    const parsed = setLocaleMessageSchema.safeParse({ type: "client.setLocale", locale });
    if (!parsed.success || !this.room) return;
    this.sentLocale = locale;
    this.room.send(parsed.data.type, parsed.data);
  }

  private options(): JoinOptions {
    const args = this.joinArgs;
    if (!args) throw new Error("join() first");
    const opts: JoinOptions = { role: args.role, locale: this.store.get().locale };
    if (args.role === "trainee") {
      const saved = storageGet(seatKey(args.code, "trainee"));
      let seat: { reconnectKey: string; name?: string } = { reconnectKey: randomKey() };
      if (saved) {
        try {
          seat = { ...seat, ...(JSON.parse(saved) as typeof seat) };
        } catch {
          // A damaged entry: start a new seat.
        }
      }
      if (args.name) seat.name = args.name;
      storageSet(seatKey(args.code, "trainee"), JSON.stringify(seat));
      opts.reconnectKey = seat.reconnectKey;
      if (seat.name) opts.name = seat.name;
      // A group's session: the phone's learner key makes the session count in that learner's record.
      const learner = learnerForSession(args.code);
      if (learner) opts.learnerKey = learner.learnerKey;
    }
    if (args.role === "trainer") {
      const token = storageGet(tokenKey(args.code));
      if (token) opts.trainerToken = token;
    }
    return opts;
  }

  private async open(reserved?: Promise<SeatReservation>): Promise<void> {
    const args = this.joinArgs;
    if (!args) return;
    this.client ??= new Client(serverEndpoint());
    const options = this.options();
    const room = reserved
      ? await this.client.consumeSeatReservation(await reserved)
      : await this.client.joinById(args.code, options);
    if (this.leaving) {
      // left while this join was in flight
      await room.leave(true).catch(() => undefined);
      return;
    }
    this.room = room;
    this.sentLocale = options.locale;
    // Reconnect even right after joining: a phone that sleeps early must still come back.
    room.reconnection.minUptime = 0;
    this.store.update({ status: "connected" });
    room.onMessage("view", (payload: unknown) => this.onView(args.role, payload));
    room.onMessage("welcome", (payload: unknown) => this.onWelcome(args.code, payload));
    room.onMessage("error", (payload: unknown) => {
      const e = errorMessageSchema.safeParse(payload);
      if (e.success)
        this.store.update({ error: { code: e.data.code, message: refusalText(e.data), at: Date.now() } });
    });
    room.onMessage("*", () => undefined);
    room.onDrop(() => {
      if (room !== this.room) return;
      this.store.update({ status: "reconnecting" });
      this.onLinkEvent(room, { kind: "drop" });
    });
    room.onReconnect(() => {
      if (room !== this.room) return;
      clearTimeout(this.graceTimer);
      this.store.update({ status: "connected" });
      // The room may have another language for this connection if the switch happened while away.
      if (this.store.get().locale !== this.sentLocale) this.sendLocale(this.store.get().locale);
    });
    room.onError((code) => {
      if (room === this.room)
        this.onLinkEvent(room, code === undefined ? { kind: "error" } : { kind: "error", code });
    });
    room.onLeave((code) => {
      if (room === this.room) this.onLinkEvent(room, { kind: "leave", code });
    });
    // A language switch during the join goes out now.
    if (this.store.get().locale !== this.sentLocale) this.sendLocale(this.store.get().locale);
  }

  private onWelcome(code: string, payload: unknown): void {
    const welcome = welcomeMessageSchema.safeParse(payload);
    if (!welcome.success) {
      console.warn("hotseat: a welcome did not match the protocol", welcome.error.issues.slice(0, 3));
      return;
    }
    const key = welcome.data.reconnectKey;
    if (welcome.data.role !== "trainee" || key === undefined) return;
    // Keep the key the server seated us with, so the next join (reload, restart) finds the same seat.
    const saved = storageGet(seatKey(code, "trainee"));
    let seat: { reconnectKey?: string; name?: string } = {};
    try {
      seat = saved ? (JSON.parse(saved) as typeof seat) : {};
    } catch {
      // A damaged entry is replaced below.
    }
    if (seat.reconnectKey !== key)
      storageSet(seatKey(code, "trainee"), JSON.stringify({ ...seat, reconnectKey: key }));
  }

  /** Applies the rejoin policy to something that happened to the current room's link. */
  private onLinkEvent(room: Room, event: LinkEvent): void {
    if (this.leaving) return;
    const decision = decideRejoin(event);
    clearTimeout(this.graceTimer);
    if (decision.action === "wait") {
      this.graceTimer = setTimeout(() => {
        if (room === this.room) this.takeOver(room);
      }, decision.ms);
      return;
    }
    if (decision.action === "stop") {
      this.abandon(room);
      this.store.update({ status: decision.status, closeCode: "code" in event ? event.code : undefined });
      return;
    }
    this.takeOver(room);
  }

  /** Stops the SDK's resume attempts on `room` and rejoins by code with the stored seat instead. */
  private takeOver(room: Room): void {
    this.abandon(room);
    void this.rejoin();
  }

  private abandon(room: Room): void {
    clearTimeout(this.graceTimer);
    if (this.room === room) this.room = undefined;
    dropRoom(room);
  }

  /** Joins again until it works, the server refuses for good, or the user leaves (backoff per `rejoinPolicy`). */
  private async rejoin(): Promise<void> {
    if (this.rejoining) return;
    this.rejoining = true;
    this.store.update({ status: "reconnecting" });
    let unknownInARow = 0;
    try {
      for (let attempt = 0; !this.leaving && !this.room; attempt++) {
        try {
          await this.open();
          return;
        } catch (e) {
          const code = errorCode(e);
          unknownInARow = code === roomUnknownCode ? unknownInARow + 1 : 0;
          const decision = decideRejoin(
            { kind: "rejoin-failed", attempt, ...(code !== undefined ? { code } : {}) },
            unknownInARow,
          );
          if (decision.action === "stop") {
            this.store.update({ status: decision.status, closeCode: code });
            return;
          }
          if (decision.action === "rejoin") await new Promise((r) => setTimeout(r, decision.ms));
        }
      }
    } finally {
      this.rejoining = false;
    }
  }

  private onView(role: Role, payload: unknown): void {
    const parsed = viewSchemas[role].safeParse(payload);
    if (!parsed.success) {
      console.warn("hotseat: a view did not match the protocol", parsed.error.issues.slice(0, 3));
      return;
    }
    const view = parsed.data;
    this.store.update({ view, status: "connected" });
  }
}
