import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TraineeView } from "@hotseat/shared";
import { classInVote, Peer, startTestServer, until } from "./harness";
import { ManualClock } from "./manualClock";

let server: RunningServer;
// Reconnection windows end when the test says so, not after a real 3 s.
const windows = new ManualClock();
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 3, reconnectTimer: windows.set });
});
afterAll(async () => {
  await server.stop();
});

/** Cuts the socket without a goodbye, as a phone that walks out of Wi-Fi range does. */
function dropSocket(peer: Peer): void {
  peer.room.connection.close(4010, "network lost");
}

describe("a trainee whose connection drops", () => {
  it("comes back by itself with the same seat, name and vote, and sees what happened meanwhile", async () => {
    const { trainer, trainees } = await classInVote(server.url, 3);
    const [ana, ben, cleo] = trainees as [Peer<TraineeView>, Peer<TraineeView>, Peer<TraineeView>];
    ana.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    ben.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    cleo.send({ type: "trainee.vote", optionId: "blame", stepIndex: 0 });
    await trainer.viewWhere((v) => Object.keys(v.votes).length === 3);
    const id = ana.view.me.id;

    dropSocket(ana);
    await until(() => ana.reconnected === 1, "the SDK to reconnect");
    const back = await ana.viewWhere((v) => v.myVote === "listen");
    expect(back.me).toEqual({ id, name: "Trainee 1", removed: false });
    await trainer.viewWhere((v) => v.roster.every((r) => r.connected), "everyone connected again");
    expect(trainer.view.votes[id]).toBe("listen");

    // The trainer reveals while ben is away; ben sees the result when he is back.
    dropSocket(ben);
    await trainer.viewWhere((v) => v.roster.some((r) => !r.connected), "ben shown as disconnected");
    trainer.send({ type: "trainer.reveal" });
    await cleo.viewWhere((v) => v.phase === "revealed");
    const benBack = await ben.viewWhere((v) => v.phase === "revealed", "ben to see the reveal");
    expect(benBack.result?.optionId).toBe("listen");
    expect(ben.left).toBeUndefined();
    expect(trainer.view.roster.map((r) => r.connected)).toEqual([true, true, true]);
  });

  it("gets the same seat back after a page reload (a new connection with the device's key)", async () => {
    const { hosted, trainer, trainees } = await classInVote(server.url, 2);
    const [ana] = trainees as [Peer<TraineeView>];
    ana.send({ type: "trainee.vote", optionId: "refund", stepIndex: 0 });
    await ana.viewWhere((v) => v.myVote === "refund");
    const id = ana.view.me.id;
    // The reload: the old page is gone without a goodbye, the new one joins with the stored key.
    ana.room.reconnection.enabled = false;
    dropSocket(ana);
    const reloaded = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      reconnectKey: `key-${hosted.code}-0`,
    });
    expect(reloaded.welcome?.traineeId).toBe(id);
    expect(reloaded.view.me.name).toBe("Trainee 1");
    expect(reloaded.view.myVote).toBe("refund");
    expect(reloaded.view.can).toBe("vote");
    reloaded.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    await trainer.viewWhere((v) => v.votes[id] === "listen");
    expect(trainer.view.roster).toHaveLength(2);
    await until(() => trainer.view.roster.every((r) => r.connected), "the reloaded seat shown connected");
  });

  it("stays on the roster, shown disconnected, when it does not come back in time", async () => {
    const { hosted, trainer, trainees } = await classInVote(server.url, 2);
    const [ana] = trainees as [Peer<TraineeView>];
    ana.send({ type: "trainee.vote", optionId: "blame", stepIndex: 0 });
    await trainer.viewWhere((v) => Object.keys(v.votes).length === 1);
    ana.room.reconnection.enabled = false;
    const oldToken = ana.room.reconnectionToken;
    const open = windows.waiting;
    dropSocket(ana);
    await trainer.viewWhere((v) => v.roster.some((r) => !r.connected));
    await until(() => windows.waiting === open + 1, "the room to open a reconnection window");
    windows.advance(3_000);
    // The window is over: the dropped connection itself can no longer resume.
    await expect(ana.client.reconnect(oldToken)).rejects.toThrow();
    // Still there: the vote counts, and the key brings the trainee back whenever they return.
    expect(trainer.view.roster).toHaveLength(2);
    expect(Object.values(trainer.view.votes)).toEqual(["blame"]);
    const late = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      reconnectKey: `key-${hosted.code}-0`,
    });
    expect(late.view.me.id).toBe(ana.view.me.id);
    expect(late.view.myVote).toBe("blame");
    await trainer.viewWhere((v) => v.roster.every((r) => r.connected), "the late trainee connected again");
  });
});
