import { describe, expect, it } from "vitest";
import { clickTarget, optionIds, shoot, stageLogger, waitView } from "../harness";
import type { TraineeView, TrainerView } from "../harness";
import { openWorkshop, usePages } from "./workshopFixture";

const pages = usePages();
const stage = stageLogger("hot seat");

describe("the hot seat in the browser", () => {
  it("lets one trainee answer for the room while the others secretly mark what they would say", async () => {
    const { trainer, projector, trainees, byName } = await openWorkshop(pages());
    stage("The trainer picks the hot seat and passes the seat.");
    await clickTarget(trainer, "style.hot-seat");
    await waitView<TrainerView>(trainer, (v) => v.style === "hot-seat");
    await clickTarget(trainer, "ctl.seat");
    const seated = await waitView<TrainerView>(trainer, (v) => v.hotSeat !== undefined);
    await clickTarget(trainer, "ctl.start");
    const holder = byName(seated.hotSeat?.holderName ?? "");
    const [observer, other] = trainees.filter((p) => p !== holder);
    if (!observer || !other) throw new Error("the seat holder is not one of the three trainees");

    stage("The holder chooses; the others mark.");
    await waitView<TraineeView>(holder, (v) => v.can === "choose");
    for (const p of [observer, other]) await waitView<TraineeView>(p, (v) => v.can === "mark");
    const [firstId, secondId] = await optionIds(observer);
    if (firstId === undefined || secondId === undefined)
      throw new Error("the first decision has fewer than two options");
    await clickTarget(observer, secondId);
    const marked = await waitView<TraineeView>(observer, (v) => v.myMark !== undefined);
    expect(marked.myMark).toBe(secondId.slice("option.".length));
    await shoot(observer, "trainee-hotseat-390");
    await shoot(projector, "projector-hotseat-1920");
    await clickTarget(holder, firstId);
    await waitView(projector, (v) => v.phase === "revealed");
    const revealed = await waitView<TraineeView>(other, (v) => v.phase === "revealed");
    expect(revealed.result?.optionId).toBe(firstId.slice("option.".length));

    await trainer.keyboard.press("e");
    await waitView(projector, (v) => v.phase === "debrief");
  }, 300_000);
});
