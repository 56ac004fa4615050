import { describe, expect, it } from "vitest";
import { projectTrainee } from "./projectTrainee";
import { SessionDriver, trainee } from "./sessionFixtures";
import { phaseOf } from "./sessionPhase";

describe("solo", () => {
  it("lets one trainee run a scenario alone, with no trainer, and keeps others out", () => {
    const d = new SessionDriver();
    d.ok({ type: "session.created", joinCode: "SOLO22", seed: 1, style: "solo" });
    d.ok({ type: "session.joined", role: "trainee", traineeId: "me", name: "Ola" });
    expect(d.send({ type: "session.joined", role: "trainee", traineeId: "x", name: "X" })?.code).toBe(
      "join.solo-full",
    );
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainee("me"));
    d.ok({ type: "trainer.start" }, trainee("me"));
    expect(projectTrainee(d.state, "me").can).toBe("choose");
    expect(d.send({ type: "trainer.lock" }, trainee("me"))?.code).toBe("role.forbidden");
    d.ok({ type: "trainee.choose", optionId: "refund" }, trainee("me"));
    expect(projectTrainee(d.state, "me").result).toMatchObject({ optionId: "refund", decidedBy: "solo" });
    expect(projectTrainee(d.state, "me").moveOn).toBeUndefined();
    d.ok({ type: "trainee.choose", optionId: "shrug" }, trainee("me"));
    // With nobody else to move the session on, the player does: the ending, then the debrief.
    expect(phaseOf(d.state)).toBe("revealed");
    expect(projectTrainee(d.state, "me")).toMatchObject({
      result: { optionId: "shrug" },
      customer: { line: "Whatever." },
      moveOn: "ending",
    });
    d.ok({ type: "trainer.showEnding" }, trainee("me"));
    expect(projectTrainee(d.state, "me")).toMatchObject({ phase: "ending", moveOn: "debrief" });
    d.ok({ type: "trainer.end" }, trainee("me"));
    expect(phaseOf(d.state)).toBe("debrief");
    expect(projectTrainee(d.state, "me").moveOn).toBeUndefined();
    d.ok({ type: "trainer.rewind", stepIndex: 1 }, trainee("me"));
    d.ok({ type: "trainee.choose", optionId: "ship-express" }, trainee("me"));
    expect(projectTrainee(d.state, "me").ending).toBeUndefined();
    d.ok({ type: "trainer.showEnding" }, trainee("me"));
    expect(projectTrainee(d.state, "me").ending?.id).toBe("kept");
  });
});
