import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { blankScenario, draftResponseSchema } from "@hotseat/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { useOwnServer } from "./browserTestFixture";
import { repoRoot, stageLogger, waitReady, saveShot } from "./harness";

// The Studio gets a server of its own: publishing adds to the library, which the other browser tests list.
const shots = join(repoRoot, "artifacts", "studio");
const stage = stageLogger("studio");
const test = useOwnServer("studio");

beforeAll(() => mkdirSync(shots, { recursive: true }));

const sizes = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** The editor's line holding `text`. */
const lineWith = (page: Page, text: string) => page.locator(".cm-line", { hasText: text });

/** Replaces the last `count` characters of the line holding `text` with `typed`, as a trainer types. */
async function retype(page: Page, text: string, count: number, typed: string): Promise<void> {
  await lineWith(page, text).click();
  await page.keyboard.press("End");
  for (let i = 0; i < count; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type(typed, { delay: 30 });
}

describe("the Studio", () => {
  it("writes a scenario from the blank template, shows HS003 at the misspelt target, publishes it and hosts it", async () => {
    const page = await test.open(sizes[0]!);
    await page.goto(`${test.url()}/studio`);
    await page.locator(".studio-library tbody tr").first().waitFor();
    await expect(
      page.locator(".studio-library tbody tr", { hasText: "ruined-hat" }).textContent(),
    ).resolves.toMatch(/Ready/);
    stage("library");
    await page.getByRole("button", { name: "New scenario" }).click();
    await page.waitForURL(/\/studio\/new-scenario$/);
    await lineWith(page, "target: calm-end").waitFor();
    await page.getByText("Saved · version 1").waitFor();
    await page.locator(".studio-map g[data-state='calm-end']").waitFor();
    stage("editor");

    await retype(page, "target: calm-end", 3, "ned");
    const marker = lineWith(page, "target: calm-ned").locator(".hs-diag-HS003");
    // The marker of a check made while typing moves with the text until the check of the whole word.
    await expect.poll(() => marker.textContent()).toBe("calm-ned");
    await page.locator(".studio-problems button[data-code='HS003']").waitFor();
    await expect(page.getByRole("button", { name: "Publish" }).isDisabled()).resolves.toBe(true);
    await page.getByText("Saved · version 2").waitFor();
    await saveShot(page, join(shots, "editor-error-1440x900.png"));
    stage("HS003 shown");

    // Clicking the problem puts the cursor on that line.
    await page.locator(".studio-problems button[data-code='HS003']").click();
    await retype(page, "target: calm-ned", 3, "end");
    await page.locator(".hs-diag-HS003").waitFor({ state: "detached" });
    await expect(page.locator(".studio-problems button[data-code='HS003']").count()).resolves.toBe(0);
    await page.getByText("Saved · version 3").waitFor();
    stage("fixed");

    // A click on the map selects the state and takes the editor to it.
    await page.locator(".studio-map g[data-state='lost-end']").click();
    await page.locator(".studio-map g.selected[data-state='lost-end']").waitFor();
    await saveShot(page, join(shots, "editor-1440x900.png"));

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 3 is playable").waitFor();
    await saveShot(page, join(shots, "published-1440x900.png"));
    stage("published");
    await page.getByRole("button", { name: "Host a session with it" }).click();
    await page.waitForURL(/\/trainer\/[A-Z0-9]+$/);
    await waitReady(page);
    const code = new URL(page.url()).pathname.split("/").pop() ?? "";
    const status = (await (await fetch(`${test.url()}/api/sessions/${code}`)).json()) as {
      scenario?: { id: string };
    };
    expect(status.scenario?.id).toBe("new-scenario");
    stage("hosted");
  });

  it("looks right at 1440x900 and 1920x1080: library, editor and a read-only built-in", async () => {
    for (const size of sizes) {
      const tag = `${size.width}x${size.height}`;
      const page = await test.open(size);
      await page.goto(`${test.url()}/studio`);
      await page.locator(".studio-library tbody tr", { hasText: "new-scenario" }).waitFor();
      await saveShot(page, join(shots, `library-${tag}.png`));
      await page.goto(`${test.url()}/studio/ruined-hat`);
      await page.getByText("A built-in scenario is read-only").waitFor();
      await page.locator(".studio-map g[data-state]").first().waitFor();
      await saveShot(page, join(shots, `builtin-${tag}.png`));
      await page.goto(`${test.url()}/studio/new-scenario`);
      await page.locator(".studio-map g[data-state]").first().waitFor();
      await saveShot(page, join(shots, `editor-${tag}.png`));
    }
  });

  it("saves the last keystrokes when the tab closes before the autosave's pause", async () => {
    const created = await fetch(`${test.url()}/api/studio/drafts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: blankScenario("closing-tab") }),
    });
    expect(created.ok).toBe(true);
    const page = await test.open(sizes[0]!);
    await page.goto(`${test.url()}/studio/closing-tab`);
    await page.getByText("Saved · version 1").waitFor();
    await retype(page, "name: Alex", 4, "Ola");
    // Closed at once, well inside the 1.2 s pause: only the request sent as the page goes saves it.
    await page.close({ runBeforeUnload: true });
    const draft = async () =>
      draftResponseSchema.parse(await (await fetch(`${test.url()}/api/studio/drafts/closing-tab`)).json());
    await expect.poll(async () => (await draft()).version).toBe(2);
    expect((await draft()).source).toContain("name: Ola");
  });
});
