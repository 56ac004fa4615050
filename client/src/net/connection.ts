import { Client, type Room } from "@colyseus/sdk";
import {
  clientMessageSchema,
  errorMessageSchema,
  projectorViewSchema,
  traineeViewSchema,
  trainerViewSchema,
  type ClientMessage,
  type JoinOptions,
  type Localized,
  type Role,
} from "@hotseat/shared";
import type { RoleView, Store } from "../app/store";
import { serverEndpoint } from "./endpoint";

/** What `POST /api/sessions` answers. */
export type Hosted = { code: string; trainerToken: string; joinUrl: string };

/** A scenario in the library, as `GET /api/scenarios` lists it. */
export type LibraryEntry = {
  id: string;
  title?: Localized;
  summary?: Localized;
  languages?: string[];
  playable?: boolean;
};

const seatKey = (code: string, role: Role) => `hotseat.seat.${code}.${role}`;
const tokenKey = (code: string) => `hotseat.trainer.${code}`;
const viewSchemas = {
  trainee: traineeViewSchema,
  projector: projectorViewSchema,
  trainer: trainerViewSchema,
};

/**
 * Close codes after which coming back makes no sense: removed (4004), seat opened elsewhere (4005),
 * flooding (4100), and join refusals (44xx). Every other close is worth a retry.
 */
const finalCloseCodes = new Set([4004, 4005, 4100, 4400, 4401, 4403, 4404, 4409]);

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

/** Reads a JSON answer of the API, turning `{ error: { message } }` into a thrown Error with that text. */
async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/**
 * The only module that talks to the network. It joins a session room as one role, keeps the seat
 * across reloads and sleeps (a `reconnectKey` in localStorage per code and role), reconnects on
 * drops, validates every view with the shared zod schema and writes it into the store.
 */
export class Connection {
  private room?: Room;
  private client?: Client;
  private joinArgs?: { code: string; role: Role; name?: string };
  private leaving = false;
  private retries = 0;

  constructor(private readonly store: Store) {}

  /** Hosts a new session; remembers the trainer token so a reload of the console keeps control. */
  async host(scenarioId?: string): Promise<Hosted> {
    const hosted = await api<Hosted>("/api/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(scenarioId ? { scenarioId } : {}),
    });
    storageSet(tokenKey(hosted.code), hosted.trainerToken);
    storageSet(`hotseat.joinUrl.${hosted.code}`, hosted.joinUrl);
    return hosted;
  }

  /** The scenario library. */
  async scenarios(): Promise<LibraryEntry[]> {
    const body = await api<{ scenarios: LibraryEntry[] }>("/api/scenarios");
    return body.scenarios;
  }

  /** One library scenario's parsed content (for the debrief's best-path comparison). */
  async scenario(id: string): Promise<unknown> {
    const body = await api<{ scenario?: unknown }>(`/api/scenarios/${encodeURIComponent(id)}`);
    return body.scenario;
  }

  /** Checks a scenario file's text with the server's loader; returns its summary and diagnostics. */
  async checkScenario(source: string, file: string): Promise<{ title?: unknown; diagnostics: unknown[] }> {
    return api("/api/scenarios/check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source, file }),
    });
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

  /** Joins session `code` as `role`. Trainees reuse this device's key so they come back to their seat. */
  async join(code: string, role: Role, name?: string): Promise<void> {
    this.joinArgs = { code, role, ...(name !== undefined ? { name } : {}) };
    this.leaving = false;
    this.store.update({ status: "connecting", role, code, joinUrl: this.joinUrlFor(code) });
    await this.open();
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
    await this.room?.leave(true).catch(() => undefined);
    this.room = undefined;
  }

  private options(): JoinOptions {
    const args = this.joinArgs;
    if (!args) throw new Error("join() first");
    const opts: JoinOptions = { role: args.role };
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
    }
    if (args.role === "trainer") {
      const token = storageGet(tokenKey(args.code));
      if (token) opts.trainerToken = token;
    }
    return opts;
  }

  private async open(): Promise<void> {
    const args = this.joinArgs;
    if (!args) return;
    this.client ??= new Client(serverEndpoint());
    const room = await this.client.joinById(args.code, this.options());
    this.room = room;
    this.retries = 0;
    // Reconnect even right after joining: a phone that sleeps early must still come back.
    room.reconnection.minUptime = 0;
    this.store.update({ status: "connected" });
    room.onMessage("view", (payload: unknown) => this.onView(args.role, payload));
    room.onMessage("error", (payload: unknown) => {
      const e = errorMessageSchema.safeParse(payload);
      if (e.success)
        this.store.update({ error: { code: e.data.code, message: e.data.message, at: Date.now() } });
    });
    room.onMessage("*", () => undefined);
    room.onDrop(() => this.store.update({ status: "reconnecting" }));
    room.onReconnect(() => this.store.update({ status: "connected" }));
    room.onLeave((code) => void this.onLeave(code));
  }

  private onView(role: Role, payload: unknown): void {
    const parsed = viewSchemas[role].safeParse(payload);
    if (!parsed.success) {
      console.warn("hotseat: a view did not match the protocol", parsed.error.issues.slice(0, 3));
      return;
    }
    const view = parsed.data as RoleView;
    this.store.update({ view, status: "connected" });
  }

  private async onLeave(code: number): Promise<void> {
    this.room = undefined;
    if (this.leaving) return;
    if (finalCloseCodes.has(code)) {
      this.store.update({ status: "kicked" });
      return;
    }
    // The SDK gave up (or never tried): rejoin with the same key, backing off up to ~30 s.
    this.store.update({ status: "reconnecting" });
    while (!this.leaving && this.retries < 20) {
      this.retries++;
      await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** Math.min(this.retries, 6))));
      try {
        await this.open();
        return;
      } catch {
        // Server still down or room gone; try again.
      }
    }
    this.store.update({ status: "lost" });
  }
}
