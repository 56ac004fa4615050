import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { systemClock } from "./clock";
import type { Clock } from "./clock";
import { mountApi } from "./http/apiRoutes";
import { resumeOnJoin } from "./http/comeBack";
import { mountClient } from "./http/clientRoutes";
import { mountStudioApi } from "./http/studioRoutes";
import { exposureWarning } from "./http/exposureWarning";
import { guardRequests } from "./http/guardRequests";
import { HostingLimits } from "./http/hostingLimits";
import { defaultHttpLimits, HttpThrottles } from "./http/httpLimits";
import type { HttpLimits } from "./http/httpLimits";
import type { RateLimitOptions } from "./rooms/rateLimiter";
import { sessionRoomFor } from "./rooms/SessionRoom";
import type { ScenarioLibrary } from "./scenarioLibrary";
import { finishStaleSessions } from "./sessions/finishStaleSessions";
import { SessionHost } from "./sessions/SessionHost";
import type { AsyncSessionStore } from "./store/AsyncSessionStore";
import type { SetTimer } from "./rooms/setTimer";
import { loadPublishedScenarios } from "./studio/Studio";
import { mountLmsApi } from "./http/lmsRoutes";
import { LrsSender } from "./xapi/lrsSender";
import type { XapiFeed } from "./xapi/xapiFeed";
import { startXapi } from "./xapi/startXapi";
import type { XapiParts } from "./xapi/startXapi";
import type { ClusterSettings } from "./cluster/clusterEnv";

/** Everything a Hotseat server is made of; `main.ts` fills it from the environment, tests from fixtures. */
export type HotseatServerOptions = {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** The address to listen on (`HOTSEAT_HOST`); by default every address, so phones on the network reach it. */
  hostname?: string;
  /** Every store behind promises: SQLite through `asAsyncStore`, or PostgreSQL. */
  store: AsyncSessionStore;
  library: ScenarioLibrary;
  trainerPassword?: string;
  /** The built client to serve (`client/dist`); routes answer 404 with a hint when it is missing. */
  clientDir: string;
  publicUrl?: string;
  reconnectSeconds?: number;
  /** Ends reconnection windows (tests inject a clock they advance); default setTimeout. */
  reconnectTimer?: SetTimer;
  rateLimit?: RateLimitOptions;
  /** A session untouched (and empty) for this long is finished with its report; default 24 h. */
  idleFinishMs?: number;
  /** A session nobody joined for this long after hosting is finished with its report; default 1 h. */
  unjoinedFinishMs?: number;
  /** Per-address throttles and bounds on live sessions (defaults: {@link defaultHttpLimits}). */
  httpLimits?: Partial<HttpLimits>;
  /** How long a client may take to send a whole request (ms, default 30 s); a stalled body is cut off. */
  requestTimeoutMs?: number;
  /** Time and timers (tests inject a manual clock). */
  clock?: Clock;
  log?: (line: string) => void;
  /** The xAPI sender's backoff while an LRS is down (ms; default 1 s doubling to 5 min): tests shorten it. */
  lrsBackoffMs?: { first: number; max: number };
  /** Share sessions with other processes through Redis (HOTSEAT_REDIS_URL); needs a PostgreSQL store. */
  cluster?: ClusterSettings;
};

/** A started server. */
export type RunningServer = {
  port: number;
  url: string;
  host: SessionHost;
  /** Join codes of the sessions rebuilt from the store at start: none, they come back when someone joins. */
  resumed: string[];
  /** Where learners' records become xAPI statements for their group's LRS, fed by each group session's log. */
  xapi: XapiParts;
  /** Closes every room and connection, then the store. */
  stop: () => Promise<void>;
};

/** The host part of the server's own URL: the address it listens on, or `localhost` when it is every address. */
function urlHostOf(hostname: string | undefined): string {
  if (hostname === undefined || hostname === "::" || hostname === "0.0.0.0") return "localhost";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

/** The room name every session room is registered under (clients join by id = join code). */
export const sessionRoomName = "session";

/**
 * Starts the Colyseus server with the session room, the JSON API and the client. A session the store still
 * has live is rebuilt from its log when someone comes back to it (see `resumeOnJoin`), not at start. One
 * per process: Colyseus's matchmaker is global.
 */
export async function startHotseatServer(options: HotseatServerOptions): Promise<RunningServer> {
  const internalKey = randomBytes(16).toString("hex");
  const clock = options.clock ?? systemClock;
  const limits = { ...defaultHttpLimits, ...options.httpLimits };
  await loadPublishedScenarios(options.store, options.library, options.log);
  // Made once the port (the statements' origin) is known; events logged before then are caught up.
  const feedRef: { feed?: XapiFeed } = {};
  const host = await SessionHost.create({
    now: clock.now,
    store: options.store,
    library: options.library,
    startRoom: async (sessionId) => {
      await matchMaker.createRoom(sessionRoomName, { internalKey, sessionId });
    },
    ...(options.idleFinishMs !== undefined ? { idleFinishMs: options.idleFinishMs } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.unjoinedFinishMs !== undefined ? { unjoinedFinishMs: options.unjoinedFinishMs } : {}),
    onLogged: (sessionId, before, after) => feedRef.feed?.logged(sessionId, before, after),
  });
  const throttles = new HttpThrottles(limits, clock.now);
  const lrsSender = new LrsSender({
    store: options.store.xapi,
    now: clock.now,
    ...(options.lrsBackoffMs
      ? { backoffMs: options.lrsBackoffMs.first, maxBackoffMs: options.lrsBackoffMs.max }
      : {}),
  });
  const hostingLimits = new HostingLimits(
    limits,
    () => host.liveCount,
    (code) => host.runtime(code) !== undefined,
  );
  const room = sessionRoomFor({
    host,
    now: clock.now,
    internalKey,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.reconnectSeconds !== undefined ? { reconnectSeconds: options.reconnectSeconds } : {}),
    ...(options.reconnectTimer ? { reconnectTimer: options.reconnectTimer } : {}),
    ...(clock.after ? { voteTimer: clock.after } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  // A request must arrive whole within the timeout: a body shorter than its Content-Length is cut off with
  // 408 instead of holding a connection until the client gives up. Node checks on an interval, so a short one.
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const httpServer = createServer({
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 20_000),
    connectionsCheckingInterval: Math.max(50, Math.min(5_000, requestTimeout / 4)),
  });
  // ws's default 4 KiB frame limit would close the trainer's socket (1009) on an uploaded scenario, which
  // the protocol allows up to 200,000 characters; anything bigger than this is not a Hotseat message.
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: 256 * 1024 });
  // A session is joined by its code (the room id) only: the matchmaker's join, joinOrCreate and create would
  // seat a client in whichever session it finds (or try to open one), so only joinById and reconnect answer.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  const passwordOption =
    options.trainerPassword !== undefined ? { trainerPassword: options.trainerPassword } : {};
  // Loaded only for a cluster: the Redis driver and presence (ioredis) add a third of a second to every start.
  const clustering = options.cluster ? await import("./cluster/colyseusCluster") : undefined;
  const server = defineServer({
    rooms: { [sessionRoomName]: defineRoom(room) },
    transport,
    greet: false,
    ...(options.cluster && clustering ? clustering.clusterServerOptions(options.cluster) : {}),
    express: (app) => {
      mountStudioApi(app, { store: options.store, host, throttles, now: clock.now, ...passwordOption });
      mountApi(app, {
        library: options.library,
        host,
        throttles,
        hostingLimits,
        ...(options.trainerPassword !== undefined ? { trainerPassword: options.trainerPassword } : {}),
        ...(options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {}),
        comeBack: () => cluster,
      });
      mountLmsApi(app, {
        store: options.store,
        learning: host.learning,
        xapi: options.store.xapi,
        sender: lrsSender,
        now: clock.now,
        onLrsSet: (groupId) => void feedRef.feed?.recordGroup(groupId),
      });
      mountClient(app, options.clientDir);
    },
  });
  server.onShutdown(async () => {
    stopRenewal();
    // Every room is disposed by now (their last events written): let the next process take the sessions.
    await Promise.all(host.liveSessions().map((s) => s.drained()));
    // What the last events decided goes into the outbox (on disk) before the store closes.
    await feedRef.feed?.flush();
    await lrsSender.stop();
    await options.store.leases.release().catch((e: unknown) => options.log?.(`leases: ${String(e)}`));
    await options.store.close();
  });
  const cluster = clustering && new clustering.ClusterComeBack(host, options.store.leases, options.log);
  await server.listen(options.port, options.hostname);
  await cluster?.register();
  // Wrapped first, so the guessing budget below is spent before a join can bring a session back.
  resumeOnJoin(httpServer, cluster ?? host, options.log);
  // The matchmaker's routes (`POST /matchmake/joinById/<code>`) take a join code too: same guessing budget.
  guardRequests(httpServer, (req, res) =>
    req.method === "POST" && req.url?.startsWith("/matchmake/") === true
      ? throttles.guardGuess(req, res, "matchmaker")
      : false,
  );
  const address = transport.server?.address() as AddressInfo | null;
  const port = address?.port ?? options.port;
  const warning = exposureWarning(options.hostname, options.trainerPassword !== undefined);
  if (warning) options.log?.(warning);
  // Off the start's path: sessions left alone while no server ran are finished with their report.
  setImmediate(() => {
    host.finishLeftAlone().then(
      (n) =>
        n > 0 ? options.log?.(`finished ${n} sessions left alone while the server was down`) : undefined,
      (e: unknown) => options.log?.(`finishing sessions left alone failed: ${String(e)}`),
    );
  });
  // Sessions come back lazily (a join by code); the leases of those running here are kept renewed.
  const resumed: string[] = [];
  const renewMs = options.store.leases.ttlMs / 3;
  const renewal = Number.isFinite(renewMs)
    ? setInterval(() => {
        options.store.leases
          .renew()
          .catch((e: unknown) => options.log?.(`lease renewal failed: ${String(e)}`));
      }, renewMs)
    : undefined;
  renewal?.unref();
  function stopRenewal(): void {
    if (renewal) clearInterval(renewal);
  }
  // Statement IRIs and the learners' account home page are the public origin: set HOTSEAT_PUBLIC_URL.
  const origin = options.publicUrl ?? `http://${urlHostOf(options.hostname)}:${port}`;
  const xapi = startXapi({
    store: options.store,
    host,
    now: clock.now,
    origin,
    sender: lrsSender,
    log: options.log,
  });
  feedRef.feed = xapi.feed;
  const sweepMs = Math.min(60_000, host.finishRule.unjoinedMs, host.finishRule.idleMs);
  const stopSweep = clock.every(sweepMs, () => {
    void finishStaleSessions(host, clock.now(), (code) => {
      void matchMaker.getLocalRoomById(code)?.disconnect();
    }).then(
      (finished) => {
        for (const { code, reason } of finished)
          options.log?.(`[${code}] finished: ${reason === "unjoined" ? "nobody joined" : "left alone"}`);
      },
      (e: unknown) => options.log?.(`finishing stale sessions failed: ${String(e)}`),
    );
  });
  return {
    port,
    url: `http://${urlHostOf(options.hostname)}:${port}`,
    host,
    resumed,
    xapi,
    stop: () => {
      stopSweep();
      return server.gracefullyShutdown(false);
    },
  };
}
