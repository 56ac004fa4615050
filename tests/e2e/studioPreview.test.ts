import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTestPlans } from "@hotseat/shared";
import { useOwnServer } from "./browserTestFixture";
import { repoRoot, stageLogger, saveShot } from "./harness";

// A server of its own: the copy this test makes must not show up in the other browser tests' libraries.
const shots = join(repoRoot, "artifacts", "preview");
const stage = stageLogger("studio preview");
const test = useOwnServer("preview");

// The shipped plan that plays the ruined hat to its best ending: the run the trainer clicks through.
const bestRun = loadTestPlans(
  readFileSync(join(repoRoot, "scenarios", "ruined-hat", "plans.yaml"), "utf8"),
  "plans.yaml",
).plans!.plans[0]!;

beforeAll(() => mkdirSync(shots, { recursive: true }));

const meterValue = (page: Page, name: string) =>
  page.getByRole("meter", { name }).getAttribute("aria-valuenow").then(Number);
const costTotal = (page: Page) => page.locator("#preview-cost-total").textContent();

describe("the Studio's preview and Paths & tests", () => {
  it("plays a copy of a built-in to an ending, saves the run as a plan that passes, and fails it by an edit", async () => {
    const page = await test.open({ width: 1440, height: 900 });
    await page.goto(`${test.url()}/studio`);
    await page
      .locator(".studio-library tbody tr", { hasText: "ruined-hat" })
      .getByRole("button", { name: "Edit a copy" })
      .click();
    await page.waitForURL(/\/studio\/ruined-hat-copy$/);
    await page.getByText("Saved · version 1").waitFor();
    await page.getByRole("tab", { name: "Preview" }).click();
    const phone = page.getByRole("region", { name: "The trainee's phone" });
    await phone.getByRole("button", { name: /./ }).first().waitFor();
    const startMood = await meterValue(page, "Mood");
    const startCost = await costTotal(page);
    await expect(phone.locator(".preview-face svg").count()).resolves.toBe(1);
    stage("preview open");

    // The trainee's way through, by keyboard: focus an answer and press Enter.
    for (const [i, option] of bestRun.choices.entries()) {
      const button = phone.locator(`button[data-option="${option}"]`);
      await button.focus();
      await page.keyboard.press("Enter");
      await page.getByText(`Choices: ${i + 1}`).waitFor();
      if (i === 2) await saveShot(page, join(shots, "preview-midway-1440x900.png"));
    }
    await phone.getByRole("region", { name: "The ending" }).waitFor();
    expect(await meterValue(page, "Mood")).toBeGreaterThan(startMood);
    expect(await costTotal(page)).not.toBe(startCost);
    await expect(phone.locator(".preview-cost li").count()).resolves.toBeGreaterThan(0);
    await expect(phone.locator(".preview-feedback").count()).resolves.toBe(1);
    const tree = await phone.ariaSnapshot();
    writeFileSync(join(shots, "preview-aria.txt"), tree);
    expect(tree).toMatch(/meter "Mood"/);
    await saveShot(page, join(shots, "preview-ending-1440x900.png"));
    stage("ending reached");

    await page.getByRole("button", { name: "Save this run as a test plan" }).click();
    await page.getByText(/Saved as the test plan/).waitFor();
    await page.getByRole("tab", { name: "Paths & tests" }).click();
    await page.getByText("1 passed, 0 failed").waitFor();
    await page.locator(".plans-list .plan-status .pass").waitFor();
    await page.getByText("Best for mood").waitFor();
    await saveShot(page, join(shots, "paths-pass-1440x900.png"));
    stage("plan passes");

    // Reputation starts lower in the edited text, so the saved plan's exact band no longer holds.
    const meters = page.locator(".cm-line", { hasText: "meters: { mood: 10, reputation: 70 }" });
    // The editor draws only the lines in view: scroll down to the meters.
    for (let tries = 0; tries < 20 && (await meters.count()) === 0; tries++) {
      await page.locator(".cm-scroller").evaluate((el) => el.scrollBy(0, 300));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    }
    await meters.click();
    await page.keyboard.press("End");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("60 }", { delay: 30 });
    await page.getByText("0 passed, 1 failed").waitFor();
    await expect(page.locator(".plan-failures li").first().textContent()).resolves.toMatch(
      /reputation ended at/,
    );
    await saveShot(page, join(shots, "paths-fail-1440x900.png"));
    const refreshMs = await page.locator(".studio-side").getAttribute("data-refresh-ms");
    stage(`plan fails; Paths & tests followed the edit in ${refreshMs ?? "?"} ms after the check`);

    // The plan was stored with the draft: a reload still has it, still failing on the saved text.
    await page.getByText("Saved · version 2").waitFor();
    await page.reload();
    await page.getByRole("tab", { name: "Paths & tests" }).click();
    await page.getByText("0 passed, 1 failed").waitFor();
    stage("plan kept over a reload");
  });

  it("looks right at 1440x900 and 1920x1080", async () => {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      const tag = `${size.width}x${size.height}`;
      const page = await test.open(size);
      await page.goto(`${test.url()}/studio/ruined-hat-copy`);
      await page.getByRole("tab", { name: "Preview" }).click();
      const phone = page.getByRole("region", { name: "The trainee's phone" });
      await phone.locator(`button[data-option="${bestRun.choices[0]!}"]`).click();
      await page.getByText("Choices: 1").waitFor();
      if (size.width === 1440) {
        // With the preview open, a click on the map moves the preview to that state.
        await page.locator(".studio-map g[data-state='viral-post']").click();
        await expect.poll(() => page.locator("#preview-jump").inputValue()).toBe("viral-post");
        await phone.getByRole("region", { name: "The ending" }).waitFor();
        // Another of the scenario's languages: the customer's words and the phone's labels follow.
        await page.locator("#preview-lang").selectOption("pl");
        await phone.getByRole("meter", { name: "Nastrój" }).waitFor();
        await saveShot(page, join(shots, "preview-jumped-pl-1440x900.png"));
        await page.getByRole("button", { name: "Start again" }).first().click();
        await page.locator("#preview-lang").selectOption("en");
        await phone.locator(`button[data-option="${bestRun.choices[0]!}"]`).click();
        await page.getByText("Choices: 1").waitFor();
      }
      // The phone fits the column whole: nothing of it is cut off.
      const box = (await phone.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      await saveShot(page, join(shots, `preview-${tag}.png`));
      await page.getByRole("tab", { name: "Paths & tests" }).click();
      await page.getByText("Best for mood").waitFor();
      await saveShot(page, join(shots, `paths-${tag}.png`));
    }
  });
});
