import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { cleanName } from "./roster";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";

describe("roster", () => {
  it("trims, cuts and de-duplicates names", () => {
    const d = new SessionDriver();
    d.setUp(0);
    for (const [id, name] of [
      ["a", "  Ana  "],
      ["b", "ana"],
      ["c", "Ana"],
      ["d", "   "],
      ["e", "Bartholomew-Maximilian von Habsburg"],
      ["f", "Bartholomew-Maximilian von Habsburg"],
    ]) {
      d.ok({ type: "session.joined", role: "trainee", traineeId: id, name });
    }
    expect(projectTrainer(d.state).roster.map((r) => r.name)).toEqual([
      "Ana",
      "ana 2",
      "Ana 3",
      "Trainee",
      "Bartholomew-Maximilian v",
      "Bartholomew-Maximilian 2",
    ]);
    expect(cleanName("Ana\u0007\tMaria")).toBe("Ana Maria");
  });

  it("locks joining for newcomers but lets known trainees reconnect", () => {
    const d = new SessionDriver();
    d.setUp(2);
    d.ok({ type: "session.left", role: "trainee", traineeId: "t1" });
    expect(projectProjector(d.state).connectedCount).toBe(1);
    d.ok({ type: "trainer.lock" }, trainer);
    expect(projectProjector(d.state).joinOpen).toBe(false);
    expect(d.send({ type: "session.joined", role: "trainee", traineeId: "t9", name: "New" })?.code).toBe(
      "join.locked",
    );
    d.ok({ type: "session.joined", role: "trainee", traineeId: "t1", name: "Someone else" });
    expect(projectTrainee(d.state, "t1").me.name).toBe("Trainee 1");
    d.ok({ type: "trainer.unlock" }, trainer);
    d.ok({ type: "session.joined", role: "trainee", traineeId: "t9", name: "New" });
    expect(projectProjector(d.state).traineeCount).toBe(3);
  });

  it("removes a trainee (dropping their vote), keeps them out, and readmits them", () => {
    const d = new SessionDriver();
    d.setUp(2);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "blame" }, trainee("t2"));
    d.ok({ type: "trainer.remove", traineeId: "t2" }, trainer);
    expect(projectProjector(d.state)).toMatchObject({ votesCast: 0, traineeCount: 1 });
    expect(projectTrainee(d.state, "t2")).toMatchObject({ me: { removed: true }, can: "wait" });
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainee("t2"))?.code).toBe("trainee.removed");
    expect(d.send({ type: "session.joined", role: "trainee", traineeId: "t2", name: "x" })?.code).toBe(
      "join.removed",
    );
    d.ok({ type: "trainer.readmit", traineeId: "t2" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t2"));
    expect(projectProjector(d.state).votesCast).toBe(1);
  });

  it("renames a trainee, keeping names unique", () => {
    const d = new SessionDriver();
    d.setUp(2);
    d.ok({ type: "trainer.rename", traineeId: "t2", name: "  Trainee 1 " }, trainer);
    expect(projectTrainee(d.state, "t2").me.name).toBe("Trainee 1 2");
    d.ok({ type: "trainer.rename", traineeId: "t2", name: "Zofia" }, trainer);
    expect(projectTrainee(d.state, "t2").me.name).toBe("Zofia");
    expect(d.send({ type: "trainer.rename", traineeId: "t7", name: "Q" }, trainer)?.code).toBe(
      "trainee.unknown",
    );
  });
});
