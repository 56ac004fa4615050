import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainer } from "./projectTrainer";
import { replaySession } from "./applySessionEvent";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";

function voting(): SessionDriver {
  const d = new SessionDriver();
  d.setUp(2);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  d.ok({ type: "trainer.openVote" }, trainer);
  d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
  return d;
}

describe("the wall's presentation switches", () => {
  it("turns the wall's sound on and off from the console, and only the trainer may", () => {
    const d = voting();
    expect(projectProjector(d.state).sound).toBeUndefined();
    expect(d.send({ type: "trainer.setSound", on: true }, trainee("t1"))?.code).toBe("role.forbidden");
    d.ok({ type: "trainer.setSound", on: true }, trainer);
    expect(projectProjector(d.state).sound).toBe(true);
    expect(projectTrainer(d.state).sound).toBe(true);
    d.ok({ type: "trainer.setSound", on: false }, trainer);
    expect(projectProjector(d.state).sound).toBeUndefined();
  });

  it("skips the reveal on the wall for this reveal only, and only while one is shown", () => {
    const d = voting();
    expect(d.send({ type: "trainer.skipReveal" }, trainer)?.code).toBe("phase.wrong");
    d.ok({ type: "trainer.reveal" }, trainer);
    expect(projectProjector(d.state).revealSkipped).toBeUndefined();
    // Skipping changes nothing in the story: the step and the result stay.
    const before = projectProjector(d.state);
    d.ok({ type: "trainer.skipReveal" }, trainer);
    const after = projectProjector(d.state);
    expect(after.revealSkipped).toBe(true);
    expect({ ...after, revealSkipped: undefined }).toEqual({ ...before, revealSkipped: undefined });
    // The next reveal plays again.
    d.ok({ type: "trainer.openVote" }, trainer);
    expect(projectProjector(d.state).revealSkipped).toBeUndefined();
    d.ok({ type: "trainee.vote", optionId: "ship-express" }, trainee("t1"));
    d.ok({ type: "trainer.closeVote" }, trainer);
    expect(projectTrainer(d.state).controls.skipReveal).toBe(false);
  });

  it("replays from the log to the same switches", () => {
    const d = voting();
    d.ok({ type: "trainer.setSound", on: true }, trainer);
    d.ok({ type: "trainer.reveal" }, trainer);
    expect(projectTrainer(d.state).controls.skipReveal).toBe(true);
    d.ok({ type: "trainer.skipReveal" }, trainer);
    const replayed = replaySession(d.log, d.library);
    expect(projectProjector(replayed)).toEqual(projectProjector(d.state));
  });
});
