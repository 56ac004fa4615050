import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserTest } from "./browserTestFixture";
import { clickTarget, optionIds, waitReady, waitScene, waitView } from "./harness";
import type { ProjectorView, TraineeView } from "./harness";

// What the browser is told, and in which language: the wall's best path comes in its debrief view
// (no scenario download), practising alone is one request, a refusal reads in the page's language.

const e2e = useBrowserTest();
const server = { url: () => e2e.url() };

async function openPage(size: { width: number; height: number }, locale?: string): Promise<Page> {
  return e2e.open(size, locale ? { locale } : {});
}

/** Every API and matchmaking request a page makes, as "METHOD /path". */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/api/") || path.startsWith("/matchmake/")) seen.push(`${r.method()} ${path}`);
  });
  return seen;
}

describe("what the browser is told", () => {
  it("shows the wall the best path at the debrief without downloading the scenario", async () => {
    const hosted = await e2e.hostWithSdkTrainer();
    const wall = await openPage({ width: 1920, height: 1080 });
    const requests = recordRequests(wall);
    await wall.goto(`${server.url()}/projector/${hosted.code}`);
    await waitReady(wall);
    await waitView(wall, (v) => v.phase === "lobby");
    hosted.send("trainer.start");
    await waitView(wall, (v) => v.phase === "deciding");
    hosted.send("trainer.end");
    await waitScene(wall, "debrief");
    const best = (await waitView<ProjectorView>(wall, (v) => v.phase === "debrief")).best;
    expect(best?.labels.length).toBeGreaterThan(1);
    await wall.waitForFunction(
      () =>
        ((window.__hotseat?.model() as { best?: { labels: string[] } } | undefined)?.best?.labels.length ??
          0) > 1,
      null,
      { timeout: 20_000, polling: 100 },
    );
    expect(requests.filter((r) => /^GET \/api\/scenarios\/[^/]+$/.test(r))).toEqual([]);
  }, 120_000);

  it("hosts a practice in one request, and the page plays its own seat", async () => {
    const page = await openPage({ width: 390, height: 844 });
    const requests = recordRequests(page);
    await page.goto(server.url());
    await waitReady(page);
    await page.click("#practise-button");
    await page.waitForURL(/\/play\/[A-Z0-9]+$/, { timeout: 60_000 });
    await waitView<TraineeView>(
      page,
      (v) => v.style === "solo" && v.can === "choose",
      "the solo run",
      60_000,
    );
    await clickTarget(page, (await optionIds(page))[0] ?? "");
    await waitView<TraineeView>(page, (v) => v.phase === "revealed" && v.result !== undefined);
    // No hosting as a trainer, no second connection: one POST, then one join of the trainee's seat.
    expect(requests.filter((r) => r.startsWith("POST /api/"))).toEqual(["POST /api/practice"]);
    expect(requests.filter((r) => r.startsWith("POST /matchmake/"))).toHaveLength(1);
  }, 120_000);

  it("tells a Lithuanian page with a wrong join code so in Lithuanian", async () => {
    const page = await openPage({ width: 390, height: 844 }, "lt");
    await page.goto(server.url());
    await waitReady(page);
    await page.fill("#join-code", "ZZZZZZ");
    await page.fill("#join-name", "Ona");
    await page.click("#join-button");
    await page.waitForFunction(
      () => (document.querySelector("#join-error")?.textContent ?? "").includes("kod"),
      null,
      {
        polling: 100,
      },
    );
    const text = (await page.textContent("#join-error")) ?? "";
    expect(text).toBe(
      "Nepavyko prisijungti: Nė viena sesija neturi šio kodo. Patikrinkite kodą projektoriuje.",
    );
    expect(text).not.toMatch(/ZZZZZZ|not found/);
  }, 120_000);
});
