import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, Peer, startTestServer } from "./harness";

let server: RunningServer;
beforeAll(async () => {
  // Generous guess limits: this file tries every route many times; throttling has its own tests.
  server = await startTestServer({
    httpLimits: { guesses: { burst: 10_000, perSecond: 100, failureCost: 1 } },
  });
});
afterAll(async () => {
  await server.stop();
});

/** Every way the matchmaker offers to get into a room of a kind without naming it, and the roles worth having. */
const methods = ["joinOrCreate", "join", "create"] as const;
const seats = [
  { role: "trainee", name: "Intruder", reconnectKey: "intruder-device" },
  // A projector's view shows the join code.
  { role: "projector" },
  { role: "trainer" },
] as const;

describe("a session cannot be joined without its code", () => {
  it("refuses the matchmaker's own routes, through the SDK and plain HTTP, and seats nobody", async () => {
    const hosted = await hostSession(server.url);
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const client = new Client(server.url.replace(/^http/, "ws"));

    for (const method of methods) {
      for (const seat of seats) {
        await expect(client[method]("session", seat), `${method} as ${seat.role}`).rejects.toBeInstanceOf(
          Error,
        );
        // Knowing the code is no help through these routes either: only joining by id uses it.
        await expect(
          client[method]("session", { ...seat, code: hosted.code, roomId: hosted.code }),
          `${method} as ${seat.role} with the code`,
        ).rejects.toBeInstanceOf(Error);
        const res = await fetch(`${server.url}/matchmake/${method}/session`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(seat),
        });
        const body = (await res.json()) as { roomId?: string; sessionId?: string };
        expect(res.ok, `POST /matchmake/${method}/session as ${seat.role}`).toBe(false);
        expect(body.roomId).toBeUndefined();
        expect(body.sessionId).toBeUndefined();
      }
    }

    // Nobody got in: the roster and the projector count are as they were, and no second session was opened.
    const projector = await Peer.join<ProjectorView>(server.url, hosted.code, { role: "projector" });
    const view = await trainer.viewWhere((v) => v.projectorCount === 1, "the legitimate projector");
    expect(view.roster).toEqual([]);
    expect(projector.view.traineeCount).toBe(0);
    expect(await server.host.queries.list()).toHaveLength(1);
  });

  it("still seats whoever joins by the code (and the trainer only with the token)", async () => {
    const hosted = await hostSession(server.url);
    const ana = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      name: "Ana",
      reconnectKey: "ana-device",
    });
    expect(ana.welcome?.code).toBe(hosted.code);
    const client = new Client(server.url.replace(/^http/, "ws"));
    await expect(client.joinById(hosted.code, { role: "trainer" })).rejects.toMatchObject({ code: 4401 });
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    expect(trainer.view.roster.map((r) => r.name)).toEqual(["Ana"]);
  });
});
