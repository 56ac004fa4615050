import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import { browserArgs, repoRoot } from "./harness";

declare module "vitest" {
  export interface ProvidedContext {
    /** The client built once for this run (its own folder: a shared client/dist may be stale). */
    clientDir: string;
    /** One headless Chromium for every e2e file; each file connects and opens its own contexts. */
    browserWs: string;
    /** One Hotseat server (a child process) serving that client; each test hosts its own session. */
    serverUrl: string;
  }
}

/** Builds the current client into `outDir` as production. */
function buildClient(outDir: string): void {
  const built = spawnSync(
    join(repoRoot, "node_modules", ".bin", "vite"),
    [
      "build",
      "--config",
      "client/vite.config.ts",
      "--mode",
      "production",
      "--outDir",
      outDir,
      "--emptyOutDir",
    ],
    // Vitest sets NODE_ENV=test, which would give a dev build that dials the dev server's port.
    {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (built.status !== 0) throw new Error("client build failed");
}

/** Builds the client, starts the browser and the server once for all browser tests, and stops them after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), "hotseat-e2e-"));
  const clientDir = join(workDir, "client");
  const browserStarting = chromium.launchServer({ executablePath: "/usr/bin/chromium", args: browserArgs });
  buildClient(clientDir);
  const browser = await browserStarting;
  // A busy machine (load average 20 on 2 cores) can take more than the default 30 s to start a server.
  const server = await startServerProcess(
    await freePort(),
    {
      HOTSEAT_DATA_DIR: join(workDir, "data"),
      HOTSEAT_SCENARIOS_DIR: join(repoRoot, "scenarios"),
      HOTSEAT_CLIENT_DIR: clientDir,
      HOTSEAT_RECONNECT_SECONDS: "60",
      // Every browser test hosts from 127.0.0.1, two files at a time: one address's limits are a class's,
      // not a whole test run's (the limits themselves are tested in tests/server/httpSafety.test.ts).
      HOTSEAT_HOSTS_PER_MINUTE: "600",
      HOTSEAT_MAX_SESSIONS_PER_ADDRESS: "500",
      HOTSEAT_JOIN_BURST: "2000",
    },
    120_000,
  ).catch(async (e: unknown) => {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
    throw e;
  });
  project.provide("clientDir", clientDir);
  project.provide("browserWs", browser.wsEndpoint());
  project.provide("serverUrl", server.url);
  return async () => {
    await server.kill("SIGTERM");
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
  };
}
