import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";
import type { HitTarget } from "../../client/src/app/testHook";

/** The repository root (tests/e2e/..). */
export const repoRoot = resolve(import.meta.dirname, "..", "..");
/** Where e2e screenshots go, for a human to look at. */
export const screenshotDir = join(repoRoot, "artifacts", "screenshots");

/** A hit target as the client's test hook reports it, in page pixels. */
export type Target = HitTarget;
/** Any role's view, as the page's store holds it. */
export type AnyView = TraineeView | ProjectorView | TrainerView;
export type { ProjectorView, TraineeView, TrainerView };

/** Debian's Chromium, headless, with the flags that work as root in a container. */
export const browserArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  // Several pages play at once; background ones must keep animating and running timers like real devices.
  "--disable-renderer-backgrounding",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
];

/** The built client, browser and server that tests/e2e/globalSetup.ts started for this run. */
export const shared = {
  clientDir: () => inject("clientDir"),
  serverUrl: () => inject("serverUrl"),
  /** Connects to the run's one browser; close the returned Browser to drop this file's contexts. */
  browser: async (): Promise<Browser> => {
    mkdirSync(screenshotDir, { recursive: true });
    return chromium.connect(inject("browserWs"));
  },
};

/** Pages for one test file: each in its own browser context (its own storage, like its own device). */
export class Pages {
  private readonly contexts: BrowserContext[] = [];
  constructor(private readonly browser: Browser) {}

  /** Opens a page of `size`; a phone gets touch and a 2× screen. `locale` is a UI language chosen earlier. */
  async open(size: { width: number; height: number }, options: { phone?: boolean; locale?: string } = {}) {
    const context = await this.browser.newContext({
      viewport: size,
      ...(options.phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
    });
    this.contexts.push(context);
    if (options.locale) {
      await context.addInitScript((l) => localStorage.setItem("hotseat.locale", l), options.locale);
    }
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("page error:", e.message));
    return page;
  }

  /** Closes every page this file opened. */
  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
  }
}

/** Logs how long each stage took since `startedAt`, so a slow machine shows where the time goes. */
export function stageLogger(name: string): (stage: string) => void {
  const startedAt = Date.now();
  return (stage) => console.log(`[e2e ${name} ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${stage}`);
}

/** Waits for the client's test hook to say the page has booted. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__hotseat?.ready === true, null, { timeout: 30_000, polling: 100 });
}

/** Waits until the page shows scene `key` ("home", "trainee", "projector", "trainer", "debrief"). */
export async function waitScene(page: Page, key: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((k) => window.__hotseat?.scene() === k, key, { timeout, polling: 100 });
}

/** What a waiter last read from the page, kept in the page under the waiter's own key. */
type SeenInPage = { __hotseatSeen?: Record<string, unknown> };
let nextWaiter = 0;

/**
 * Reads the page's store state (replaced on every change) or its scene's model (serialised: a scene may
 * redraw into the same object) and remembers it in the page for {@link untilChanged}.
 */
async function readRemembering(page: Page, what: "view" | "model", key: string): Promise<unknown> {
  return page.evaluate(
    ([w, k]) => {
      const hook = window.__hotseat;
      const value = w === "view" ? hook?.state().view : hook?.model();
      const seen = ((window as unknown as SeenInPage).__hotseatSeen ??= {});
      seen[k] = w === "view" ? hook?.state() : JSON.stringify(value);
      return value;
    },
    [what, key] as const,
  );
}

/** Waits, inside the page, until what this waiter last read has changed there, or `timeout` ms passed. */
async function untilChanged(page: Page, what: "view" | "model", key: string, timeout: number): Promise<void> {
  await page
    .waitForFunction(
      ([w, k]) => {
        const hook = window.__hotseat;
        const now = w === "view" ? hook?.state() : JSON.stringify(hook?.model());
        return now !== (window as unknown as SeenInPage).__hotseatSeen?.[k];
      },
      [what, key] as const,
      { timeout: Math.max(1, timeout), polling: 50 },
    )
    // Running out of time is the caller's to report, with what the page showed last.
    .catch(() => undefined);
}

/** The page's current role view (undefined before the first one arrives). */
export async function viewOf<V = AnyView>(page: Page): Promise<V | undefined> {
  return (await page.evaluate(() => window.__hotseat?.state().view)) as V | undefined;
}

/**
 * Waits until the page's role view satisfies `check`, and returns that view. The predicate is ordinary
 * typed code that runs in the test (so it may use the test's variables); the view is read from the page
 * again each time the page's state changes.
 */
export async function waitView<V extends AnyView>(
  page: Page,
  check: (view: V) => boolean,
  what = "a matching view",
  timeout = 20_000,
): Promise<V> {
  const start = Date.now();
  const key = `view${nextWaiter++}`;
  let last: V | undefined;
  for (;;) {
    last = (await readRemembering(page, "view", key)) as V | undefined;
    if (last !== undefined && check(last)) return last;
    if (Date.now() - start > timeout) {
      throw new Error(
        `timed out after ${timeout} ms on ${page.url()} waiting for ${what}; last view: ${
          JSON.stringify(last)?.slice(0, 1500) ?? "none"
        }`,
      );
    }
    await untilChanged(page, "view", key, timeout - (Date.now() - start));
  }
}

/** The page's scene model (what it last drew), once `check` holds for it. */
export async function waitModel<M>(page: Page, check: (model: M) => boolean, what: string): Promise<M> {
  const start = Date.now();
  const key = `model${nextWaiter++}`;
  for (;;) {
    const model = (await readRemembering(page, "model", key)) as M | undefined;
    if (model !== undefined && check(model)) return model;
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what} on ${page.url()}`);
    await untilChanged(page, "model", key, 20_000 - (Date.now() - start));
  }
}

/**
 * The accessibility tree of `locator` once every live region has its text: a canvas page's accessible layer
 * (A11yLayer) gives a new live region its text 120 ms after it appears, so that screen readers notice it.
 */
export async function ariaOf(locator: Locator): Promise<string> {
  await locator.page().waitForFunction(() => document.querySelector("[data-pending]") === null, null, {
    timeout: 10_000,
  });
  return locator.ariaSnapshot();
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
  // Wait until the button is enabled and has stayed in the same place for two polls: a scene that is still
  // redrawing (a new view just arrived) replaces its buttons, and the press and the release must land on one.
  const steady = async () =>
    page.waitForFunction(
      (wanted) => {
        const w = window as unknown as { __lastRect?: string };
        const t = window.__hotseat?.targets().find((x) => x.id === wanted && x.enabled);
        const rect = t ? `${t.x},${t.y},${t.w},${t.h}` : undefined;
        const same = rect !== undefined && w.__lastRect === `${wanted}@${rect}`;
        w.__lastRect = `${wanted}@${rect}`;
        return same;
      },
      id,
      { timeout: 20_000, polling: 100 },
    );
  await page.evaluate(() => delete (window as unknown as { __lastRect?: string }).__lastRect);
  try {
    await steady();
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
  const viewport = page.viewportSize();
  let target = (await targets(page)).find((t) => t.id === id);
  for (let i = 0; target && viewport && target.y + target.h / 2 > viewport.height - 10 && i < 12; i++) {
    const before = target.y;
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, Math.min(400, target.y + target.h / 2 - viewport.height / 2));
    // The page has scrolled when the button's page position moves.
    await page.waitForFunction(
      ([wanted, y]) => window.__hotseat?.targets().find((t) => t.id === wanted)?.y !== y,
      [id, before] as const,
      { timeout: 5_000, polling: "raf" },
    );
    await steady();
    target = (await targets(page)).find((t) => t.id === id);
  }
  if (!target) throw new Error(`no target ${id}`);
  await page.mouse.click(target.x + target.w / 2, target.y + Math.min(target.h / 2, 30));
}

/** The ids of the option cards on a page, in order, once this view's cards are drawn. */
export async function optionIds(page: Page): Promise<string[]> {
  // The scene draws the cards on the frame after the view arrives: wait for this view's first card rather
  // than read the previous step's (or none) too soon.
  await page.waitForFunction(
    () => {
      const view = window.__hotseat?.state().view;
      const first = view && "options" in view ? view.options?.[0]?.id : undefined;
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

/**
 * Whether this run saves the screenshots a human looks at (`npm run screenshots`). `npm test` does not: a
 * PNG of a 1920x1080 page costs the shared 2-core machine half a second, and the tests assert on the views
 * and models, not on the pictures. Screenshots that a test compares pixel by pixel are taken either way.
 */
export const screenshotsOn = process.env.HOTSEAT_SCREENSHOTS === "1";

/** Saves a screenshot of `page` at `path` when this run saves screenshots (see {@link screenshotsOn}). */
export async function saveShot(
  page: Page,
  path: string,
  options: Omit<NonNullable<Parameters<Page["screenshot"]>[0]>, "path"> = {},
): Promise<void> {
  if (!screenshotsOn) return;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ ...options, path });
}

/**
 * Waits until no tween has moved for ten animation frames in a row: a tween starts on the frame after a view
 * arrives, not with it, and a sequence may rest a moment between its steps.
 */
export async function waitCalm(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __calm?: number }).__calm = 0));
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __calm: number };
      w.__calm = (window.__hotseat?.settled() ?? true) ? w.__calm + 1 : 0;
      return w.__calm >= 10;
    },
    null,
    { timeout: 20_000, polling: "raf" },
  );
}

/** Saves a screenshot into artifacts/screenshots once the page's animations have settled. */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshotsOn) return;
  await waitCalm(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveShot(page, join(screenshotDir, `${name}.png`));
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
