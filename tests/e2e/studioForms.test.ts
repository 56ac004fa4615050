import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useOwnServer } from "./browserTestFixture";
import { repoRoot, stageLogger, waitReady, saveShot } from "./harness";

// A server of its own: publishing adds to the library, which the other browser tests list.
const shots = join(repoRoot, "artifacts", "forms");
const stage = stageLogger("forms");
const test = useOwnServer("forms");

beforeAll(() => mkdirSync(shots, { recursive: true }));

const sizes = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

const forms = (page: Page) => page.locator("#studio-forms");
const mapNodes = (page: Page) => page.locator(".studio-map g[data-state]");
async function nodesBecome(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll(".studio-map g[data-state]").length === n,
    count,
  );
}

describe("the Studio's forms", () => {
  it("write a whole scenario from the blank template without typing YAML, previewed, tested, published and hosted", async () => {
    const page = await test.open(sizes[0]!);
    await page.goto(`${test.url()}/studio`);
    await page.getByRole("button", { name: "New scenario" }).click();
    await page.waitForURL(/\/studio\/new-scenario$/);
    await page.getByText("Saved · version 1").waitFor();
    await nodesBecome(page, 3);
    const yaml = page.locator(".studio-text .cm-content");
    stage("blank");

    // The scenario's own texts.
    await forms(page).getByLabel("Title", { exact: true }).fill("The parcel that never came");
    await forms(page).getByLabel("Customer's name").fill("Marta");
    await expect.poll(() => yaml.textContent()).toContain("title: The parcel that never came");
    await page.locator("#studio-title", { hasText: "The parcel that never came" }).waitFor();

    // The first state, opened from the map.
    await page.locator(".studio-map g[data-state='opening']").click();
    await forms(page).getByRole("heading", { name: "State “opening”" }).waitFor();
    await forms(page).getByLabel("The customer says").fill("My parcel never came, and you took my money!");
    await forms(page).getByLabel("The trainee says").first().fill("I'm sorry. Tell me what happened.");

    // A second decision state between "listen" and its ending, then a third after it.
    await forms(page).getByRole("button", { name: "New state after this option" }).first().click();
    await forms(page).getByRole("heading", { name: "State “state”" }).waitFor();
    await nodesBecome(page, 4);
    await forms(page).getByLabel("The customer says").fill("It was for my daughter's birthday.");
    await forms(page).getByLabel("Emotion", { exact: true }).selectOption("regret");
    await forms(page).getByLabel("The trainee says").fill("That matters. Let me find it for you now.");
    await forms(page).getByLabel("Mood", { exact: true }).fill("8");
    await forms(page).getByText("Techniques").click();
    await forms(page).getByLabel("Acknowledges the emotion").check();
    await forms(page).getByLabel("Expert's feedback").fill("Naming what is at stake shows she was heard.");
    await forms(page).getByRole("button", { name: "New state after this option" }).click();
    await forms(page).getByRole("heading", { name: "State “state-2”" }).waitFor();
    await nodesBecome(page, 5);
    await forms(page).getByLabel("The customer says").fill("So where is it now?");
    await forms(page).getByLabel("The trainee says").fill("At the depot. A courier brings it tonight.");
    await forms(page).getByRole("button", { name: "Add an option" }).click();
    await forms(page).getByLabel("The trainee says").nth(1).fill("Nothing I can do, it is the courier.");
    await forms(page).getByLabel("Leads to").nth(1).selectOption("lost-end");
    await forms(page).getByLabel("Mood", { exact: true }).nth(1).fill("-15");
    stage("three decision states");

    // A state's id is renamed in its form, with the option that leads there.
    await forms(page).getByLabel("Id (in the text and on the map)").fill("where-now");
    await forms(page).getByLabel("Id (in the text and on the map)").press("Tab");
    await page.locator(".studio-map g[data-state='where-now']").waitFor();
    await expect.poll(() => yaml.textContent()).toContain("target: where-now");
    await forms(page).getByRole("heading", { name: "State “where-now”" }).waitFor();

    await expect.poll(() => yaml.textContent()).toContain("target: lost-end");
    await expect.poll(() => yaml.textContent()).toContain("tags: [acknowledges-emotion]");
    await page.getByText("Errors: 0 ·").waitFor();
    await expect(page.locator(".studio-problems .sev-error").count()).resolves.toBe(0);
    await expect(mapNodes(page).count()).resolves.toBe(5);
    await saveShot(page, join(shots, "forms-built-1440x900.png"));

    // Played in the preview as a trainee would, and the run kept as a test plan that passes.
    await page.getByRole("tab", { name: "Preview" }).click();
    const phone = page.getByRole("region", { name: "The trainee's phone" });
    for (const [i, answer] of [
      "I'm sorry. Tell me what happened.",
      "That matters. Let me find it for you now.",
      "At the depot. A courier brings it tonight.",
    ].entries()) {
      await phone.getByRole("button", { name: answer }).click();
      await page.getByText(`Choices: ${i + 1}`).waitFor();
    }
    await phone.getByRole("region", { name: "The ending" }).waitFor();
    await page.getByRole("button", { name: "Save this run as a test plan" }).click();
    await page.getByText(/Saved as the test plan/).waitFor();
    await page.getByRole("tab", { name: "Paths & tests" }).click();
    await page.getByText("1 passed, 0 failed").waitFor();
    stage("previewed to an ending; the run is a passing test plan");

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(/Version \d+ is playable/).waitFor();
    stage("published");

    // Hosted from the trainer's library on the home page, on the server that was never restarted.
    const home = await test.open(sizes[0]!);
    await home.goto(test.url());
    const library = home.locator("#scenario-select");
    await library.locator("option[value='new-scenario']").waitFor({ state: "attached" });
    await library.selectOption("new-scenario");
    await home.click("#host-button");
    await home.waitForURL(/\/trainer\/[A-Z0-9]+$/);
    await waitReady(home);
    const code = new URL(home.url()).pathname.split("/").pop() ?? "";
    const status = (await (await fetch(`${test.url()}/api/sessions/${code}`)).json()) as {
      scenario?: { id: string };
    };
    expect(status.scenario?.id).toBe("new-scenario");
    stage("hosted");
  });

  it("look right at 1440x900 and 1920x1080, and a text edit shows in the open form", async () => {
    for (const size of sizes) {
      const tag = `${size.width}x${size.height}`;
      const page = await test.open(size);
      await page.goto(`${test.url()}/studio/new-scenario`);
      await mapNodes(page).first().waitFor();
      await saveShot(page, join(shots, `scenario-form-${tag}.png`));
      await page.locator(".studio-map g[data-state='state']").click();
      await forms(page).getByRole("heading", { name: "State “state”" }).waitFor();
      await saveShot(page, join(shots, `state-form-${tag}.png`));
      await forms(page).locator("select#forms-pick").selectOption("e:calmed");
      await forms(page).getByRole("heading", { name: "Ending “calmed”" }).waitFor();
      await saveShot(page, join(shots, `ending-form-${tag}.png`));
    }
    // A change typed into the text shows in the form that is open.
    const page = await test.open(sizes[0]!);
    await page.goto(`${test.url()}/studio/new-scenario`);
    await mapNodes(page).first().waitFor();
    await page.locator(".cm-line", { hasText: "title: The customer calms down" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" at last", { delay: 20 });
    await forms(page).locator("select#forms-pick").selectOption("e:calmed");
    await expect
      .poll(() => forms(page).getByLabel("Title", { exact: true }).inputValue())
      .toBe("The customer calms down at last");
    // A form change is one step of the editor's history: undo in the text takes it back.
    await forms(page).getByLabel("Title", { exact: true }).fill("Undo me");
    await expect
      .poll(() => page.locator(".studio-text .cm-content").textContent())
      .toContain("title: Undo me");
    await page.locator(".cm-line", { hasText: "formatVersion" }).click();
    await page.keyboard.press("Control+z");
    await expect
      .poll(() => forms(page).getByLabel("Title", { exact: true }).inputValue())
      .toBe("The customer calms down at last");
  });
});
