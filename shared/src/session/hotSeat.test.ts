import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";
import { sessionReport } from "./sessionReport";

function hotSeat(count: number): SessionDriver {
  const d = new SessionDriver();
  d.setUp(count);
  d.ok({ type: "trainer.setStyle", style: "hot-seat" }, trainer);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  return d;
}

describe("hot seat", () => {
  it("puts the first trainee in the seat; only they choose, the others mark secretly", () => {
    const d = hotSeat(4);
    expect(projectTrainee(d.state, "t1")).toMatchObject({
      can: "choose",
      hotSeat: { holderName: "Trainee 1", inSeat: true },
    });
    expect(projectTrainee(d.state, "t2")).toMatchObject({ can: "mark", hotSeat: { inSeat: false } });
    expect(d.send({ type: "trainee.choose", optionId: "listen" }, trainee("t2"))?.code).toBe(
      "choice.not-yours",
    );
    expect(d.send({ type: "trainee.mark", optionId: "listen" }, trainee("t1"))?.code).toBe(
      "mark.not-allowed",
    );
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainee("t2"))?.code).toBe("phase.wrong");
    d.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t2"));
    d.ok({ type: "trainee.mark", optionId: "listen" }, trainee("t3"));
    expect(projectTrainee(d.state, "t2").myMark).toBe("refund");
    expect(JSON.stringify(projectTrainee(d.state, "t2"))).not.toContain("t3");
    expect(projectTrainer(d.state).marks).toEqual({ t2: "refund", t3: "listen" });
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    const decision = projectTrainer(d.state).history[0];
    expect(decision).toMatchObject({
      decidedBy: "hot-seat",
      byName: "Trainee 1",
      marks: { t2: "refund", t3: "listen" },
    });
    expect(projectTrainer(d.state).marks).toEqual({});
    const choices = sessionReport(d.state).choices;
    expect(choices).toContainEqual(
      expect.objectContaining({ traineeId: "t2", kind: "mark", optionId: "refund", played: false }),
    );
    expect(choices).toContainEqual(
      expect.objectContaining({ traineeId: "t3", kind: "mark", optionId: "listen", played: true }),
    );
  });

  it("rotates the seat in join order and passes it to a named trainee", () => {
    const d = hotSeat(3);
    d.ok({ type: "trainer.passSeat" }, trainer);
    expect(projectTrainee(d.state, "t2").hotSeat?.inSeat).toBe(true);
    d.ok({ type: "trainer.passSeat" }, trainer);
    d.ok({ type: "trainer.passSeat" }, trainer);
    expect(projectTrainee(d.state, "t1").hotSeat?.inSeat).toBe(true);
    d.ok({ type: "trainee.mark", optionId: "blame" }, trainee("t3"));
    d.ok({ type: "trainer.passSeat", traineeId: "t3" }, trainer);
    expect(projectTrainee(d.state, "t3")).toMatchObject({
      can: "choose",
      hotSeat: { holderName: "Trainee 3" },
    });
    expect(projectTrainee(d.state, "t3").myMark).toBeUndefined();
    expect(d.send({ type: "trainer.passSeat", traineeId: "zz" }, trainer)?.code).toBe("trainee.unknown");
  });

  it("moves the seat on when its holder is removed", () => {
    const d = hotSeat(2);
    d.ok({ type: "trainer.remove", traineeId: "t1" }, trainer);
    expect(projectTrainee(d.state, "t2").hotSeat).toEqual({ holderName: "Trainee 2", inSeat: true });
  });

  it("holds the next decision back after a reveal until the trainer presses Next", () => {
    const d = hotSeat(3);
    expect(projectTrainer(d.state).controls.next).toBe(false);
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    // The room discusses the feedback: nobody sees or answers the next decision yet.
    expect(projectTrainee(d.state, "t1")).toMatchObject({ phase: "revealed", can: "wait", options: [] });
    expect(projectTrainee(d.state, "t2")).toMatchObject({ can: "wait", options: [] });
    expect(projectProjector(d.state).options).toEqual([]);
    expect(d.send({ type: "trainee.choose", optionId: "ship-express" }, trainee("t1"))?.code).toBe(
      "phase.wrong",
    );
    expect(d.send({ type: "trainee.mark", optionId: "shrug" }, trainee("t2"))?.code).toBe("phase.wrong");
    expect(d.send({ type: "trainer.next" }, trainee("t1"))?.code).toBe("role.forbidden");
    expect(projectTrainer(d.state).controls.next).toBe(true);
    d.ok({ type: "trainer.next" }, trainer);
    expect(projectTrainee(d.state, "t1")).toMatchObject({ phase: "deciding", can: "choose" });
    expect(projectTrainee(d.state, "t2").options.map((o) => o.id)).toEqual(["ship-express", "shrug"]);
    expect(d.send({ type: "trainer.next" }, trainer)?.code).toBe("phase.wrong");
  });

  it("shows the wall how the room would have answered beside the seated trainee's answer", () => {
    const d = hotSeat(5);
    d.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t2"));
    d.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t3"));
    d.ok({ type: "trainee.mark", optionId: "listen" }, trainee("t4"));
    expect(projectProjector(d.state).roomAnswers).toBeUndefined();
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    const wall = projectProjector(d.state);
    expect(wall.roomAnswers).toEqual([
      { optionId: "listen", label: "Tell me more.", count: 1, chosen: true },
      { optionId: "refund", label: "Here is your money back.", count: 2, chosen: false },
    ]);
    expect(projectProjector(d.state, "pl").roomAnswers?.[0]?.label).toBe("Proszę opowiedzieć.");
    expect(JSON.stringify(wall.roomAnswers)).not.toMatch(/t[2-4]|Trainee/);
    d.ok({ type: "trainer.next" }, trainer);
    expect(projectProjector(d.state).roomAnswers).toBeUndefined();
  });
});
