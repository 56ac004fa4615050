import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { hostedClass, hostSession, joinTrainees, Peer, startTestServer } from "./harness";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function session(traineeCount: number) {
  const { hosted, trainer, projector, trainees } = await hostedClass(server.url, traineeCount);
  await trainer.viewWhere((v) => v.roster.length === traineeCount);
  return { hosted, trainer, projector, trainees };
}

describe("play styles", () => {
  it("hot seat: one trainee chooses, the others mark secretly, the seat passes on", async () => {
    const { trainer, projector, trainees } = await session(3);
    trainer.send({ type: "trainer.setStyle", style: "hot-seat" });
    trainer.send({ type: "trainer.passSeat", traineeId: trainees[0]!.view.me.id });
    trainer.send({ type: "trainer.start" });
    const [holder, obs1, obs2] = trainees as [Peer<TraineeView>, Peer<TraineeView>, Peer<TraineeView>];
    await holder.viewWhere((v) => v.can === "choose");
    await obs1.viewWhere((v) => v.can === "mark" && v.hotSeat?.holderName === "Trainee 1");
    expect(holder.view.hotSeat?.inSeat).toBe(true);
    expect((await projector.viewWhere((v) => v.hotSeat !== undefined)).hotSeat?.holderName).toBe("Trainee 1");

    obs1.send({ type: "trainee.mark", optionId: "blame", stepIndex: 0 });
    obs2.send({ type: "trainee.mark", optionId: "listen", stepIndex: 0 });
    await obs1.viewWhere((v) => v.myMark === "blame");
    await trainer.viewWhere((v) => Object.keys(v.marks).length === 2);
    // Marks are secret: the holder and the other observer never see them.
    expect(holder.view.myMark).toBeUndefined();
    expect(JSON.stringify(holder.view)).not.toMatch(/marks|Trainee 2|Trainee 3/);
    expect(obs2.view.myMark).toBe("listen");
    expect(JSON.stringify(obs2.view)).not.toContain(obs1.view.me.id);

    obs1.send({ type: "trainee.choose", optionId: "refund", stepIndex: 0 });
    await obs1.errorWith("choice.not-yours");
    holder.send({ type: "trainee.choose", optionId: "listen", stepIndex: 0 });
    await Promise.all(
      trainees.map((t) => t.viewWhere((v) => v.phase === "revealed" && v.result?.optionId === "listen")),
    );
    expect(holder.view.result?.decidedBy).toBe("hot-seat");
    // Each observer reads the expert's word on their own mark; the holder has none and sees no one's.
    expect(obs1.view.myChoice).toMatchObject({
      kind: "mark",
      optionId: "blame",
      feedback: "Blaming the customer angers him.",
    });
    expect(obs2.view.myChoice).toMatchObject({ kind: "mark", optionId: "listen" });
    expect(holder.view.myChoice).toBeUndefined();
    const decision = (await trainer.viewWhere((v) => v.history.length === 1)).history[0]!;
    expect(decision.marks).toEqual({ [obs1.view.me.id]: "blame", [obs2.view.me.id]: "listen" });
    // The wall shows how the room would have answered; nobody sees the next options until the trainer's Next.
    const wall = await projector.viewWhere((v) => v.roomAnswers !== undefined, "the room's answers");
    expect(wall.roomAnswers?.map((a) => [a.optionId, a.count, a.chosen])).toEqual([
      ["listen", 1, true],
      ["blame", 1, false],
    ]);
    expect(wall.options).toEqual([]);
    expect(holder.view).toMatchObject({ can: "wait", options: [] });
    holder.send({ type: "trainee.choose", optionId: "promise", stepIndex: 1 });
    await holder.errorWith("phase.wrong");
    trainer.send({ type: "trainer.next" });
    await holder.viewWhere((v) => v.phase === "deciding" && v.can === "choose", "Next to show the options");

    // Passing without a name gives the seat to the next trainee in join order.
    trainer.send({ type: "trainer.passSeat" });
    const passed = await trainer.viewWhere(
      (v) => v.hotSeat !== undefined && v.hotSeat.holderId !== holder.view.me.id,
    );
    const next = trainees.find((t) => t.view.me.id === passed.hotSeat?.holderId)!;
    await next.viewWhere((v) => v.can === "choose" && v.hotSeat?.inSeat === true, "the seat to pass on");
    await holder.viewWhere((v) => v.can === "mark");
    next.send({ type: "trainee.choose", optionId: "promise", stepIndex: 1 });
    // The last choice is revealed like the others, the observer's own mark with it; then the ending, the debrief.
    await holder.viewWhere((v) => v.phase === "revealed" && v.stepIndex === 2, "the last reveal");
    expect(holder.view.result?.feedback).toBe("A clear promise.");
    expect(holder.view.ending).toBeUndefined();
    await trainer.viewWhere((v) => v.controls.showEnding);
    trainer.send({ type: "trainer.showEnding" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.phase === "ending")));
    trainer.send({ type: "trainer.end" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.phase === "debrief")));
    expect(holder.view.ending?.id).toBe("calm");
    expect(holder.view.path?.map((s) => s.optionId)).toEqual(["listen", "promise"]);
  });

  it("teams: each team plays its own run through its captain, and the projector compares them", async () => {
    const { trainer, projector, trainees } = await session(4);
    trainer.send({ type: "trainer.splitTeams", count: 2 });
    const board = await trainer.viewWhere((v) => v.style === "teams" && v.teams.length === 2);
    trainer.send({ type: "trainer.start" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.phase !== "lobby" && v.team !== undefined)));
    const captains = trainees.filter((t) => t.view.team?.isCaptain);
    expect(captains).toHaveLength(2);
    expect(new Set(captains.map((c) => c.view.team?.id))).toEqual(new Set(board.teams.map((t) => t.id)));
    const [red, blue] = captains as [Peer<TraineeView>, Peer<TraineeView>];
    const member = trainees.find((t) => !t.view.team?.isCaptain && t.view.team?.id === red.view.team?.id)!;
    expect(member.view.can).toBe("wait");
    member.send({ type: "trainee.choose", optionId: "listen", stepIndex: 0 });
    await member.errorWith("choice.not-yours");

    red.send({ type: "trainee.choose", optionId: "listen", stepIndex: 0 });
    blue.send({ type: "trainee.choose", optionId: "blame", stepIndex: 0 });
    await member.viewWhere(
      (v) => v.result?.optionId === "listen" && v.stepIndex === 1,
      "the red team's result",
    );
    const wall = await projector.viewWhere(
      (v) => v.teams.every((t) => t.stepIndex === 1),
      "both teams on the board",
    );
    const moods = Object.fromEntries(wall.teams.map((t) => [t.id, t.meters.mood]));
    expect(moods[red.view.team!.id]).toBe(50);
    expect(moods[blue.view.team!.id]).toBe(10);

    red.send({ type: "trainee.choose", optionId: "promise", stepIndex: 1 });
    blue.send({ type: "trainee.choose", optionId: "promise", stepIndex: 1 });
    await projector.viewWhere((v) => v.teams.every((t) => t.ended), "both teams at their ending");
    expect(projector.view.teams.map((t) => t.outcome)).toEqual([undefined, undefined]);
    await trainer.viewWhere((v) => v.controls.showEnding);
    trainer.send({ type: "trainer.showEnding" });
    const end = await projector.viewWhere((v) => v.phase === "ending", "the endings once both teams ended");
    const endings = Object.fromEntries(end.teams.map((t) => [t.id, t.outcome]));
    expect(endings[red.view.team!.id]).toBe("kept");
    expect(endings[blue.view.team!.id]).toBe("lost-quietly");
  });

  it("solo: one trainee plays alone; a second one cannot take the seat", async () => {
    const hosted = await hostSession(server.url);
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    trainer.send({ type: "trainer.setStyle", style: "solo" });
    await trainer.viewWhere((v) => v.style === "solo");
    const [solo] = (await joinTrainees(server.url, hosted.code, 1)) as [Peer<TraineeView>];
    await expect(joinTrainees(server.url, hosted.code, 1, 1)).rejects.toMatchObject({
      code: 4409,
      message: expect.stringMatching(/^join\.solo-full: /),
    });
    trainer.send({ type: "trainer.start" });
    await solo.viewWhere((v) => v.can === "choose");
    solo.send({ type: "trainee.choose", optionId: "refund", stepIndex: 0 });
    await solo.viewWhere((v) => v.stepIndex === 1 && v.meters?.mood === 35);
    expect(solo.view.result?.decidedBy).toBe("solo");
    solo.send({ type: "trainee.choose", optionId: "promise", stepIndex: 1 });
    await solo.viewWhere((v) => v.phase === "revealed" && v.stepIndex === 2);
    // A trainer runs this solo session, so moving on is the trainer's.
    expect(solo.view.moveOn).toBeUndefined();
    trainer.send({ type: "trainer.showEnding" });
    await solo.viewWhere((v) => v.phase === "ending");
    trainer.send({ type: "trainer.end" });
    const end = await solo.viewWhere((v) => v.phase === "debrief");
    expect(end.ending?.id).toBe("gone");
    expect((await trainer.viewWhere((v) => v.phase === "debrief")).ledger).toEqual([
      { item: "refund", amount: 30 },
    ]);
  });
});
