import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { mountApi } from "./http/apiRoutes";
import { mountClient } from "./http/clientRoutes";
import type { RateLimitOptions } from "./rooms/rateLimiter";
import { sessionRoomFor } from "./rooms/SessionRoom";
import type { ScenarioLibrary } from "./scenarioLibrary";
import { SessionHost } from "./sessions/SessionHost";
import type { SessionStore } from "./store/SessionStore";
import type { SetTimer } from "./rooms/setTimer";

/** Everything a Hotseat server is made of; `main.ts` fills it from the environment, tests from fixtures. */
export type HotseatServerOptions = {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  store: SessionStore;
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
  log?: (line: string) => void;
};

/** A started server. */
export type RunningServer = {
  port: number;
  url: string;
  host: SessionHost;
  /** Join codes of the sessions rebuilt from the store at start. */
  resumed: string[];
  /** Closes every room and connection, then the store. */
  stop: () => Promise<void>;
};

/** The room name every session room is registered under (clients join by id = join code). */
export const sessionRoomName = "session";

/**
 * Starts the Colyseus server with the session room, the JSON API and the client, then resumes every
 * session the store still has live by replaying its log. One per process: Colyseus's matchmaker is global.
 */
export async function startHotseatServer(options: HotseatServerOptions): Promise<RunningServer> {
  const internalKey = randomBytes(16).toString("hex");
  const host = new SessionHost({
    store: options.store,
    library: options.library,
    startRoom: async (sessionId) => {
      await matchMaker.createRoom(sessionRoomName, { internalKey, sessionId });
    },
    ...(options.idleFinishMs !== undefined ? { idleFinishMs: options.idleFinishMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const room = sessionRoomFor({
    host,
    internalKey,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.reconnectSeconds !== undefined ? { reconnectSeconds: options.reconnectSeconds } : {}),
    ...(options.reconnectTimer ? { reconnectTimer: options.reconnectTimer } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  // ws's default 4 KiB frame limit would close the trainer's socket (1009) on an uploaded scenario, which
  // the protocol allows up to 200,000 characters; anything bigger than this is not a Hotseat message.
  const transport = new WebSocketTransport({ maxPayload: 256 * 1024 });
  const server = defineServer({
    rooms: { [sessionRoomName]: defineRoom(room) },
    transport,
    greet: false,
    express: (app) => {
      mountApi(app, {
        library: options.library,
        host,
        ...(options.trainerPassword !== undefined ? { trainerPassword: options.trainerPassword } : {}),
        ...(options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {}),
      });
      mountClient(app, options.clientDir);
    },
  });
  server.onShutdown(() => options.store.close());
  await server.listen(options.port);
  const address = transport.server?.address() as AddressInfo | null;
  const port = address?.port ?? options.port;
  const resumed = await host.resumeAll();
  return {
    port,
    url: `http://localhost:${port}`,
    host,
    resumed,
    stop: () => server.gracefullyShutdown(false),
  };
}
