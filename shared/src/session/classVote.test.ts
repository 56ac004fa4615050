import { describe, expect, it } from "vitest";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";
import { phaseOf } from "./sessionPhase";

function started(count: number, seed = 42): SessionDriver {
  const d = new SessionDriver();
  d.setUp(count, seed);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  return d;
}

describe("class vote", () => {
  it("takes 30 trainees from joining to the debrief", () => {
    const d = started(30);
    expect(projectProjector(d.state).traineeCount).toBe(30);
    d.ok({ type: "trainer.openVote", seconds: 60 }, trainer);
    for (let i = 1; i <= 30; i++)
      d.ok({ type: "trainee.vote", optionId: i <= 18 ? "listen" : "refund" }, trainee(`t${i}`));
    const wall = projectProjector(d.state);
    expect(wall.tally).toEqual([
      { optionId: "listen", count: 18 },
      { optionId: "blame", count: 0 },
      { optionId: "refund", count: 12 },
    ]);
    expect(wall.votesCast).toBe(30);
    d.ok({ type: "trainer.closeVote" }, trainer);
    d.ok({ type: "trainer.reveal" }, trainer);
    const after = projectTrainee(d.state, "t7");
    expect(after.phase).toBe("revealed");
    expect(after.result).toMatchObject({
      optionId: "listen",
      label: "Tell me more.",
      feedback: "Good listening.",
    });
    expect(after.customer?.line).toBe("So what now?");
    expect(after.meters).toEqual({ mood: 45, reputation: 50, cost: 5 });

    d.ok({ type: "trainer.openVote" }, trainer);
    for (let i = 1; i <= 30; i++) d.ok({ type: "trainee.vote", optionId: "ship-express" }, trainee(`t${i}`));
    d.ok({ type: "trainer.reveal" }, trainer);
    // The last decision is revealed like any other: the customer's last words, the feedback, the meters.
    expect(phaseOf(d.state)).toBe("revealed");
    const last = projectTrainee(d.state, "t1");
    expect(last.customer).toMatchObject({ line: "Thanks.", emotion: "pleased" });
    expect(last.result).toMatchObject({ optionId: "ship-express", feedback: "A solution." });
    expect(last.ending).toBeUndefined();
    d.ok({ type: "trainer.showEnding" }, trainer);
    expect(projectProjector(d.state)).toMatchObject({
      phase: "ending",
      ending: { id: "kept", title: "Kept" },
    });
    d.ok({ type: "trainer.end" }, trainer);
    expect(phaseOf(d.state)).toBe("debrief");
    const debrief = projectTrainee(d.state, "t1");
    expect(debrief.ending).toMatchObject({ id: "kept", outcome: "kept", title: "Kept" });
    expect(debrief.path?.map((s) => s.optionId)).toEqual(["listen", "ship-express"]);
    const projector = projectProjector(d.state);
    expect(projector.ledger).toEqual([
      { item: "shipping", amount: 15 },
      { item: "staffTime", amount: 5 },
    ]);
    expect(projector.meters).toEqual({ mood: 65, reputation: 50, cost: 20 });
  });

  it("lets a trainee change their vote until the vote closes, then refuses it as late", () => {
    const d = started(3);
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "blame" }, trainee("t1"));
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
    expect(projectTrainee(d.state, "t1").myVote).toBe("listen");
    expect(projectTrainer(d.state).votes).toEqual({ t1: "listen" });
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainee("t1"))?.code).toBe("vote.duplicate");
    d.ok({ type: "trainer.closeVote" }, trainer);
    expect(d.send({ type: "trainee.vote", optionId: "refund" }, trainee("t2"))?.code).toBe("vote.late");
    expect(projectProjector(d.state).votesCast).toBe(1);
  });

  it("refuses votes when no vote is open, on unknown options, and on an older step", () => {
    const d = started(2);
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainee("t1"))?.code).toBe("vote.closed");
    d.ok({ type: "trainer.openVote" }, trainer);
    expect(d.send({ type: "trainee.vote", optionId: "ship-express" }, trainee("t1"))?.code).toBe(
      "vote.unknown-option",
    );
    expect(d.send({ type: "trainee.vote", optionId: "listen", stepIndex: 3 }, trainee("t1"))?.code).toBe(
      "choice.stale",
    );
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainee("nobody"))?.code).toBe(
      "trainee.unknown",
    );
  });

  it("refuses trainer commands from trainees and anything from the projector", () => {
    const d = started(2);
    for (const message of [
      { type: "trainer.openVote" },
      { type: "trainer.reveal" },
      { type: "trainer.override", optionId: "blame" },
      { type: "trainer.remove", traineeId: "t2" },
      { type: "trainer.lock" },
    ] as const) {
      expect(d.send(message, trainee("t1"))?.code).toBe("role.forbidden");
    }
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, { role: "projector" })?.code).toBe(
      "role.forbidden",
    );
    expect(d.send({ type: "timer.expired" }, trainer)?.code).toBe("role.forbidden");
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainer)?.code).toBe("role.forbidden");
  });

  it("reveals the leader when the vote's timer expires, and ignores a stale or early timer", () => {
    const d = started(2);
    d.ok({ type: "trainer.openVote", seconds: 30 }, trainer, 2_000_000);
    expect(projectTrainee(d.state, "t1").vote).toEqual({ open: true, deadline: 2_030_000 });
    expect(d.send({ type: "timer.expired" }, undefined, 2_010_000)?.code).toBe("timer.stale");
    d.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t1"), 2_020_000);
    d.ok({ type: "timer.expired" }, undefined, 2_030_000);
    expect(phaseOf(d.state)).toBe("revealed");
    expect(projectProjector(d.state).result).toMatchObject({ optionId: "refund", decidedBy: "majority" });
    // The trainee who voted is told as usual; the one who did not learns that the class chose without them.
    expect(projectTrainee(d.state, "t1").missedVote).toBeUndefined();
    expect(projectTrainee(d.state, "t2")).toMatchObject({
      missedVote: true,
      result: { label: "Here is your money back." },
    });
    expect(d.send({ type: "timer.expired" }, undefined, 2_031_000)?.code).toBe("timer.stale");
  });

  it("stops at the tie when the timer expires on a tied vote, for the trainer to settle", () => {
    const d = started(2);
    d.ok({ type: "trainer.openVote", seconds: 30 }, trainer, 2_000_000);
    d.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t1"), 2_010_000);
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t2"), 2_011_000);
    d.ok({ type: "timer.expired" }, undefined, 2_030_000);
    expect(phaseOf(d.state)).toBe("closed");
    expect(projectProjector(d.state).tiedOptionIds).toEqual(["listen", "refund"]);
    d.ok({ type: "trainer.breakTie", optionId: "listen" }, trainer, 2_040_000);
    expect(phaseOf(d.state)).toBe("revealed");
  });

  it("stops the vote timer during a pause and gives back the time that was left", () => {
    const d = started(2);
    d.ok({ type: "trainer.openVote", seconds: 30 }, trainer, 2_000_000);
    d.ok({ type: "trainer.pause" }, trainer, 2_010_000);
    expect(projectProjector(d.state).vote).toEqual({ open: true, remainingMs: 20_000 });
    expect(d.send({ type: "trainee.vote", optionId: "listen" }, trainee("t1"), 2_011_000)?.code).toBe(
      "session.paused",
    );
    expect(d.send({ type: "timer.expired" }, undefined, 2_030_000)?.code).toBe("timer.stale");
    d.ok({ type: "trainer.resume" }, trainer, 2_100_000);
    expect(projectProjector(d.state).vote).toEqual({ open: true, deadline: 2_120_000 });
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"), 2_101_000);
  });

  it("lets the trainer break a tie, and refuses a reveal while tied", () => {
    const d = started(2);
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
    d.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t2"));
    d.ok({ type: "trainer.reveal" }, trainer);
    expect(phaseOf(d.state)).toBe("closed");
    expect(projectProjector(d.state).tiedOptionIds).toEqual(["listen", "refund"]);
    expect(d.send({ type: "trainer.reveal" }, trainer)?.code).toBe("vote.tie");
    expect(d.send({ type: "trainer.breakTie", optionId: "blame" }, trainer)?.code).toBe(
      "vote.not-tied-option",
    );
    d.ok({ type: "trainer.breakTie", optionId: "refund" }, trainer);
    expect(projectTrainee(d.state, "t1").result).toMatchObject({
      optionId: "refund",
      decidedBy: "tie-trainer",
    });
  });

  it("breaks a tie by a seeded draw that a replay repeats exactly", () => {
    const picks = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const d = started(2, seed);
      d.ok({ type: "trainer.openVote" }, trainer);
      d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
      d.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t2"));
      d.ok({ type: "trainer.closeVote" }, trainer);
      d.ok({ type: "trainer.breakTie", draw: true }, trainer);
      return projectTrainer(d.state).history[0];
    });
    expect(picks.every((p) => p?.decidedBy === "tie-draw")).toBe(true);
    const chosen = new Set(picks.map((p) => p?.optionId));
    expect(chosen).toEqual(new Set(["listen", "refund"]));
    const rerun = started(2, 3);
    rerun.ok({ type: "trainer.openVote" }, trainer);
    rerun.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
    rerun.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t2"));
    rerun.ok({ type: "trainer.closeVote" }, trainer);
    rerun.ok({ type: "trainer.breakTie", draw: true }, trainer);
    expect(projectTrainer(rerun.state).history[0]?.optionId).toBe(picks[2]?.optionId);
  });

  it("lets the trainer override the majority, keeping the vote on record", () => {
    const d = started(3);
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "blame" }, trainee("t1"));
    d.ok({ type: "trainee.vote", optionId: "blame" }, trainee("t2"));
    d.ok({ type: "trainer.override", optionId: "listen" }, trainer);
    const decision = projectTrainer(d.state).history[0];
    expect(decision).toMatchObject({
      optionId: "listen",
      decidedBy: "override",
      votes: { t1: "blame", t2: "blame" },
    });
    expect(projectTrainee(d.state, "t3").result?.decidedBy).toBe("override");
  });

  it("rewinds to an earlier decision and keeps the abandoned branch for the debrief", () => {
    const d = started(1);
    d.ok({ type: "trainer.override", optionId: "listen" }, trainer);
    d.ok({ type: "trainer.override", optionId: "shrug" }, trainer);
    d.ok({ type: "trainer.showEnding" }, trainer);
    d.ok({ type: "trainer.end" }, trainer);
    expect(phaseOf(d.state)).toBe("debrief");
    expect(d.send({ type: "trainer.rewind", stepIndex: 2 }, trainer)?.code).toBe("rewind.out-of-range");
    d.ok({ type: "trainer.rewind", stepIndex: 1 }, trainer);
    expect(phaseOf(d.state)).toBe("deciding");
    expect(projectTrainee(d.state, "t1").customer?.line).toBe("So what now?");
    d.ok({ type: "trainer.override", optionId: "ship-express" }, trainer);
    d.ok({ type: "trainer.showEnding" }, trainer);
    const wall = projectProjector(d.state);
    expect(wall.path.map((s) => s.optionId)).toEqual(["listen", "ship-express"]);
    expect(wall.ending?.id).toBe("kept");
    expect(wall.branches).toEqual([
      {
        fromStep: 1,
        steps: [expect.objectContaining({ optionId: "shrug", moodAfter: 35 })],
        ending: expect.objectContaining({ id: "lost", outcome: "lost-quietly" }),
      },
    ]);
  });

  it("moves on to the library's next scenario, and skipping goes back to the lobby", () => {
    const d = started(1);
    expect(d.send({ type: "trainer.nextScenario" }, trainer)?.code).toBe("phase.wrong");
    d.ok({ type: "trainer.end" }, trainer);
    d.ok({ type: "trainer.nextScenario" }, trainer);
    expect(phaseOf(d.state)).toBe("lobby");
    expect(projectTrainer(d.state).scenario?.id).toBe("second-parcel");
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainer.skip" }, trainer);
    expect(phaseOf(d.state)).toBe("lobby");
    expect(projectTrainer(d.state).scenario).toBeUndefined();
    expect(d.send({ type: "trainer.start" }, trainer)?.code).toBe("scenario.none");
    expect(d.state.context.past.map((p) => p.endedBy)).toEqual(["debrief", "skip"]);
  });

  it("ends a paused scenario into an unpaused debrief", () => {
    const d = started(1);
    d.ok({ type: "trainer.openVote", seconds: 30 }, trainer);
    d.ok({ type: "trainer.pause" }, trainer);
    d.ok({ type: "trainer.end" }, trainer);
    expect(projectProjector(d.state)).toMatchObject({
      phase: "debrief",
      paused: false,
      vote: { open: false },
    });
  });
});
