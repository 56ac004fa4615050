import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TraineeView } from "@hotseat/shared";
import { hostedClass, startTestServer } from "./harness";
import type { Peer } from "./harness";
import { ManualClock } from "./manualClock";

let server: RunningServer;
// The vote's 30 s pass when the test says so.
const clock = new ManualClock();
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.stop();
});

async function timedVote(traineeCount: number) {
  const { trainer, projector, trainees } = await hostedClass(server.url, traineeCount);
  trainer.send({ type: "trainer.start" });
  trainer.send({ type: "trainer.openVote", seconds: 30 });
  await Promise.all(trainees.map((t) => t.viewWhere((v) => v.can === "vote", "the vote to open")));
  return { trainer, projector, trainees };
}

describe("the vote timer", () => {
  it("reveals the leader when time runs out, and tells a trainee who did not vote", async () => {
    const { projector, trainees } = await timedVote(3);
    const [ana, ben, cleo] = trainees as [Peer<TraineeView>, Peer<TraineeView>, Peer<TraineeView>];
    ana.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    ben.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    await projector.viewWhere((v) => v.votesCast === 2, "two votes counted");
    clock.advance(30_000);
    const wall = await projector.viewWhere((v) => v.phase === "revealed", "the reveal on the wall");
    expect(wall.result).toMatchObject({ optionId: "listen", decidedBy: "majority" });
    const late = await cleo.viewWhere((v) => v.phase === "revealed", "the reveal on the silent phone");
    expect(late).toMatchObject({ missedVote: true, result: { optionId: "listen" } });
    expect((await ana.viewWhere((v) => v.phase === "revealed")).missedVote).toBeUndefined();
  });

  it("stops at a tie for the trainer to settle when time runs out on one", async () => {
    const { trainer, projector, trainees } = await timedVote(2);
    trainees[0]!.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    trainees[1]!.send({ type: "trainee.vote", optionId: "blame", stepIndex: 0 });
    await projector.viewWhere((v) => v.votesCast === 2, "two votes counted");
    clock.advance(30_000);
    const tied = await projector.viewWhere((v) => v.phase === "closed", "the tie on the wall");
    expect(tied.tiedOptionIds.sort()).toEqual(["blame", "listen"]);
    expect((await trainer.viewWhere((v) => v.controls.breakTie)).phase).toBe("closed");
  });
});
