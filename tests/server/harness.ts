import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import { asAsyncStore, MemorySessionStore, ScenarioLibrary, startHotseatServer } from "@hotseat/server";
import type { HotseatServerOptions, RunningServer } from "@hotseat/server";
import { hostResponseSchema } from "@hotseat/shared";
import type {
  ErrorMessage,
  HostResponse,
  JoinOptions,
  ProjectorView,
  TraineeView,
  TrainerView,
  WelcomeMessage,
} from "@hotseat/shared";

/** An `error` reply, as the protocol defines it. */
export type ErrorReply = ErrorMessage;

/** The scenarios the server tests play: a small fixture whose content the tests can rely on. */
export const fixtureScenariosDir = join(import.meta.dirname, "fixtures", "scenarios");

/** Starts an in-process server on a free port with an in-memory store and the fixture library. */
export async function startTestServer(options: Partial<HotseatServerOptions> = {}): Promise<RunningServer> {
  return startHotseatServer({
    port: 0,
    store: asAsyncStore(new MemorySessionStore()),
    library: await ScenarioLibrary.fromDirectory(fixtureScenariosDir),
    clientDir: join(import.meta.dirname, "no-client-build"),
    ...options,
  });
}

/** Hosts a session through the HTTP API, as the trainer's browser does. */
export async function hostSession(
  url: string,
  body: { scenarioId?: string; password?: string } = { scenarioId: "short-call" },
): Promise<HostResponse> {
  const res = await fetch(`${url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`hosting failed: ${res.status} ${await res.text()}`);
  return hostResponseSchema.parse(await res.json());
}

type AnyView = TraineeView | ProjectorView | TrainerView;

/** How long a test waits for something the server should do; generous, because CI machines get busy. */
export const waitMs = 15_000;

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = waitMs): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A real SDK client in a session: it keeps the latest view, every error and the close code. */
export class Peer<V extends AnyView = AnyView> {
  views: V[] = [];
  errors: ErrorReply[] = [];
  welcome: WelcomeMessage | undefined;
  left: number | undefined;
  dropped = 0;
  reconnected = 0;

  private constructor(
    readonly client: Client,
    public room: Room,
  ) {
    this.listen(room);
  }

  private listen(room: Room): void {
    room.onMessage("view", (v: V) => this.views.push(v));
    room.onMessage("error", (e: ErrorReply) => this.errors.push(e));
    room.onMessage("welcome", (w: Peer["welcome"]) => (this.welcome = w));
    room.onDrop(() => this.dropped++);
    room.onReconnect(() => this.reconnected++);
    room.onLeave((code) => (this.left = code));
  }

  /** Joins session `code` with the given options; the SDK reconnects even right after joining. */
  static async join<V extends AnyView>(url: string, code: string, options: JoinOptions): Promise<Peer<V>> {
    const client = new Client(url.replace(/^http/, "ws"));
    const room = await client.joinById(code, options);
    room.reconnection.minUptime = 0;
    const peer = new Peer<V>(client, room);
    await until(() => peer.views.length > 0, `the first view of a ${options.role}`);
    return peer;
  }

  /** The latest view. */
  get view(): V {
    const view = this.views.at(-1);
    if (view === undefined) throw new Error("no view yet");
    return view;
  }

  /** Sends a client message the way the web client does: type, and the whole message as payload. */
  send(message: { type: string } & Record<string, unknown>): void {
    this.room.send(message.type, message);
  }

  /** Waits for a view that satisfies `check` and returns it. */
  async viewWhere(check: (view: V) => boolean, what = "a matching view", ms = waitMs): Promise<V> {
    await until(() => this.views.length > 0 && check(this.view), what, ms);
    return this.view;
  }

  /** Waits for the next error reply with this code. */
  async errorWith(code: string, ms = waitMs): Promise<ErrorReply> {
    const seen = this.errors.length;
    await until(() => this.errors.slice(seen).some((e) => e.code === code), `error ${code}`, ms);
    return this.errors.slice(seen).find((e) => e.code === code) as ErrorReply;
  }

  /** Leaves on purpose. */
  async leave(): Promise<void> {
    if (this.left === undefined) await this.room.leave(true).catch(() => undefined);
  }
}

/** Joins `count` trainees named "Trainee <from+1>".."Trainee <from+count>" in parallel, each with its own device key. */
export async function joinTrainees(
  url: string,
  code: string,
  count: number,
  from = 0,
): Promise<Peer<TraineeView>[]> {
  return Promise.all(
    Array.from({ length: count }, (_, k) =>
      Peer.join<TraineeView>(url, code, {
        role: "trainee",
        name: `Trainee ${from + k + 1}`,
        reconnectKey: `key-${code}-${from + k}`,
      }),
    ),
  );
}

/** A class in its first vote: a hosted session, its trainer, `size` trainees, every phone and the console voting. */
/** A hosted session with its trainer, a projector and `size` trainees joined (nothing started). */
export async function hostedClass(url: string, size: number) {
  const hosted = await hostSession(url);
  const trainer = await Peer.join<TrainerView>(url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const projector = await Peer.join<ProjectorView>(url, hosted.code, { role: "projector" });
  const trainees = await joinTrainees(url, hosted.code, size);
  return { hosted, trainer, projector, trainees };
}

/** A group session's trainer and one phone per learner key (claimed names), each with its own device key. */
export async function joinGroupClass(
  url: string,
  hosted: HostResponse,
  learnerKeys: string[],
  devicePrefix: string,
): Promise<{ trainer: Peer<TrainerView>; phones: Peer<TraineeView>[] }> {
  const trainer = await Peer.join<TrainerView>(url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const phones = await Promise.all(
    learnerKeys.map((learnerKey, i) =>
      Peer.join<TraineeView>(url, hosted.code, {
        role: "trainee",
        learnerKey,
        reconnectKey: `${devicePrefix}-${i}`,
      }),
    ),
  );
  return { trainer, phones };
}

export async function classInVote(url: string, size: number) {
  const { hosted, trainer, trainees } = await hostedClass(url, size);
  trainer.send({ type: "trainer.start" });
  trainer.send({ type: "trainer.openVote" });
  await Promise.all(trainees.map((t) => t.viewWhere((v) => v.can === "vote")));
  await trainer.viewWhere((v) => v.phase === "voting" && v.roster.length === size);
  return { hosted, trainer, trainees };
}
