import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import { Pages, repoRoot, shared, saveShot } from "./harness";

// The Studio's editor tools on the 20-state flagship: completion and hover help, the map's zoom and fit, and
// the version history with restore. A server of its own: the drafts made here stay out of other tests.
const dataDir = mkdtempSync(join(tmpdir(), "hotseat-e2e-studiotext-"));
const shots = join(repoRoot, "artifacts", "studiotext");
let server: ServerProcess;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServerProcess(
    await freePort(),
    {
      HOTSEAT_DATA_DIR: dataDir,
      HOTSEAT_SCENARIOS_DIR: join(repoRoot, "scenarios"),
      HOTSEAT_CLIENT_DIR: shared.clientDir(),
    },
    120_000,
  );
  browser = await shared.browser();
  pages = new Pages(browser);
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const flagship = readFileSync(join(repoRoot, "scenarios", "ruined-hat", "scenario.yaml"), "utf8");

/** A draft copy of the flagship under `id`, made through the API as the library's "Edit a copy" does. */
async function copyOfFlagship(id: string): Promise<void> {
  const res = await fetch(`${server.url}/api/studio/drafts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ source: flagship.replace(/^id: ruined-hat$/m, `id: ${id}`) }),
  });
  expect(res.status).toBe(201);
}

const scenarioIds = async () =>
  (
    (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string }[] }
  ).scenarios.map((s) => s.id);

/** Puts the cursor right after the first `text`, found with the editor's search (which selects it). */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+f");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight");
}

/**
 * The whole text in the editor, as "Download YAML" gives it: CodeMirror draws only the lines in view, so the
 * page's text would miss an edit further down.
 */
async function editorText(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download YAML" }).click(),
  ]);
  // The browser runs apart from this process: read the file through Playwright, not from a path.
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

describe("the Studio's editor tools", () => {
  it("completes guards with their params, explains fields on hover, zooms and fits the map", async () => {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      // A copy for each size: the edit below leaves an unknown guard name behind, saved with the draft.
      await copyOfFlagship(`tools-hat-${size.width}`);
      const page = await pages.open(size);
      await page.goto(`${server.url}/studio/tools-hat-${size.width}`);
      await page.locator(".studio-map g[data-state]").first().waitFor();
      const tag = `${size.width}x${size.height}`;

      // A new branch's guard: the guard names come with their params.
      await cursorAfter(page, "target: public-spat");
      await page.keyboard.press("Enter");
      await page.keyboard.type("guard: { type: moodB");
      const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "moodBelow" });
      await option.waitFor();
      await expect(
        page.locator(".cm-tooltip-autocomplete li[aria-selected] .cm-completionDetail").textContent(),
      ).resolves.toContain("value");
      // The check has seen the half-typed name: the picture shows its problem beside the popup.
      await page.locator('#studio-problems [data-code="HS005"]').waitFor();
      await saveShot(page, join(shots, `editor-completion-${tag}.png`));
      await page.keyboard.press("Enter");
      await page
        .locator(".cm-line", { hasText: "guard: { type: moodBelow, params: { value: 10 } }" })
        .waitFor();
      await page.keyboard.press("Control+z");

      // Hovering a key explains it.
      await page
        .locator(".cm-line", { hasText: /^\s+initial:/ })
        .first()
        .locator("text=initial")
        .hover();
      const help = page.locator(".studio-help");
      await help.waitFor();
      await expect(help.textContent()).resolves.toContain("starts in");
      await saveShot(page, join(shots, `editor-hover-${tag}.png`));
      await page.mouse.move(0, 0);

      // Zoom in, then Fit shows the whole map inside its panel.
      const box = page.locator("#studio-map");
      const zoom = async () => Number(await box.getAttribute("data-zoom"));
      await page.getByRole("button", { name: "Zoom in" }).click();
      expect(await zoom()).toBeCloseTo(1.25, 2);
      await saveShot(page, join(shots, `map-zoomed-${tag}.png`));
      await page.getByRole("button", { name: "Fit", exact: true }).click();
      expect(await zoom()).toBeLessThan(1);
      const [svg, panel] = await Promise.all([box.locator("svg").boundingBox(), box.boundingBox()]);
      expect(svg!.width).toBeLessThanOrEqual(panel!.width);
      expect(svg!.height).toBeLessThanOrEqual(panel!.height);
      await saveShot(page, join(shots, `map-fit-${tag}.png`));
      // The keyboard reaches the buttons: Actual size is a button like the others.
      await page.getByRole("button", { name: "Actual size" }).focus();
      await page.keyboard.press("Enter");
      expect(await zoom()).toBe(1);
      await page.close();
    }
  });

  it("lists every saved version, shows one read-only, restores it, and tells of another tab's save", async () => {
    await copyOfFlagship("history-hat");
    const page = await pages.open({ width: 1440, height: 900 });
    await page.goto(`${server.url}/studio/history-hat`);
    await page.locator(".studio-map g[data-state]").first().waitFor();
    // At the end of the first customer's English line, before its closing quote: the text stays valid.
    await cursorAfter(page, "buy this rubbish.");
    await page.keyboard.type(" (edited)");
    await page.getByText("Saved · version 2").waitFor();

    await page.getByRole("button", { name: "History" }).click();
    const dialog = page.getByRole("dialog", { name: "Saved versions" });
    await dialog.getByRole("button", { name: /Version 1/ }).waitFor();
    await expect(dialog.getByRole("button", { name: /Version 2/ }).textContent()).resolves.toContain(
      "current",
    );
    await dialog.getByRole("button", { name: /Version 1/ }).click();
    await dialog.getByText("lines added 1, lines removed 1").waitFor();
    await expect(dialog.locator("pre").textContent()).resolves.not.toContain("(edited)");
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await saveShot(page, join(shots, `history-${size.width}x${size.height}.png`));
    }
    await dialog.getByRole("button", { name: "Restore version 1" }).click();
    await dialog.getByText("Version 1 was restored as version 3.").waitFor();
    // The dialog is modal: close it to reach the editor's own buttons.
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await editorText(page)).not.toContain("(edited)");

    // Another tab saves meanwhile: restoring is refused and says so, with a way to load the newest.
    const other = await fetch(`${server.url}/api/studio/drafts/history-hat`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        baseVersion: 3,
        source: flagship.replace(/^id: ruined-hat$/m, "id: history-hat"),
      }),
    });
    expect(other.status).toBe(200);
    await page.getByRole("button", { name: "History" }).click();
    await dialog.getByRole("button", { name: /Version 2/ }).click();
    await dialog.getByRole("button", { name: "Restore version 2" }).click();
    await dialog.getByText("Another tab saved version 4 meanwhile").waitFor();
    await dialog.getByRole("button", { name: "Load the newest" }).click();
    await dialog.getByRole("button", { name: /Version 4/ }).waitFor();
    await dialog.getByRole("button", { name: "Restore version 2" }).click();
    await dialog.getByText("Version 2 was restored as version 5.").waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await editorText(page)).toContain("(edited)");
    await page.close();
  });

  it("withdraws a published scenario from the library with one button", async () => {
    await copyOfFlagship("withdrawn-hat");
    const published = await fetch(`${server.url}/api/studio/drafts/withdrawn-hat/publish`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: 1 }),
    });
    expect(published.status).toBe(200);
    expect(await scenarioIds()).toContain("withdrawn-hat");
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await pages.open(size);
      await page.goto(`${server.url}/studio/withdrawn-hat`);
      await page.getByText("Playable: version 1").waitFor();
      await saveShot(page, join(shots, `published-${size.width}x${size.height}.png`));
      await page.close();
    }
    const page = await pages.open({ width: 1440, height: 900 });
    await page.goto(`${server.url}/studio/withdrawn-hat`);
    await page.getByRole("button", { name: "Withdraw" }).click();
    await page.getByText("Withdrawn: new sessions can no longer host it.").waitFor();
    await page.getByText("Not published").waitFor();
    await expect(page.getByRole("button", { name: "Withdraw" }).isHidden()).resolves.toBe(true);
    await saveShot(page, join(shots, "withdrawn-1440x900.png"));
    expect(await scenarioIds()).not.toContain("withdrawn-hat");
    await page.close();
  });
});
