import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainer } from "./projectTrainer";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";

describe("names arriving on the wall's lobby", () => {
  it("lists who joined in join order until the trainer hides them, and only in the lobby", () => {
    const d = new SessionDriver();
    d.setUp(3);
    expect(projectProjector(d.state).lobbyNames).toEqual(["Trainee 1", "Trainee 2", "Trainee 3"]);
    d.ok({ type: "trainer.remove", traineeId: "t2" }, trainer);
    expect(projectProjector(d.state).lobbyNames).toEqual(["Trainee 1", "Trainee 3"]);
    expect(d.send({ type: "trainer.showNames", show: false }, trainee("t1"))?.code).toBe("role.forbidden");
    d.ok({ type: "trainer.showNames", show: false }, trainer);
    expect(projectProjector(d.state).lobbyNames).toBeUndefined();
    expect(projectTrainer(d.state).namesHidden).toBe(true);
    d.ok({ type: "trainer.showNames", show: true }, trainer);
    expect(projectTrainer(d.state).namesHidden).toBeUndefined();
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    expect(projectProjector(d.state).lobbyNames).toBeUndefined();
  });
});
