import { describe, expect, it } from "vitest";
import { clickTarget, optionIds, shoot, stageLogger, waitModel, waitView } from "../harness";
import type { ProjectorView, TraineeView, TrainerView } from "../harness";
import { openWorkshop, usePages } from "./workshopFixture";

const pages = usePages();
const stage = stageLogger("hot seat");

describe("the hot seat in the browser", () => {
  it("lets one trainee answer for the room while the others secretly mark what they would say", async () => {
    const { trainer, projector, trainees, byName } = await openWorkshop(pages());
    stage("The wall's lobby shows the names arriving; the trainer can hide them.");
    const lobby = await waitView<ProjectorView>(projector, (v) => (v.lobbyNames?.length ?? 0) === 3);
    expect(lobby.lobbyNames).toHaveLength(3);
    await shoot(projector, "../flow/projector-lobby-names-1920");
    await shoot(trainer, "../flow/trainer-lobby-1920");
    await clickTarget(trainer, "ctl.names");
    await waitView<ProjectorView>(projector, (v) => v.lobbyNames === undefined);
    await clickTarget(trainer, "ctl.names");
    await waitView<ProjectorView>(projector, (v) => v.lobbyNames !== undefined);

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
    await clickTarget(other, firstId);
    await waitView<TraineeView>(other, (v) => v.myMark !== undefined);
    await clickTarget(holder, firstId);
    // The wall shows how the room would have answered beside the seated answer.
    const wall = await waitView<ProjectorView>(projector, (v) => v.phase === "revealed");
    expect(wall.roomAnswers?.map((a) => [a.optionId, a.count, a.chosen])).toEqual([
      [firstId.slice("option.".length), 1, true],
      [secondId.slice("option.".length), 1, false],
    ]);
    await waitModel<{ roomAnswers?: unknown }>(
      projector,
      (m) => m.roomAnswers !== undefined,
      "the room's answers",
    );
    const revealed = await waitView<TraineeView>(other, (v) => v.phase === "revealed");
    expect(revealed.result?.optionId).toBe(firstId.slice("option.".length));

    stage("The room discusses; the next options appear when the trainer presses Next.");
    expect(wall.options).toEqual([]);
    expect((await waitView<TraineeView>(holder, (v) => v.phase === "revealed")).options).toEqual([]);
    await shoot(projector, "../flow/projector-hotseat-room-answers-1920");
    await shoot(trainer, "../flow/trainer-hotseat-revealed-1920");
    await shoot(observer, "../flow/trainee-hotseat-revealed-390");
    // The console on a phone is a remote with touch buttons: no keyboard hints like "(N)".
    await trainer.setViewportSize({ width: 390, height: 844 });
    await trainer.waitForSelector("#remote-ctl-next");
    expect(await trainer.textContent("#trainer-remote")).not.toMatch(/\([A-Z]\)/);
    await shoot(trainer, "../flow/trainer-remote-hotseat-390");
    await trainer.setViewportSize({ width: 1920, height: 1080 });
    await trainer.waitForSelector("#trainer-remote", { state: "detached" });
    await clickTarget(trainer, "ctl.next");
    const next = await waitView<TraineeView>(holder, (v) => v.phase === "deciding" && v.can === "choose");
    expect(next.options.length).toBeGreaterThan(0);
    await waitView<TraineeView>(observer, (v) => v.can === "mark");
    await shoot(observer, "../flow/trainee-hotseat-mark-390");

    await trainer.keyboard.press("e");
    await waitView(projector, (v) => v.phase === "debrief");
  }, 300_000);
});
