import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";
import { phaseOf } from "./sessionPhase";

function teams(count: number, teamCount: number): SessionDriver {
  const d = new SessionDriver();
  d.setUp(count);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.splitTeams", count: teamCount }, trainer);
  return d;
}

describe("teams", () => {
  it("splits the class round-robin and lets trainees pick a team in the lobby", () => {
    const d = teams(5, 2);
    const roster = projectTrainer(d.state).roster;
    expect(roster.map((r) => r.teamId)).toEqual(["team-1", "team-2", "team-1", "team-2", "team-1"]);
    d.ok({ type: "trainee.pickTeam", teamId: "team-2" }, trainee("t5"));
    expect(projectTrainee(d.state, "t5").style).toBe("teams");
    expect(d.send({ type: "trainee.pickTeam", teamId: "team-9" }, trainee("t5"))?.code).toBe("team.unknown");
    expect(d.send({ type: "trainer.splitTeams", count: 6 }, trainer)?.code).toBe("teams.too-few-trainees");
    d.ok({ type: "session.joined", role: "trainee", traineeId: "late", name: "Late" });
    expect(projectTrainer(d.state).roster.find((r) => r.id === "late")?.teamId).toBe("team-1");
  });

  it("gives each team its own run, chosen by its captain, compared live on the projector", () => {
    const d = teams(4, 2);
    d.ok({ type: "trainer.start" }, trainer);
    expect(projectTrainee(d.state, "t1").team).toEqual({
      id: "team-1",
      name: "Team 1",
      captainName: "Trainee 1",
      isCaptain: true,
    });
    expect(projectTrainee(d.state, "t3").can).toBe("wait");
    expect(d.send({ type: "trainee.choose", optionId: "listen" }, trainee("t3"))?.code).toBe(
      "choice.not-yours",
    );
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    d.ok({ type: "trainee.choose", optionId: "blame" }, trainee("t2"));
    expect(projectTrainee(d.state, "t3").customer?.line).toBe("So what now?");
    // Team 2's last choice ended its run: revealed like any other, its ending kept for the ending's moment.
    expect(projectTrainee(d.state, "t4")).toMatchObject({ customer: { line: "I'm posting this!" } });
    expect(projectTrainee(d.state, "t4").result).toMatchObject({
      optionId: "blame",
      feedback: "Blaming others.",
    });
    expect(projectTrainee(d.state, "t4").ending).toBeUndefined();
    expect(projectTrainee(d.state, "t3").result).toMatchObject({ optionId: "listen", decidedBy: "team" });
    const board = projectProjector(d.state).teams;
    expect(board).toEqual([
      expect.objectContaining({
        id: "team-1",
        stepIndex: 1,
        ended: false,
        meters: { mood: 45, reputation: 50, cost: 5 },
      }),
      expect.objectContaining({ id: "team-2", stepIndex: 1, ended: true }),
    ]);
    expect(board[1]?.outcome).toBeUndefined();
    expect(phaseOf(d.state)).toBe("deciding");
    expect(d.send({ type: "trainer.showEnding" }, trainer)?.code).toBe("phase.wrong");
    d.ok({ type: "trainee.choose", optionId: "ship-express", stepIndex: 1 }, trainee("t1"));
    expect(phaseOf(d.state)).toBe("deciding");
    expect(projectTrainer(d.state).controls.showEnding).toBe(true);
    d.ok({ type: "trainer.showEnding" }, trainer);
    expect(projectProjector(d.state).teams.map((x) => x.outcome)).toEqual(["kept", "public-adversary"]);
    expect(projectTrainee(d.state, "t4").ending?.id).toBe("public");
    d.ok({ type: "trainer.end" }, trainer);
    expect(phaseOf(d.state)).toBe("debrief");
  });

  it("hands the captaincy to the next connected member when the captain drops", () => {
    const d = teams(4, 2);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "session.left", role: "trainee", traineeId: "t1" });
    expect(projectTrainee(d.state, "t3").team).toMatchObject({ isCaptain: true, captainName: "Trainee 3" });
    d.ok({ type: "trainee.choose", optionId: "refund" }, trainee("t3"));
  });

  it("rewinds one team without touching the other", () => {
    const d = teams(2, 2);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainee.choose", optionId: "blame" }, trainee("t1"));
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t2"));
    expect(d.send({ type: "trainer.rewind", stepIndex: 0 }, trainer)?.code).toBe("team.unknown");
    d.ok({ type: "trainer.rewind", stepIndex: 0, teamId: "team-1" }, trainer);
    const view = projectTrainer(d.state);
    expect(view.teams[0]).toMatchObject({ stepIndex: 0, ended: false });
    expect(view.teams[1]).toMatchObject({ stepIndex: 1 });
  });

  it("refuses to start teams before a split, and a captain's double tap on an old step", () => {
    const d = new SessionDriver();
    d.setUp(2);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.setStyle", style: "teams" }, trainer);
    expect(d.send({ type: "trainer.start" }, trainer)?.code).toBe("team.none");
    d.ok({ type: "trainer.splitTeams", count: 2 }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainee.choose", optionId: "listen", stepIndex: 0 }, trainee("t1"));
    expect(d.send({ type: "trainee.choose", optionId: "listen", stepIndex: 0 }, trainee("t1"))?.code).toBe(
      "choice.stale",
    );
    expect(projectTrainer(d.state).teams[0]?.stepIndex).toBe(1);
  });
});
