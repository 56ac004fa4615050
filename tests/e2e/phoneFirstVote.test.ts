import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pl } from "../../client/src/i18n/pl";
import { useBrowserTest } from "./browserTestFixture";
import { shoot, waitView } from "./harness";
import type { TraineeView } from "./harness";

// Issue 8, "the phone's download": on a slow network a phone joins and votes on the page's HTML while
// Phaser is still on its way, and the canvas then takes over without losing the vote or the focus.
// The phone runs on DevTools' "Fast 3G" (the values of server/bench/phoneLoadBench.ts), so the order of
// arrivals is the real one: HTML, then the entry chunk, then Phaser seconds later. On a busy machine the
// join itself can take longer than Phaser's download, so the test holds Phaser's chunk until the vote is
// cast: "before Phaser" is then a fact of the test, not a race it usually wins.

const fast3g = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const e2e = useBrowserTest();
const server = { url: () => e2e.url() };

/** Holds every request for Phaser's chunk until `release` is called; `asked` counts the requests held. */
async function holdPhaser(page: Page): Promise<{ release: () => void; asked: () => number }> {
  let release = (): void => undefined;
  let asked = 0;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/phaser-[^/]*\.js$/, async (route) => {
    asked += 1;
    await released;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** A phone on Fast 3G, in `locale` when given. */
async function slowPhone(locale?: string): Promise<Page> {
  const page = await e2e.open({ width: 390, height: 844 }, { phone: true, ...(locale ? { locale } : {}) });
  page.setDefaultTimeout(30_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", fast3g);
  return page;
}

/** Hosts the flagship scenario, starts it and opens the first vote, as the console would. */
async function sessionWithOpenVote(): Promise<string> {
  const trainer = await e2e.hostWithSdkTrainer();
  trainer.send("trainer.start");
  await expect.poll(() => trainer.view()?.phase ?? "lobby", { timeout: 15_000 }).not.toBe("lobby");
  trainer.send("trainer.openVote");
  await expect.poll(() => trainer.view()?.vote?.open ?? false, { timeout: 15_000 }).toBe(true);
  return trainer.code;
}

describe("a phone on a slow network", () => {
  it("joins from the HTML, votes before Phaser has arrived, and keeps the vote and focus when the canvas takes over", async () => {
    const code = await sessionWithOpenVote();
    const phone = await slowPhone();
    const phaser = await holdPhaser(phone);
    await phone.goto(`${server.url()}/join/${code}`, { waitUntil: "commit" });
    await phone.locator("#join-name").waitFor({ state: "visible" });
    // The form is the HTML's own: no script of the app has run yet, the code is filled in, the name focused.
    expect(await phone.evaluate(() => window.__hotseat === undefined)).toBe(true);
    expect(await phone.inputValue("#join-code")).toBe(code);
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe("join-name");
    await shoot(phone, "fast3g-join-from-html-390");
    await phone.fill("#join-name", "Dana");
    await phone.click("#join-button");

    // The vote on the HTML page, with the options as buttons, while the canvas is not there yet.
    const view = await waitView<TraineeView>(phone, (v) => v.can === "vote");
    const second = `option.${view.options[1]?.id}`;
    await phone.locator(`#dom-page [data-target="${second}"]`).waitFor({ state: "visible" });
    expect(await phone.locator("#game canvas").count()).toBe(0);
    const page = await phone.locator("#dom-page").ariaSnapshot();
    for (const [i, option] of view.options.entries())
      expect(page).toContain(`button "${i + 1}. ${option.label}"`);
    expect(page).toContain(view.customer?.line ?? "no line");
    expect(page).toMatch(/status: Tap a response to vote\./);
    await shoot(phone, "fast3g-vote-on-html-390");
    await phone.locator(`#dom-page [data-target="${second}"]`).click();
    await waitView<TraineeView>(phone, (v) => v.myVote === view.options[1]?.id);
    await phone.waitForFunction(
      (id) =>
        document.querySelector(`#dom-page [data-target="${id}"]`)?.getAttribute("aria-pressed") === "true",
      second,
    );

    // The page did ask for Phaser (it is held, not missing), and now gets it.
    expect(phaser.asked()).toBeGreaterThan(0);
    phaser.release();

    // Phaser arrives: the trainee scene draws, the HTML page goes, the focus is on the same option there.
    await phone.waitForFunction(() => window.__hotseat?.ready === true, null, { timeout: 60_000 });
    expect(await phone.locator("#dom-page").count()).toBe(0);
    expect(await phone.evaluate(() => window.__hotseat?.scene())).toBe("trainee");
    expect(await phone.locator(`#a11y [data-target="${second}"]`).getAttribute("aria-pressed")).toBe("true");
    expect(await phone.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.target)).toBe(
      second,
    );
    await shoot(phone, "fast3g-canvas-took-over-390");
  });

  it("shows the form in the phone's language from the HTML and says why a wrong code fails", async () => {
    const phone = await slowPhone("pl");
    await phone.goto(`${server.url()}/join/ZZZZZZ`, { waitUntil: "commit" });
    await phone.locator("#join-name").waitFor({ state: "visible" });
    expect(await phone.locator("label", { has: phone.locator("#join-name") }).textContent()).toBe(
      pl["home.name"],
    );
    await phone.fill("#join-name", "Ola");
    await phone.click("#join-button");
    // The refusal in Polish, not the matchmaker's English `room "ZZZZZZ" not found`.
    const error = phone.locator("#join-error");
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain(pl["error.join.bad-code"]);
    expect(await error.textContent()).not.toContain("not found");
  });
});
