import { describe, expect, it } from "vitest";
import { traineeViewSchema } from "../protocol/traineeView";
import { applySessionEvent, createSession } from "./applySessionEvent";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { projectTrainer } from "./projectTrainer";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";
import type { SessionEvent } from "./sessionEvent";
import { phaseOf } from "./sessionPhase";

function started(count: number, style?: "hot-seat"): SessionDriver {
  const d = new SessionDriver();
  d.setUp(count);
  if (style) d.ok({ type: "trainer.setStyle", style }, trainer);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  return d;
}

/** Votes t1..tN for the given options in order, then reveals. */
function voteAndReveal(d: SessionDriver, choices: string[]): void {
  d.ok({ type: "trainer.openVote" }, trainer);
  choices.forEach((optionId, i) => d.ok({ type: "trainee.vote", optionId }, trainee(`t${i + 1}`)));
  d.ok({ type: "trainer.reveal" }, trainer);
}

describe("the last decision and the ending", () => {
  it("reveals a class vote's last decision like any other, then the ending, then the debrief on Next", () => {
    const d = started(3);
    voteAndReveal(d, ["listen", "listen", "refund"]);
    expect(projectTrainer(d.state).controls.showEnding).toBe(false);
    expect(d.send({ type: "trainer.showEnding" }, trainer)?.code).toBe("phase.wrong");
    voteAndReveal(d, ["shrug", "shrug", "ship-express"]);

    expect(phaseOf(d.state)).toBe("revealed");
    const wall = projectProjector(d.state);
    expect(wall.customer).toMatchObject({ line: "Whatever.", emotion: "contempt" });
    expect(wall.result).toMatchObject({ optionId: "shrug", decidedBy: "majority", tags: ["denies-emotion"] });
    expect(wall.meters?.mood).toBe(35);
    // The class's split stays beside the chosen answer.
    expect(wall.tally).toEqual([
      { optionId: "ship-express", count: 1 },
      { optionId: "shrug", count: 2 },
    ]);
    expect(wall.resultSplit).toEqual([
      { optionId: "ship-express", label: "I'll send another by express.", count: 1 },
      { optionId: "shrug", label: "Nothing I can do.", count: 2 },
    ]);
    expect(wall.ending).toBeUndefined();
    expect(projectTrainee(d.state, "t1").ending).toBeUndefined();
    // The trainer knows where it leads and gets Next to show it.
    const console = projectTrainer(d.state);
    expect(console.ending?.id).toBe("lost");
    expect(console.controls).toMatchObject({ showEnding: true, openVote: false, end: true });

    d.ok({ type: "trainer.showEnding" }, trainer);
    expect(phaseOf(d.state)).toBe("ending");
    expect(projectProjector(d.state)).toMatchObject({
      phase: "ending",
      ending: { id: "lost", outcome: "lost-quietly", title: "Lost", debrief: "He never orders again." },
      customer: { line: "Whatever." },
    });
    expect(projectTrainee(d.state, "t3").ending?.title).toBe("Lost");
    expect(projectTrainer(d.state).controls).toMatchObject({ showEnding: false, end: true });
    expect(d.send({ type: "trainer.showEnding" }, trainer)?.code).toBe("phase.wrong");
    // A trainee cannot move the class on.
    expect(d.send({ type: "trainer.end" }, trainee("t1"))?.code).toBe("role.forbidden");

    d.ok({ type: "trainer.end" }, trainer);
    expect(phaseOf(d.state)).toBe("debrief");
    expect(projectProjector(d.state).ending?.id).toBe("lost");
  });

  it("reveals the hot seat's last choice with every observer's own mark, then the ending", () => {
    const d = started(3, "hot-seat");
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    // The room discusses the reveal; the trainer's Next brings the next decision.
    d.ok({ type: "trainer.next" }, trainer);
    d.ok({ type: "trainee.mark", optionId: "ship-express" }, trainee("t2"));
    d.ok({ type: "trainee.mark", optionId: "shrug" }, trainee("t3"));
    d.ok({ type: "trainee.choose", optionId: "shrug" }, trainee("t1"));
    expect(phaseOf(d.state)).toBe("revealed");
    expect(projectTrainee(d.state, "t2")).toMatchObject({
      result: { optionId: "shrug", decidedBy: "hot-seat" },
      myChoice: { kind: "mark", optionId: "ship-express", label: "I'll send another by express." },
    });
    expect(projectTrainee(d.state, "t2").myChoice?.feedback).toBe("A solution.");
    expect(projectTrainee(d.state, "t1").myChoice).toBeUndefined();
    d.ok({ type: "trainer.showEnding" }, trainer);
    expect(projectProjector(d.state).ending?.id).toBe("lost");
    d.ok({ type: "trainer.end" }, trainer);
    expect(phaseOf(d.state)).toBe("debrief");
  });

  it("tells each phone its own vote and the feedback on it, in its language, and nobody else's", () => {
    const d = started(3);
    voteAndReveal(d, ["listen", "blame", "refund"]);
    // A three-way tie: settled by the trainer.
    d.ok({ type: "trainer.breakTie", optionId: "listen" }, trainer);
    const ben = projectTrainee(d.state, "t2");
    expect(ben.result).toMatchObject({ optionId: "listen", decidedBy: "tie-trainer" });
    expect(ben.myChoice).toEqual({
      kind: "vote",
      optionId: "blame",
      label: "The courier lost it.",
      feedback: "Blaming others.",
      tags: ["blames-subcontractor"],
    });
    expect(projectTrainee(d.state, "t1", "pl").myChoice).toMatchObject({ label: "Proszę opowiedzieć." });
    // An option without feedback still names the choice and its tags.
    expect(projectTrainee(d.state, "t3").myChoice).toEqual({
      kind: "vote",
      optionId: "refund",
      label: "Here is your money back.",
      tags: ["over-gives"],
    });
    expect(JSON.stringify(ben)).not.toMatch(/"t1"|"t3"|Trainee [13]|Here is your money back/);
    traineeViewSchema.parse(ben);
    // Not before the reveal, and gone when the next vote opens.
    d.ok({ type: "trainer.openVote" }, trainer);
    expect(projectTrainee(d.state, "t2").myChoice).toBeUndefined();
  });

  it("announces a tie on the wall and the phones, and how it was settled", () => {
    const d = started(4);
    voteAndReveal(d, ["listen", "listen", "refund", "refund"]);
    expect(phaseOf(d.state)).toBe("closed");
    expect(projectProjector(d.state)).toMatchObject({
      tiedOptionIds: ["listen", "refund"],
      tally: [
        { optionId: "listen", count: 2 },
        { optionId: "blame", count: 0 },
        { optionId: "refund", count: 2 },
      ],
    });
    expect(projectTrainee(d.state, "t1").tiedOptionIds).toEqual(["listen", "refund"]);
    expect(projectTrainer(d.state).controls).toMatchObject({ breakTie: true, reveal: false });
    d.ok({ type: "trainer.breakTie", draw: true }, trainer);
    const wall = projectProjector(d.state);
    expect(wall.result?.decidedBy).toBe("tie-draw");
    expect(wall.tally.map((l) => l.count)).toEqual([2, 0, 2]);
    expect(projectTrainee(d.state, "t1").tiedOptionIds).toBeUndefined();
    expect(projectTrainee(d.state, "t4").result?.decidedBy).toBe("tie-draw");
  });

  it("replays a log from before the ending's reveal (the debrief came by itself) without a refusal", () => {
    const d = started(2);
    voteAndReveal(d, ["blame", "blame"]);
    // The old machine went to the debrief here by itself; its log went on with these.
    const later: SessionEvent[] = [
      { type: "trainer.nextScenario", at: d.now + 1000, by: trainer },
      { type: "trainer.start", at: d.now + 2000, by: trainer },
    ];
    let state = createSession(d.library);
    for (const event of [...d.log, ...later]) {
      const outcome = applySessionEvent(state, event, d.library);
      expect(outcome.rejection).toBeUndefined();
      state = outcome.state;
    }
    expect(phaseOf(state)).toBe("deciding");
    expect(state.context.past.map((p) => [p.endedBy, p.runs["main"]?.ending?.id])).toEqual([
      ["debrief", "public"],
    ]);
    expect(state.context.scenario?.id).toBe("second-parcel");
  });
});
