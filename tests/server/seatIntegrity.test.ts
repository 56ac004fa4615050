import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, joinTrainees, Peer, startTestServer, until } from "./harness";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 30 });
});
afterAll(async () => {
  await server.stop();
});

const ws = () => server.url.replace(/^http/, "ws");

async function lobby(size: number) {
  const hosted = await hostSession(server.url);
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const trainees = await joinTrainees(server.url, hosted.code, size);
  await trainer.viewWhere((v) => v.roster.length === size && v.roster.every((r) => r.connected));
  return { hosted, trainer, trainees };
}

describe("seats", () => {
  it("closes a trainee removed while offline with 'removed' (4004) when it comes back, not 'replaced'", async () => {
    const { trainer, trainees } = await lobby(2);
    const [ana] = trainees as [Peer<TraineeView>];
    const id = ana.view.me.id;
    const token = ana.room.reconnectionToken;
    // The phone goes offline without a goodbye, and does not come back by itself before the removal.
    ana.room.reconnection.enabled = false;
    ana.room.connection.close(4010, "network lost");
    await trainer.viewWhere((v) => v.roster.some((r) => r.id === id && !r.connected), "ana shown offline");
    trainer.send({ type: "trainer.remove", traineeId: id });
    await trainer.viewWhere((v) => v.roster.find((r) => r.id === id)?.removed === true, "ana removed");

    // Back online: the SDK resumes the dropped connection with its token.
    await expect(new Client(ws()).reconnect(token)).rejects.toMatchObject({ code: 4004 });
    // And a fresh join with the device's key is refused as removed too.
    await expect(
      new Client(ws()).joinById(trainer.welcome!.code, {
        role: "trainee",
        reconnectKey: `key-${trainer.welcome!.code}-0`,
      }),
    ).rejects.toMatchObject({ code: 4404 });
  });

  it("refuses a reconnection token while its owner is still connected, and keeps the owner's seat", async () => {
    const { trainer, trainees } = await lobby(1);
    const [ana] = trainees as [Peer<TraineeView>];
    trainer.send({ type: "trainer.start" });
    trainer.send({ type: "trainer.openVote" });
    await ana.viewWhere((v) => v.can === "vote");

    // Someone who learnt ana's token (a shared screen, a log) tries to take her live seat over.
    await expect(new Client(ws()).reconnect(ana.room.reconnectionToken)).rejects.toThrow(
      /reconnection token invalid or expired/,
    );
    ana.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    await trainer.viewWhere((v) => v.votes[ana.view.me.id] === "listen", "ana's vote after the attempt");
    expect(ana.left).toBeUndefined();
    expect(ana.dropped).toBe(0);

    // The token still does what it is for: resuming ana's own dropped connection.
    ana.room.connection.close(4010, "network lost");
    await until(() => ana.reconnected === 1, "ana's SDK to resume");
    expect(ana.view.me.id).toBe(trainer.view.roster[0]!.id);
  });

  it("refuses to select a scenario named after a member of every object (constructor, toString, __proto__)", async () => {
    const { trainer } = await lobby(0);
    const selected = trainer.view.scenario?.id;
    for (const scenarioId of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      trainer.send({ type: "trainer.selectScenario", scenarioId });
      const error = await trainer.errorWith("scenario.unknown");
      expect(error.message).toBe("There is no such scenario.");
    }
    trainer.send({ type: "trainer.start" });
    await trainer.viewWhere((v) => v.phase === "deciding", "the selected scenario still starting");
    expect(trainer.view.scenario?.id).toBe(selected);
    expect(trainer.left).toBeUndefined();
  });
});
