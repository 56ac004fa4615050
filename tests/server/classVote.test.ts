import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { ProjectorView, TrainerView } from "@hotseat/shared";
import { hostSession, joinTrainees, Peer, startTestServer } from "./harness";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe("a class of 30 voting through a scenario", () => {
  it("goes from join to debrief, and each role sees only what it should", async () => {
    const hosted = await hostSession(server.url);
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const projector = await Peer.join<ProjectorView>(server.url, hosted.code, { role: "projector" });
    const [first] = await joinTrainees(server.url, hosted.code, 1);
    const lonelySize = JSON.stringify(first!.view).length;
    const rest = await joinTrainees(server.url, hosted.code, 29, 1);
    const trainees = [first!, ...rest];

    await trainer.viewWhere((v) => v.roster.length === 30, "30 trainees on the roster");
    await projector.viewWhere((v) => v.traineeCount === 30 && v.connectedCount === 30, "30 on the projector");
    expect(new Set(trainer.view.roster.map((r) => r.name)).size).toBe(30);
    // A phone's view does not grow with the class: no roster, no counts.
    expect(JSON.stringify(first!.view).length).toBe(lonelySize);

    trainer.send({ type: "trainer.start" });
    trainer.send({ type: "trainer.openVote" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.can === "vote", "the vote to open")));
    expect(trainees[0]!.view.options.map((o) => o.id)).toEqual(["listen", "blame", "refund"]);

    trainees.forEach((t, i) =>
      t.send({ type: "trainee.vote", optionId: i < 20 ? "listen" : "blame", stepIndex: 0 }),
    );
    await trainer.viewWhere((v) => Object.keys(v.votes).length === 30, "all 30 votes on the console");
    await projector.viewWhere((v) => v.votesCast === 30, "30 votes on the projector");
    expect(projector.view.tally).toEqual([
      { optionId: "listen", count: 20 },
      { optionId: "blame", count: 10 },
      { optionId: "refund", count: 0 },
    ]);
    // The trainer previews what each option would do; nobody else ever gets effects.
    expect(trainer.view.options.find((o) => o.id === "listen")?.effects.mood).toBe(20);
    trainees.forEach((t, i) => {
      const json = JSON.stringify(t.view);
      expect(json).not.toContain("effects");
      expect(json).not.toContain('"votes"');
      // No other trainee's name or id.
      const other = trainees[(i + 1) % trainees.length]!;
      expect(json).not.toContain(`"${other.view.me.name}"`);
      expect(json).not.toContain(other.view.me.id);
    });
    expect(trainees[0]!.view.myVote).toBe("listen");
    expect(trainees[25]!.view.myVote).toBe("blame");
    expect(JSON.stringify(projector.view)).not.toMatch(/Trainee \d|t-[\w-]{12}/);

    trainer.send({ type: "trainer.reveal" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.phase === "revealed", "the reveal")));
    for (const t of trainees) {
      expect(t.view.result).toMatchObject({ optionId: "listen", decidedBy: "majority" });
      expect(t.view.result?.feedback).toBe("Listening first calms him.");
      expect(t.view.meters?.mood).toBe(50);
      expect(t.view.customer?.line).toBe("So what now?");
    }

    trainer.send({ type: "trainer.openVote" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.can === "vote" && v.stepIndex === 1)));
    trainees.forEach((t, i) =>
      t.send({ type: "trainee.vote", optionId: i < 16 ? "promise" : "shrug", stepIndex: 1 }),
    );
    await projector.viewWhere((v) => v.votesCast === 30, "30 second-round votes");
    // One phone reads Polish: its own choice comes in its language, spliced into the run's shared frame.
    trainees[29]!.send({ type: "client.setLocale", locale: "pl" });
    trainer.send({ type: "trainer.reveal" });

    // The last decision is revealed like every other: the customer's last words, the feedback, the split.
    await Promise.all(
      trainees.map((t) => t.viewWhere((v) => v.phase === "revealed" && v.stepIndex === 2, "the last reveal")),
    );
    trainees.forEach((t, i) => {
      expect(t.view.result).toMatchObject({
        optionId: "promise",
        feedback: i === 29 ? "Jasna obietnica." : "A clear promise.",
      });
      expect(t.view.ending).toBeUndefined();
      // Each phone has its own choice and the expert's word on it, and nobody else's.
      expect(t.view.myChoice).toEqual(
        i < 16
          ? {
              kind: "vote",
              optionId: "promise",
              label: "It will be there by five.",
              feedback: "A clear promise.",
              tags: ["offers-solution"],
            }
          : i < 29
            ? {
                kind: "vote",
                optionId: "shrug",
                label: "Nothing I can do.",
                feedback: "He gives up on us.",
                tags: ["denies-emotion"],
              }
            : {
                kind: "vote",
                optionId: "shrug",
                label: "Nic nie mogę zrobić.",
                feedback: "Rezygnuje z nas.",
                tags: ["denies-emotion"],
              },
      );
    });
    const lastReveal = await projector.viewWhere((v) => v.phase === "revealed" && v.stepIndex === 2);
    expect(lastReveal.customer?.line).toBe("Thanks, that helps.");
    expect(lastReveal.tally).toEqual([
      { optionId: "promise", count: 16 },
      { optionId: "shrug", count: 14 },
    ]);
    expect(lastReveal.ending).toBeUndefined();
    await trainer.viewWhere((v) => v.controls.showEnding, "Next to show the ending");
    trainer.send({ type: "trainer.showEnding" });
    const ending = await projector.viewWhere((v) => v.phase === "ending", "the ending's moment");
    expect(ending.ending).toMatchObject({ id: "calm", outcome: "kept", title: "He calms down" });
    trainer.send({ type: "trainer.end" });

    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.phase === "debrief", "the debrief")));
    trainees.forEach((t, i) => {
      expect(t.view.ending).toMatchObject({
        id: "calm",
        outcome: "kept",
        title: i === 29 ? "Uspokaja się" : "He calms down",
      });
      expect(t.view.path?.map((s) => s.optionId)).toEqual(["listen", "promise"]);
    });
    const finalConsole = await trainer.viewWhere((v) => v.phase === "debrief");
    expect(
      finalConsole.history.map((d) => [d.optionId, d.tally.find((l) => l.optionId === d.optionId)?.count]),
    ).toEqual([
      ["listen", 20],
      ["promise", 16],
    ]);
    expect(finalConsole.history[1]?.votes[trainees[29]!.welcome!.traineeId!]).toBe("shrug");
    expect((await projector.viewWhere((v) => v.phase === "debrief")).ending?.id).toBe("calm");

    // Nobody was disconnected or refused on the way.
    for (const p of [trainer, projector, ...trainees]) {
      expect(p.left).toBeUndefined();
      expect(p.errors).toEqual([]);
    }
    await Promise.all([trainer, projector, ...trainees].map((p) => p.leave()));
  });
});
