import { describe, expect, it } from "vitest";
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
});
