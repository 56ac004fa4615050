import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainer } from "./projectTrainer";
import { replaySession } from "./applySessionEvent";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";

function atDebrief(): SessionDriver {
  const d = new SessionDriver();
  d.setUp(2);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  d.ok({ type: "trainer.override", optionId: "listen" }, trainer);
  d.ok({ type: "trainer.end" }, trainer);
  return d;
}

describe("the trainer walks the wall through the debrief's pages", () => {
  it("opens every debrief on its first page, and the wall follows the trainer's page", () => {
    const d = atDebrief();
    expect(projectProjector(d.state).debriefPage).toBe(0);
    d.ok({ type: "trainer.debriefPage", page: 2 }, trainer);
    expect(projectProjector(d.state).debriefPage).toBe(2);
    expect(projectTrainer(d.state).debriefPage).toBe(2);
    // A replay of the log shows the same page, as a restarted server would.
    expect(projectProjector(replaySession(d.log, d.library)).debriefPage).toBe(2);
    // A rewind and a second ending start the next debrief from its first page again.
    d.ok({ type: "trainer.rewind", stepIndex: 0 }, trainer);
    expect(projectProjector(d.state).debriefPage).toBeUndefined();
    d.ok({ type: "trainer.end" }, trainer);
    expect(projectProjector(d.state).debriefPage).toBe(0);
  });

  it("refuses a page outside the debrief, from a trainee or from the projector", () => {
    const d = new SessionDriver();
    d.setUp(1);
    expect(d.send({ type: "trainer.debriefPage", page: 1 }, trainer)?.code).toBe("phase.wrong");
    const end = atDebrief();
    expect(end.send({ type: "trainer.debriefPage", page: 1 }, trainee("t1"))?.code).toBe("role.forbidden");
    expect(end.send({ type: "trainer.debriefPage", page: 1 }, { role: "projector" })?.code).toBe(
      "role.forbidden",
    );
    expect(projectProjector(end.state).debriefPage).toBe(0);
  });
});
