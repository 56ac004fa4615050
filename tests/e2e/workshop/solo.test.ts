import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { clickTarget, optionIds, shared, shoot, waitModel, waitReady, waitView } from "../harness";
import type { TraineeView } from "../harness";
import { phoneSize, usePages } from "./workshopFixture";

const pages = usePages();

describe("solo practice in the browser", () => {
  it("lets one trainee practise alone: a run they choose in themselves, with feedback", async () => {
    const page = await pages().open(phoneSize, { phone: true });
    await page.goto(shared.serverUrl());
    await waitReady(page);
    await page.click("#practise-button");
    await page.waitForURL(/\/play\/[A-Z0-9]+$/, { timeout: 60_000 });
    await waitView<TraineeView>(
      page,
      (v) => v.style === "solo" && v.can === "choose",
      "the solo run",
      60_000,
    );
    const [first] = await optionIds(page);
    if (first === undefined) throw new Error("the first decision has no options");
    await clickTarget(page, first);
    await waitView<TraineeView>(page, (v) => v.phase === "revealed" && v.result !== undefined);
    const model = await waitModel<{ reveal?: { label: string } }>(
      page,
      (m) => (m.reveal?.label.length ?? 0) > 3,
      "the revealed option's feedback",
    );
    expect(model.reveal?.label.length).toBeGreaterThan(3);
    await shoot(page, "practise-revealed-390");
  }, 300_000);

  it("ends a practice with a way on: try again, rewind to a decision, or go home", async () => {
    const page = await pages().open(phoneSize, { phone: true });
    await page.goto(shared.serverUrl());
    await waitReady(page);
    await page.click("#practise-button");
    await page.waitForURL(/\/play\/[A-Z0-9]+$/, { timeout: 60_000 });
    await playToTheEnd(page);
    // Real buttons a screen reader and the keyboard reach, not only pixels on the canvas.
    await page.waitForSelector("#solo-again");
    const tree = await page.locator("#solo-end").ariaSnapshot();
    expect(tree).toContain('button "↻ Try again"');
    expect(tree).toContain('button "⟲ Rewind"');
    expect(tree).toContain('button "⌂ Home"');
    await shoot(page, "../flow/solo-end-390");

    const steps = (await waitView<TraineeView>(page, (v) => v.phase === "debrief")).path?.length ?? 0;
    expect(steps).toBeGreaterThan(1);
    await page.selectOption("#solo-rewind-step", "1");
    await page.click("#solo-rewind");
    const rewound = await waitView<TraineeView>(page, (v) => v.phase === "deciding", "the rewind");
    expect(rewound.stepIndex).toBe(1);
    // The buttons leave with the debrief (the scene changes on the frame after the view).
    await page.waitForSelector("#solo-end", { state: "detached", timeout: 20_000 });

    await playToTheEnd(page);
    await page.focus("#solo-again");
    await page.keyboard.press("Enter");
    const again = await waitView<TraineeView>(page, (v) => v.phase === "deciding", "a fresh start");
    expect(again.stepIndex).toBe(0);

    await playToTheEnd(page);
    await page.click("#solo-home");
    await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
    await waitReady(page);
    expect(await page.$("#practise-button")).not.toBeNull();
  }, 300_000);
});

/** Plays the first option at every decision until the run reaches its ending. */
async function playToTheEnd(page: Page): Promise<void> {
  for (let turn = 0; turn < 30; turn++) {
    const view = await waitView<TraineeView>(
      page,
      (v) => v.phase === "debrief" || v.moveOn !== undefined || (v.can === "choose" && v.options.length > 0),
      "a decision, the ending or the end",
    );
    if (view.phase === "debrief") return;
    if (view.moveOn !== undefined) {
      // The last decision is revealed like the others; the ending and then the debrief come on a press.
      await clickTarget(page, "moveOn");
      await waitView<TraineeView>(page, (v) => v.phase !== view.phase || v.moveOn !== view.moveOn);
      continue;
    }
    const [first] = await optionIds(page);
    if (first === undefined) throw new Error("a decision without options");
    await clickTarget(page, first);
    await waitView<TraineeView>(page, (v) => v.phase === "debrief" || v.stepIndex > view.stepIndex);
  }
  throw new Error("the practice did not end within 30 decisions");
}
