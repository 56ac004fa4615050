import { describe, expect, it } from "vitest";
import { projectorViewSchema } from "../protocol/projectorView";
import { traineeViewSchema } from "../protocol/traineeView";
import { trainerViewSchema } from "../protocol/trainerView";
import { resolveLook } from "../scenario/resolveLook";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { parcelScenario, SessionDriver, trainer } from "./sessionFixtures";

describe("the persona's look in the views", () => {
  it("reaches the wall, every phone and the console with every field decided", () => {
    const d = new SessionDriver();
    d.setUp(2);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    const expected = resolveLook(parcelScenario());
    expect(expected.gender).toBe("masculine");
    const wall = projectorViewSchema.parse(projectProjector(d.state));
    const phone = traineeViewSchema.parse(projectTrainee(d.state, "t1"));
    const console = trainerViewSchema.parse(projectTrainer(d.state));
    for (const view of [wall, phone, console]) expect(view.scenario?.look).toEqual(expected);
  });

  it("falls back to the name's default look for a session stored before looks were kept", () => {
    const d = new SessionDriver();
    d.setUp(1);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    const scenario = d.state.context.scenario;
    if (!scenario) throw new Error("no scenario selected");
    delete scenario.look;
    expect(projectProjector(d.state).scenario?.look).toEqual(resolveLook({ persona: { name: "Marek" } }));
  });
});
