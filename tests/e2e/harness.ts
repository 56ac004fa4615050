import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** The repository root (tests/e2e/..). */
export const repoRoot = resolve(import.meta.dirname, "..", "..");
/** Where e2e screenshots go, for a human to look at. */
export const screenshotDir = join(repoRoot, "artifacts", "screenshots");

/** A hit target as the client's test hook reports it, in page pixels. */
export type Target = {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  enabled: boolean;
};

declare global {
  interface Window {
    __hotseat?: {
      ready: boolean;
      scene: () => string | undefined;
      model: () => unknown;
      state: () => { status: string; view?: Record<string, unknown> & { phase: string; stepIndex: number } };
      targets: () => Target[];
    };
  }
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** Builds the client when client/dist is missing, so the server has pages to serve. */
export function ensureClientBuilt(): void {
  if (existsSync(join(repoRoot, "client", "dist", "index.html"))) return;
  const built = spawnSync(
    join(repoRoot, "node_modules", ".bin", "vite"),
    ["build", "--config", "client/vite.config.ts"],
    {
      cwd: repoRoot,
      stdio: "inherit",
      // Vitest sets NODE_ENV=test, which would make Vite bake in a development build (import.meta.env.DEV)
      // whose client dials the dev server's port instead of the page's own origin.
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (built.status !== 0) throw new Error("client build failed");
}

/** A real Hotseat server (server/src/main.ts) on a free port with a throwaway data directory. */
export type TestServer = { url: string; stop: () => Promise<void> };

/** Starts server/src/main.ts as a child process and waits until it listens. */
export async function startServer(): Promise<TestServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-e2e-"));
  const child: ChildProcess = spawn(
    join(repoRoot, "node_modules", ".bin", "node"),
    ["--disable-warning=ExperimentalWarning", "--import", "tsx", "server/src/main.ts"],
    {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), HOTSEAT_DATA_DIR: dataDir, HOTSEAT_RECONNECT_SECONDS: "60" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Hotseat listening")) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags that work as root in a container. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      // Five pages play at once; background ones must keep animating and running timers like real devices.
      "--disable-renderer-backgrounding",
      "--disable-background-timer-throttling",
      "--disable-backgrounding-occluded-windows",
    ],
  });
}

/** Waits for the client's test hook to say the page has booted. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__hotseat?.ready === true, null, { timeout: 30_000, polling: 100 });
}

/** Waits until the page's role view satisfies `check` (evaluated in the page). */
export async function waitView(page: Page, check: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (src) => {
      const view = window.__hotseat?.state().view;
      if (!view) return false;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
      return Boolean(new Function("view", `return (${src});`)(view));
    },
    check,
    { timeout, polling: 100 },
  );
}

/** Reads a field of the page's view. */
export async function viewOf<T = Record<string, unknown>>(page: Page): Promise<T> {
  return (await page.evaluate(() => window.__hotseat?.state().view)) as T;
}

/** The page's clickable canvas targets. */
export async function targets(page: Page): Promise<Target[]> {
  return page.evaluate(() => window.__hotseat?.targets() ?? []);
}

/**
 * Clicks a canvas button by its id at its real page coordinates, scrolling a tall phone page first
 * when the button is below the fold (a real thumb scrolls too).
 */
export async function clickTarget(page: Page, id: string): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => window.__hotseat?.targets().some((t) => t.id === wanted && t.enabled),
      id,
      { timeout: 20_000, polling: 100 },
    );
  } catch (e) {
    // Say what the page showed instead, so a failure in CI can be read without a rerun.
    const seen = await page
      .evaluate(() => ({
        scene: window.__hotseat?.scene(),
        state: window.__hotseat?.state(),
        targets: window.__hotseat?.targets().map((t) => `${t.id}${t.enabled ? "" : " (disabled)"}`),
      }))
      .catch((err: unknown) => String(err));
    throw new Error(`no enabled target ${id} on ${page.url()}: ${JSON.stringify(seen).slice(0, 1500)}`, {
      cause: e,
    });
  }
  let target = (await targets(page)).find((t) => t.id === id);
  const viewport = page.viewportSize();
  for (let i = 0; target && viewport && target.y + target.h / 2 > viewport.height - 10 && i < 12; i++) {
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, Math.min(400, target.y + target.h / 2 - viewport.height / 2));
    await page.waitForTimeout(120);
    target = (await targets(page)).find((t) => t.id === id);
  }
  // A scene that is still redrawing (a new view just arrived) replaces its buttons; wait until the
  // button has stayed in the same place for two polls, so the press and the release land on the same one.
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const again = (await targets(page)).find((t) => t.id === id && t.enabled);
    const same =
      again &&
      target &&
      again.x === target.x &&
      again.y === target.y &&
      again.w === target.w &&
      again.h === target.h;
    target = again;
    if (same) break;
  }
  if (!target) throw new Error(`no target ${id}`);
  await page.mouse.click(target.x + target.w / 2, target.y + Math.min(target.h / 2, 30));
}

/** The ids of the option cards on a page, in order. */
export async function optionIds(page: Page): Promise<string[]> {
  // The scene draws the cards on the frame after the view arrives: wait for this view's first card rather
  // than read the previous step's (or none) too soon.
  await page.waitForFunction(
    () => {
      const view = (window.__hotseat?.state() as { view?: { options?: { id: string }[] } } | undefined)?.view;
      const first = view?.options?.[0]?.id;
      return (
        first !== undefined &&
        (window.__hotseat?.targets().some((t) => t.id === `option.${first}` && t.enabled) ?? false)
      );
    },
    null,
    { timeout: 20_000, polling: 100 },
  );
  return (await targets(page)).filter((t) => t.id.startsWith("option.") && t.enabled).map((t) => t.id);
}

/** Saves a screenshot into artifacts/screenshots after animations settle. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(900);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  console.log(`[e2e] screenshot ${name}`);
}

/** Saves a screenshot at another viewport size (e.g. the projector view on a phone), then restores the size. */
export async function shootAt(
  page: Page,
  name: string,
  size: { width: number; height: number },
): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(size);
  await shoot(page, name);
  if (before) await page.setViewportSize(before);
}
