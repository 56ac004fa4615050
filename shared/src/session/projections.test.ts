import { describe, expect, it } from "vitest";
import { projectorViewSchema } from "../protocol/projectorView";
import { traineeViewSchema } from "../protocol/traineeView";
import { trainerViewSchema } from "../protocol/trainerView";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";

function votingClass(count: number): SessionDriver {
  const d = new SessionDriver();
  d.setUp(count);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  d.ok({ type: "trainer.openVote", seconds: 30 }, trainer, 9_000_000);
  for (let i = 1; i <= count; i++) {
    d.ok({ type: "trainee.vote", optionId: i % 2 ? "listen" : "blame" }, trainee(`t${i}`), 9_001_000);
  }
  return d;
}

describe("projections", () => {
  it("never shows a trainee option effects or anyone else's vote", () => {
    const d = votingClass(4);
    const view = projectTrainee(d.state, "t1");
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/effects|"mood":15|"reputation":-20/);
    expect(text).not.toMatch(/t2|t3|t4|Trainee 2/);
    expect(view.myVote).toBe("listen");
    expect(view.options).toEqual([
      { id: "listen", label: "Tell me more." },
      { id: "blame", label: "The courier lost it." },
      { id: "refund", label: "Here is your money back." },
    ]);
    expect(projectTrainer(d.state).options[1]?.effects).toEqual({
      mood: -30,
      reputation: -20,
      strain: 0,
      cost: 0,
    });
  });

  it("keeps a trainee's view the same size whether the class has 3 or 300 trainees", () => {
    const small = JSON.stringify(projectTrainee(votingClass(3).state, "t1")).length;
    const large = JSON.stringify(projectTrainee(votingClass(300).state, "t1")).length;
    expect(large).toBe(small);
  });

  it("shows the projector counts and no names or individual votes", () => {
    const d = votingClass(5);
    const wall = projectProjector(d.state);
    expect(wall).toMatchObject({ joinCode: "KXR7PQ", traineeCount: 5, votesCast: 5, phase: "voting" });
    expect(wall.tally.find((l) => l.optionId === "listen")?.count).toBe(3);
    expect(JSON.stringify(wall)).not.toMatch(/Trainee \d|"t\d"|effects/);
  });

  it("translates the customer and options into the trainee's language", () => {
    const d = votingClass(1);
    const pl = projectTrainee(d.state, "t1", "pl");
    expect(pl.customer?.line).toBe("Gdzie moja paczka?!");
    expect(pl.options[0]?.label).toBe("Proszę opowiedzieć.");
    expect(pl.options[1]?.label).toBe("The courier lost it.");
  });

  it("produces views that satisfy the protocol's schemas in every phase", () => {
    const d = votingClass(2);
    const check = () => {
      traineeViewSchema.parse(projectTrainee(d.state, "t1"));
      projectorViewSchema.parse(projectProjector(d.state));
      trainerViewSchema.parse(projectTrainer(d.state));
    };
    check();
    d.ok({ type: "trainer.reveal" }, trainer);
    check();
    d.ok({ type: "trainer.end" }, trainer);
    check();
    d.ok({ type: "trainer.nextScenario" }, trainer);
    check();
  });

  it("names the techniques of every step and the starting meters at the debrief, from the view alone", () => {
    const d = votingClass(3);
    d.ok({ type: "trainer.reveal" }, trainer);
    d.ok({ type: "trainer.end" }, trainer);
    const wall = projectProjector(d.state);
    expect(wall.path.map((s) => s.tags)).toEqual([["listens"]]);
    expect(wall.startMeters).toEqual({ mood: 30, reputation: 50, cost: 0 });
    expect(projectTrainee(d.state, "t1").path?.[0]?.tags).toEqual(["listens"]);
    expect(projectTrainee(d.state, "t1").startMeters?.mood).toBe(30);
    expect(projectTrainer(d.state).history[0]?.tags).toEqual(["listens"]);
  });

  it("gives the projector and trainees the vote split and observers' marks per step as counts, never who", () => {
    const d = votingClass(3);
    d.ok({ type: "trainer.reveal" }, trainer);
    d.ok({ type: "trainer.end" }, trainer);
    const split = [
      { optionId: "listen", count: 2 },
      { optionId: "blame", count: 1 },
      { optionId: "refund", count: 0 },
    ];
    expect(projectProjector(d.state).path[0]?.split).toEqual(split);
    expect(projectTrainee(d.state, "t2").path?.[0]?.split).toEqual(split);
    expect(JSON.stringify(projectTrainee(d.state, "t2"))).not.toMatch(/"t1"|"t3"|Trainee [13]/);

    const seat = new SessionDriver();
    seat.setUp(4);
    seat.ok({ type: "trainer.setStyle", style: "hot-seat" }, trainer);
    seat.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    seat.ok({ type: "trainer.start" }, trainer);
    seat.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t2"));
    seat.ok({ type: "trainee.mark", optionId: "listen" }, trainee("t3"));
    seat.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t4"));
    seat.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    seat.ok({ type: "trainer.end" }, trainer);
    const step = projectProjector(seat.state).path[0];
    expect(step?.split).toBeUndefined();
    expect(step?.marked).toEqual([
      { optionId: "listen", count: 1 },
      { optionId: "refund", count: 2 },
    ]);
    projectorViewSchema.parse(projectProjector(seat.state));
    traineeViewSchema.parse(projectTrainee(seat.state, "t3"));
  });

  it("gives the scenario's map at the debrief, with every step of the path on it", () => {
    const d = votingClass(3);
    expect(projectProjector(d.state).map).toBeUndefined();
    d.ok({ type: "trainer.reveal" }, trainer);
    d.ok({ type: "trainer.end" }, trainer);
    const wall = projectProjector(d.state);
    const map = wall.map!;
    expect(map.start).toBe("opening");
    const ids = new Set(map.nodes.map((n) => n.id));
    expect(map.nodes.find((n) => n.id === "opening")?.depth).toBe(0);
    expect(map.nodes.filter((n) => n.final).map((n) => n.outcome)).toContain("public-adversary");
    for (const e of map.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(wall.path[0]).toMatchObject({ from: "opening", to: "middle" });
    expect(map.edges).toContainEqual({ from: "opening", to: "middle" });
    expect(projectTrainee(d.state, "t1").map).toEqual(map);
    expect(projectTrainer(d.state).map).toEqual(map);
    expect(projectTrainer(d.state).history[0]).toMatchObject({ from: "opening", to: "middle" });
    // Structure only: no customer lines, labels or effects.
    expect(JSON.stringify(map)).not.toMatch(/parcel|Tell me|mood/i);
  });

  it("lists the teams to pick in the lobby with member counts and no other trainee's name", () => {
    const d = new SessionDriver();
    d.setUp(5);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.splitTeams", count: 2 }, trainer);
    const view = projectTrainee(d.state, "t1");
    expect(view.teams).toEqual([
      { id: "team-1", name: "Team 1", memberCount: 3 },
      { id: "team-2", name: "Team 2", memberCount: 2 },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/Trainee [2-5]|"t[2-5]"/);
    d.ok({ type: "trainee.pickTeam", teamId: "team-2" }, trainee("t1"));
    expect(projectTrainee(d.state, "t1").teams.map((t) => t.memberCount)).toEqual([2, 3]);
  });

  it("gives every team's path with its techniques at the debrief, and not during play", () => {
    const d = new SessionDriver();
    d.setUp(4);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.splitTeams", count: 2 }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    d.ok({ type: "trainee.choose", optionId: "blame" }, trainee("t2"));
    expect(projectProjector(d.state).teams[0]?.path).toBeUndefined();
    d.ok({ type: "trainer.end" }, trainer);
    const wall = projectProjector(d.state);
    expect(wall.teams.map((team) => team.path?.map((s) => s.tags))).toEqual([
      [["listens"]],
      [["blames-subcontractor"]],
    ]);
    expect(projectTrainer(d.state).teams[1]?.path?.[0]?.optionId).toBe("blame");
    expect(wall.teams.map((team) => team.branches)).toEqual([undefined, undefined]);
    projectorViewSchema.parse(wall);
  });

  it("keeps a team's rewound branch for the debrief, on the wall and the console", () => {
    const d = new SessionDriver();
    d.setUp(4);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.splitTeams", count: 2 }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainee.choose", optionId: "blame" }, trainee("t2"));
    d.ok({ type: "trainer.rewind", stepIndex: 0, teamId: "team-2" }, trainer);
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t2"));
    d.ok({ type: "trainer.end" }, trainer);
    const line = projectProjector(d.state).teams[1];
    expect(line?.path?.map((s) => s.optionId)).toEqual(["listen"]);
    expect(line?.branches?.[0]?.fromStep).toBe(0);
    expect(line?.branches?.[0]?.steps.map((s) => [s.optionId, s.from, s.to])).toEqual([
      ["blame", "opening", "gone-public"],
    ]);
    expect(projectTrainer(d.state).teams[1]?.branches).toEqual(line?.branches);
    projectorViewSchema.parse(projectProjector(d.state));
    trainerViewSchema.parse(projectTrainer(d.state));
  });
});
