import { describe, expect, it } from "vitest";
import { clickTarget, optionIds, shoot, stageLogger, waitView } from "../harness";
import type { ProjectorView, TraineeView, TrainerView } from "../harness";
import { everyoneInDebrief, openWorkshop, usePages } from "./workshopFixture";

const pages = usePages();
const stage = stageLogger("teams");

describe("teams in the browser", () => {
  it("splits the class, lets each captain play their team's own run, and rewinds one team", async () => {
    const w = await openWorkshop(pages());
    const { trainer, projector, ana, byName } = w;
    stage("The trainer splits the class into two teams.");
    await clickTarget(trainer, "style.teams");
    await waitView<TrainerView>(trainer, (v) => v.style === "teams");
    await clickTarget(trainer, "ctl.teams");
    await waitView<TrainerView>(trainer, (v) => v.teams.length === 2);

    stage("Ana moves herself to the other team from her phone.");
    const placed = await waitView<TraineeView>(ana, (v) => v.teams.length === 2 && v.team !== undefined);
    const otherTeam = placed.team?.id === "team-1" ? "team-2" : "team-1";
    await clickTarget(ana, `team.${otherTeam}`);
    await waitView<TraineeView>(ana, (v) => v.team?.id === otherTeam);
    await shoot(ana, "trainee-lobby-teams-390");
    await waitView<ProjectorView>(projector, (v) => v.teams.length === 2);
    await shoot(projector, "projector-lobby-teams-1920");

    stage("Each team's captain plays the first option twice.");
    await clickTarget(trainer, "ctl.start");
    const started = await waitView<TrainerView>(
      trainer,
      (v) => v.phase !== "lobby" && v.teams.every((t) => t.captainId),
    );
    const nameOf = (id: string | undefined) => started.roster.find((r) => r.id === id)?.name ?? "";
    const captains = started.teams.map((t) => byName(nameOf(t.captainId)));
    expect(captains).toHaveLength(2);
    const playStep = async (step: number) => {
      for (const captain of captains) {
        await waitView<TraineeView>(captain, (v) => v.can === "choose" && v.stepIndex === step);
        const [first] = await optionIds(captain);
        if (first === undefined) throw new Error(`no option at step ${step}`);
        await clickTarget(captain, first);
        await waitView<TraineeView>(captain, (v) => v.stepIndex === step + 1);
      }
    };
    await playStep(0);
    await shoot(projector, "projector-teams-1920");
    await shoot(ana, "trainee-teams-390");
    await playStep(1);

    stage("The trainer rewinds team 1's last decision from the console.");
    await waitView<TrainerView>(trainer, (v) => v.teams[0]?.history.length === 2);
    await clickTarget(trainer, "rewind.team-1.1");
    await waitView<TrainerView>(trainer, (v) => v.teams[0]?.stepIndex === 1);
    // The console previews each team's options with their effects.
    await trainer.waitForFunction(
      () => document.querySelectorAll("#trainer-teams-preview [data-team]").length === 2,
      null,
      {
        polling: 100,
      },
    );
    expect(await trainer.textContent("#trainer-teams-preview")).toMatch(/Mood [+-]\d/);
    await shoot(trainer, "trainer-teams-1920");

    await trainer.keyboard.press("e");
    await everyoneInDebrief(w);
    await shoot(projector, "debrief-teams-1920");
    await shoot(ana, "debrief-teams-390");
    await shoot(trainer, "trainer-debrief-teams-1920");
  }, 300_000);
});
