import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { JoinOptions, ProjectorView, Role, TraineeView, TrainerView } from "@hotseat/shared";
import type { AppState } from "../../client/src/app/store";
import { Store } from "../../client/src/app/store";
import { Connection } from "../../client/src/net/connection";
import { trainerTokenKeyPrefix } from "../../client/src/net/mySessions";
import { decideRejoin, roomUnknownCode } from "../../client/src/net/rejoinPolicy";
import { dropRoom } from "../../client/src/net/dropRoom";
import type { LinkEvent } from "../../client/src/net/rejoinPolicy";

/**
 * Clients that come back by themselves when the process running their session dies or stops, the way the
 * web client does: the browser's own `Connection` (one per role, as one browser's localStorage holds one
 * seat per code and role), and, for a whole class of phones, `ComingBackPhone`, an SDK client that follows
 * the same `rejoinPolicy` and joins again by code with its device key.
 */

/** One browser's localStorage: Node has none, and the web client keeps its seat keys and trainer token there. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/**
 * A browser page of the web client at `url` (its `serverEndpoint()` in dev mode): the real `Connection`
 * and `Store`. All pages made here share one localStorage, as tabs of one browser do.
 */
export class BrowserPage<V extends TrainerView | ProjectorView | TraineeView> {
  readonly store = new Store({ status: "idle", locale: "en", reducedMotion: false });
  readonly connection = new Connection(this.store);
  readonly seen: AppState["status"][] = [];

  private constructor() {
    this.store.subscribe((s) => {
      if (this.seen.at(-1) !== s.status) this.seen.push(s.status);
    });
  }

  /** Points every page's client at `url`, with storage; the trainer token as the console that hosted keeps it. */
  static setUp(url: string): void {
    process.env.VITE_HOTSEAT_SERVER = url;
    if (!("localStorage" in globalThis) || globalThis.localStorage === undefined)
      Object.defineProperty(globalThis, "localStorage", { value: new MemoryStorage(), configurable: true });
  }

  static rememberHost(code: string, trainerToken: string, joinUrl: string): void {
    localStorage.setItem(`${trainerTokenKeyPrefix}${code}`, trainerToken);
    localStorage.setItem(`hotseat.joinUrl.${code}`, joinUrl);
  }

  static async open<V extends TrainerView | ProjectorView | TraineeView>(
    code: string,
    role: Role,
    name?: string,
  ): Promise<BrowserPage<V>> {
    const page = new BrowserPage<V>();
    await page.connection.join(code, role, name);
    return page;
  }

  get view(): V | undefined {
    return this.store.get().view as V | undefined;
  }

  get status(): AppState["status"] {
    return this.store.get().status;
  }
}

/** A phone of a class as an SDK client that comes back by code with its device key (the web client's policy). */
export class ComingBackPhone {
  views: TraineeView[] = [];
  room: Room | undefined;
  /** How many times it joined again after losing its room. */
  rejoins = 0;
  /** Why joins again failed (codes or messages), and whether the policy gave up. */
  failures: string[] = [];
  private closed = false;
  private rejoining = false;

  private constructor(
    private readonly client: Client,
    private readonly code: string,
    private readonly options: JoinOptions,
  ) {}

  static async join(url: string, code: string, options: JoinOptions): Promise<ComingBackPhone> {
    const phone = new ComingBackPhone(new Client(url.replace(/^http/, "ws")), code, options);
    phone.attach(await phone.client.joinById(code, options));
    return phone;
  }

  get view(): TraineeView | undefined {
    return this.views.at(-1);
  }

  get connected(): boolean {
    return this.room !== undefined && !this.rejoining;
  }

  send(message: { type: string } & Record<string, unknown>): void {
    this.room?.send(message.type, message);
  }

  private attach(room: Room): void {
    this.room = room;
    room.reconnection.minUptime = 0;
    room.onMessage("view", (v: TraineeView) => this.views.push(v));
    room.onMessage("*", () => undefined);
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onLink = (event: LinkEvent) => {
      if (this.closed || room !== this.room) return;
      const decision = decideRejoin(event);
      clearTimeout(grace);
      if (decision.action === "stop") {
        this.failures.push(`stopped on ${JSON.stringify(event)}`);
        return;
      }
      if (decision.action === "wait") grace = setTimeout(() => this.takeOver(room), decision.ms);
      else this.takeOver(room);
    };
    room.onDrop(() => onLink({ kind: "drop" }));
    room.onReconnect(() => clearTimeout(grace));
    room.onError((code) => onLink(code === undefined ? { kind: "error" } : { kind: "error", code }));
    room.onLeave((code) => onLink({ kind: "leave", code }));
  }

  /** As `Connection.takeOver`: stop the SDK's resume on the dead address and join again by code. */
  private takeOver(room: Room): void {
    dropRoom(room);
    this.room = undefined;
    void this.rejoin();
  }

  private async rejoin(): Promise<void> {
    if (this.rejoining) return;
    this.rejoining = true;
    let unknownInARow = 0;
    try {
      for (let attempt = 0; !this.closed; attempt++) {
        try {
          const room = await this.client.joinById(this.code, this.options);
          this.rejoins++;
          this.attach(room);
          return;
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          this.failures.push(`${String(code)} ${(e as Error).message}`);
          const known = typeof code === "number" ? code : undefined;
          unknownInARow = known === roomUnknownCode ? unknownInARow + 1 : 0;
          const decision = decideRejoin(
            { kind: "rejoin-failed", attempt, ...(known !== undefined ? { code: known } : {}) },
            unknownInARow,
          );
          if (decision.action !== "rejoin") {
            this.failures.push(`gave up: ${decision.action}`);
            return;
          }
          await new Promise((r) => setTimeout(r, decision.ms));
        }
      }
    } finally {
      this.rejoining = false;
    }
  }

  async leave(): Promise<void> {
    this.closed = true;
    await this.room?.leave(true).catch(() => undefined);
  }
}
