import { describe, expect, it } from "vitest";
import {
  clickTarget,
  optionIds,
  ariaOf,
  shoot,
  shootAt,
  stageLogger,
  viewOf,
  waitModel,
  waitReady,
  waitScene,
  waitView,
} from "../harness";
import type { ProjectorView, TraineeView, TrainerView } from "../harness";
import {
  everyoneInDebrief,
  openWorkshop,
  phoneSize,
  scenarioId,
  stageSize,
  usePages,
} from "./workshopFixture";

const pages = usePages();
const stage = stageLogger("class vote");

describe("a class vote in the browser", () => {
  it("runs from phones, projector and console: vote, change, reload, reveal from the remote, rewind, debrief", async () => {
    stage("The trainer hosts; a projector and three trainees join.");
    const w = await openWorkshop(pages(), true);
    const { trainer, projector, ana, ben, cleo, trainees } = w;
    await shoot(projector, "projector-lobby-1920");
    await shoot(trainer, "trainer-lobby-1920");
    await shoot(ana, "trainee-lobby-390");

    stage("A broken upload shows diagnostics with codes and lines, and is not selected.");
    await trainer.setInputFiles("#upload-input", {
      name: "broken.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(
        "formatVersion: 1\nid: broken\ntitle: Broken\nmachine:\n  initial: nowhere\n  states: {}\n",
      ),
    });
    await trainer.waitForFunction(
      () => document.querySelector("#diagnostics")?.textContent?.includes("HS0"),
      null,
      {
        polling: 100,
      },
    );
    expect(await trainer.textContent("#diagnostics")).toMatch(/broken\.yaml:\d+:\d+ error HS0\d\d/);
    expect((await viewOf<TrainerView>(trainer))?.scenario?.id).toBe(scenarioId);
    await shoot(trainer, "trainer-upload-diagnostics-1920");

    stage("The class votes.");
    await clickTarget(trainer, "style.class-vote");
    await clickTarget(trainer, "ctl.start");
    await waitView(trainer, (v) => v.phase === "deciding");
    await clickTarget(trainer, "ctl.vote");
    for (const p of trainees) await waitView<TraineeView>(p, (v) => v.can === "vote");
    const [firstId, secondId] = await optionIds(ana);
    if (firstId === undefined || secondId === undefined)
      throw new Error("the first decision has fewer than two options");
    await clickTarget(ana, firstId);
    await clickTarget(ben, firstId);
    await clickTarget(cleo, secondId);
    await waitView<TraineeView>(cleo, (v) => v.myVote === secondId.slice("option.".length));

    stage("Cleo changes her mind: the phone says so.");
    await clickTarget(cleo, firstId);
    await waitView<TraineeView>(cleo, (v) => v.myVote === firstId.slice("option.".length));
    await waitModel<{ status?: string }>(
      cleo,
      (m) => /changed/i.test(m.status ?? ""),
      "the changed-vote status",
    );

    stage("Ana reloads mid-vote and keeps her seat and her vote.");
    const before = await waitView<TraineeView>(ana, (v) => v.myVote !== undefined);
    await ana.reload();
    await waitReady(ana);
    const after = await waitView<TraineeView>(ana, (v) => v.can === "vote");
    expect(after.me.id).toBe(before.me.id);
    expect(after.myVote).toBe(before.myVote);
    await waitView<ProjectorView>(projector, (v) => v.votesCast === 3);
    await shoot(ana, "trainee-vote-390");
    await shoot(projector, "projector-voting-1920");
    await shoot(trainer, "trainer-voting-1920");
    await shootAt(ben, "trainee-vote-1920", stageSize);
    await shootAt(projector, "projector-voting-390", phoneSize);

    stage(
      "On a phone the console is a remote control: the trainer reveals from it; on the laptop it goes away.",
    );
    await trainer.setViewportSize(phoneSize);
    await trainer.waitForSelector("#trainer-remote #remote-ctl-reveal:not([disabled])", { timeout: 20_000 });
    await shoot(trainer, "trainer-voting-390");
    await trainer.click("#remote-ctl-reveal");
    await waitView(projector, (v) => v.phase === "revealed");
    await trainer.setViewportSize(stageSize);
    await trainer.waitForSelector("#trainer-remote", { state: "detached", timeout: 20_000 });
    await waitView(ana, (v) => v.phase === "revealed");
    await shoot(projector, "projector-revealed-1920");
    await shoot(ana, "trainee-revealed-390");

    stage("Next decision by keyboard shortcut; a tie is announced on the wall and settled by lot.");
    await trainer.keyboard.press("n");
    await waitView<TraineeView>(ana, (v) => v.can === "vote" && v.stepIndex === 1);
    const [again, other] = await optionIds(ana);
    if (again === undefined || other === undefined)
      throw new Error("the second decision has fewer than two options");
    await clickTarget(ana, again);
    await clickTarget(ben, other);
    await waitView<ProjectorView>(projector, (v) => v.votesCast === 2);
    await trainer.keyboard.press("r");
    const tie = await waitModel<{ tally?: { tie?: string } }>(
      projector,
      (m) => Boolean(m.tally?.tie),
      "the tie announced on the wall",
    );
    expect(tie.tally?.tie).toMatch(/^A tie: 1 for “.+”, 1 for “.+” — the trainer decides$/);
    await waitModel<{ status?: string }>(
      ana,
      (m) => /^A tie between/.test(m.status ?? ""),
      "the tie on a phone",
    );
    await shoot(projector, "projector-tie-1920");
    await shoot(trainer, "trainer-tie-1920");
    await clickTarget(trainer, "tie.draw");
    const drawn = await waitModel<{ result?: { headline?: string; split?: unknown[] } }>(
      projector,
      (m) => /^A tie, drawn by lot: /.test(m.result?.headline ?? ""),
      "the draw's result announced on the wall",
    );
    expect(drawn.result?.split?.length).toBeGreaterThanOrEqual(2);
    await waitModel<{ reveal?: { headline?: string } }>(
      ben,
      (m) => /^A tie, drawn by lot: /.test(m.reveal?.headline ?? ""),
      "the draw's result on a phone",
    );
    await shoot(projector, "projector-tie-drawn-1920");

    stage("The trainer rewinds to it; the class votes on until a vote reaches an ending.");
    await waitView<TrainerView>(trainer, (v) => v.history.length === 2);
    await clickTarget(trainer, "rewind.1");
    await waitView<TrainerView>(trainer, (v) => v.stepIndex === 1 && v.phase === "deciding");
    await waitView<TraineeView>(ana, (v) => v.stepIndex === 1);
    for (let step = 1; ; step++) {
      await clickTarget(trainer, "ctl.vote");
      for (const p of trainees)
        await waitView<TraineeView>(p, (v) => v.can === "vote" && v.stepIndex === step);
      const [first, second] = await optionIds(ana);
      if (first === undefined) throw new Error(`decision ${step + 1} has no options`);
      // Ana and Ben carry the vote; Cleo picks another answer when there is one.
      await clickTarget(ana, first);
      await clickTarget(ben, first);
      await clickTarget(cleo, second ?? first);
      await waitView<ProjectorView>(projector, (v) => v.votesCast === 3);
      await trainer.keyboard.press("r");
      const after = await waitView<TrainerView>(
        trainer,
        (v) => v.history.length === step + 1 && v.phase === "revealed",
      );
      if (after.ending) break;
      if (step > 12) throw new Error("no ending reached in 12 decisions");
    }

    stage("The ending reached by a vote is revealed like any other step, each phone with its own choice.");
    const last = await waitView<ProjectorView>(
      projector,
      (v) => v.phase === "revealed" && v.result !== undefined,
    );
    expect(last.ending).toBeUndefined();
    expect(last.customer?.line).toBeTruthy();
    expect(last.resultSplit?.some((l) => l.count > 0)).toBe(true);
    for (const p of trainees) {
      const phone = await waitView<TraineeView>(p, (v) => v.phase === "revealed" && v.myChoice !== undefined);
      expect(phone.ending).toBeUndefined();
      const model = await waitModel<{ reveal?: { mine?: { line?: string } } }>(
        p,
        (m) => Boolean(m.reveal?.mine?.line),
        "the phone's own choice",
      );
      expect(model.reveal?.mine?.line).toMatch(/^You chose “.+”(, like the class| · the class chose “.+”)$/);
      expect(model.reveal?.mine?.line).toContain(phone.myChoice!.label);
    }
    const cleoModel = await waitModel<{ reveal?: { mine?: { line?: string } } }>(
      cleo,
      () => true,
      "Cleo's phone",
    );
    expect(await ariaOf(cleo.locator("body"))).toContain(cleoModel.reveal!.mine!.line!);
    await shoot(projector, "projector-last-reveal-1920");
    await shoot(trainer, "trainer-last-reveal-1920");
    await shoot(cleo, "trainee-you-chose-390");
    await shoot(ana, "trainee-last-reveal-390");

    stage("Next shows the ending as its own moment; Next again, the debrief.");
    await trainer.keyboard.press("n");
    const ending = await waitView<ProjectorView>(projector, (v) => v.phase === "ending");
    expect(ending.ending?.title).toBeTruthy();
    await waitView<TraineeView>(ana, (v) => v.phase === "ending" && v.ending !== undefined);
    await shoot(projector, "projector-ending-1920");
    await shoot(ana, "trainee-ending-390");
    await trainer.keyboard.press("n");
    await everyoneInDebrief(w);
    // The debrief names a technique or defence mechanism for the steps played, from the views alone.
    const wall = await waitModel<{ techniques?: unknown[]; defences?: unknown[] }>(
      projector,
      (m) => Array.isArray(m.techniques),
      "the projector's debrief model",
    );
    expect((wall.techniques?.length ?? 0) + (wall.defences?.length ?? 0)).toBeGreaterThan(0);
    await shoot(projector, "debrief-class-1920");
    await shoot(ana, "debrief-class-390");
    await shoot(trainer, "trainer-debrief-1920");
    await trainer.setViewportSize(phoneSize);
    await trainer.waitForSelector("#trainer-remote #remote-ctl-nextScenario", { timeout: 20_000 });
    await shoot(trainer, "trainer-debrief-390");
    await trainer.setViewportSize(stageSize);
    await trainer.waitForSelector("#trainer-remote", { state: "detached", timeout: 20_000 });

    stage("Next scenario: back to the lobby, where the library offers the scenarios again.");
    await clickTarget(trainer, "ctl.nextScenario");
    await waitView(trainer, (v) => v.phase === "lobby");
    await waitScene(trainer, "trainer");
    await trainer.waitForSelector(`#library-select option[value='${scenarioId}']`, { state: "attached" });
    await trainer.selectOption("#library-select", scenarioId);
    await waitView<TrainerView>(trainer, (v) => v.scenario?.id === scenarioId);
  }, 300_000);
});
