import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import { Pages, repoRoot, shared } from "./harness";
import type { TrainerView } from "./harness";

/** A session hosted over HTTP whose trainer is an SDK client of the test, as the console would be. */
export type SdkTrainer = {
  code: string;
  room: Room;
  /** The trainer's latest view (undefined until the first one arrives). */
  view: () => TrainerView | undefined;
  /** Sends a control that carries no fields, such as `trainer.start`. */
  send: (type: string) => void;
};

/** One browser test file's connection to the run's browser and server (tests/e2e/globalSetup.ts). */
export type BrowserTest = {
  /** The run's server, e.g. `http://127.0.0.1:41234`. */
  url: () => string;
  /** Opens a page of `size`, as a phone (touch, mobile viewport) when asked, in `locale` when given. */
  open: (
    size: { width: number; height: number },
    options?: { phone?: boolean; locale?: string },
  ) => Promise<Page>;
  /** Hosts `scenarioId` and joins its trainer over the SDK; the room is left when the file ends. */
  hostWithSdkTrainer: (scenarioId?: string) => Promise<SdkTrainer>;
};

/**
 * Connects this test file to the run's browser and server, and closes its pages and leaves its SDK rooms
 * when the file ends: the set-up every browser test file would otherwise write again.
 */
export function useBrowserTest(serverUrl: () => string = () => shared.serverUrl()): BrowserTest {
  let browser: Browser | undefined;
  let pages: Pages | undefined;
  const rooms: Room[] = [];
  beforeAll(async () => {
    browser = await shared.browser();
    pages = new Pages(browser);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    await pages?.close();
    await browser?.close();
  });
  const open: BrowserTest["open"] = (size, options = {}) => {
    if (!pages) throw new Error("useBrowserTest(): the browser is not connected yet");
    return pages.open(size, options);
  };
  const hostWithSdkTrainer = async (scenarioId = "ruined-hat"): Promise<SdkTrainer> => {
    const url = serverUrl();
    const res = await fetch(`${url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId }),
    });
    expect(res.status).toBe(201);
    const hosted = (await res.json()) as { code: string; trainerToken: string };
    const room = await new Client(url.replace(/^http/, "ws")).joinById(hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    rooms.push(room);
    let last: TrainerView | undefined;
    room.onMessage("view", (v: TrainerView) => (last = v));
    room.onMessage("welcome", () => undefined);
    room.onMessage("error", (e: unknown) => console.error("trainer error", e));
    return { code: hosted.code, room, view: () => last, send: (type) => room.send(type, { type }) };
  };
  return { url: serverUrl, open, hostWithSdkTrainer };
}

/** A browser test file with a server process of its own, and where that server keeps its data. */
export type OwnServerTest = BrowserTest & { dataDir: string };

/**
 * A server of this file's own, on a fresh data directory, with the run's browser: for tests whose drafts,
 * copies and published scenarios must not show up in the libraries the other browser tests list.
 */
export function useOwnServer(name: string): OwnServerTest {
  const dataDir = mkdtempSync(join(tmpdir(), `hotseat-e2e-${name}-`));
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startServerProcess(
      await freePort(),
      {
        HOTSEAT_DATA_DIR: dataDir,
        HOTSEAT_SCENARIOS_DIR: join(repoRoot, "scenarios"),
        HOTSEAT_CLIENT_DIR: shared.clientDir(),
      },
      120_000,
    );
  }, 130_000);
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const url = () => {
    if (!server) throw new Error(`useOwnServer("${name}"): the server has not started yet`);
    return server.url;
  };
  return { ...useBrowserTest(url), dataDir };
}
