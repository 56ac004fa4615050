import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, joinTrainees, Peer, startTestServer, until } from "./harness";

let server: RunningServer;
beforeAll(async () => {
  // A short cut-off so the sustained-flood case runs in a couple of seconds. The burst holds the 24 messages
  // the first test's trainee sends however fast the machine runs them; the flooder's 300 go far beyond it.
  server = await startTestServer({ rateLimit: { burst: 40, perSecond: 20, cutOffAfterSeconds: 2 } });
});
afterAll(async () => {
  await server.stop();
});

async function classInVote() {
  const hosted = await hostSession(server.url);
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const projector = await Peer.join<ProjectorView>(server.url, hosted.code, { role: "projector" });
  const [ana, ben] = (await joinTrainees(server.url, hosted.code, 2)) as [
    Peer<TraineeView>,
    Peer<TraineeView>,
  ];
  // Joins reach the console in a coalesced update; compare "before" and "after" only once it is in.
  await trainer.viewWhere((v) => v.roster.length === 2 && v.projectorCount === 1);
  return { hosted, trainer, projector, ana, ben };
}

/** Sends a bad message and checks the reply code, that the sender stays connected and that nothing changed. */
async function refused(
  sender: Peer,
  trainer: Peer<TrainerView>,
  message: { type: string } & Record<string, unknown>,
  code: string,
) {
  const before = JSON.stringify(trainer.view);
  sender.send(message);
  const error = await sender.errorWith(code);
  expect(error.message.length).toBeGreaterThan(0);
  // A harmless probe afterwards proves the sender is still connected and the room still answers it.
  sender.send({ type: "trainee.dance" });
  await sender.errorWith("message.unknown");
  expect(sender.left).toBeUndefined();
  expect(JSON.stringify(trainer.view)).toBe(before);
}

describe("bad input is answered with an error and changes nothing", () => {
  it("refuses malformed, unknown, out-of-turn and unauthorised messages", async () => {
    const { trainer, projector, ana } = await classInVote();
    await refused(ana, trainer, { type: "trainee.vote", optionId: "listen" }, "vote.closed");
    trainer.send({ type: "trainer.start" });
    await ana.viewWhere((v) => v.phase === "deciding");
    await refused(ana, trainer, { type: "trainee.vote", optionId: "listen" }, "vote.closed");
    trainer.send({ type: "trainer.openVote" });
    await ana.viewWhere((v) => v.can === "vote");
    await trainer.viewWhere((v) => v.phase === "voting");

    await refused(ana, trainer, { type: "trainee.vote", optionId: 42 }, "message.malformed");
    await refused(
      ana,
      trainer,
      { type: "trainee.vote", optionId: "listen", extra: "field" },
      "message.malformed",
    );
    await refused(ana, trainer, { type: "trainee.vote", optionId: "x".repeat(5000) }, "message.malformed");
    await refused(ana, trainer, { type: "trainee.vote", optionId: "teleport" }, "vote.unknown-option");
    await refused(ana, trainer, { type: "trainee.vote", optionId: "listen", stepIndex: 3 }, "choice.stale");
    await refused(ana, trainer, { type: "trainee.choose", optionId: "listen" }, "choice.not-yours");
    await refused(ana, trainer, { type: "trainer.reveal" }, "role.forbidden");
    await refused(
      ana,
      trainer,
      { type: "trainer.remove", traineeId: trainer.view.roster[1]!.id },
      "role.forbidden",
    );
    await refused(projector, trainer, { type: "trainee.vote", optionId: "listen" }, "role.forbidden");
    await refused(projector, trainer, { type: "trainer.end" }, "role.forbidden");
    await refused(trainer, trainer, { type: "trainer.openVote" }, "phase.wrong");
    await refused(trainer, trainer, { type: "trainer.rewind", stepIndex: 5 }, "rewind.out-of-range");
    await refused(
      trainer,
      trainer,
      { type: "session.joined", role: "trainee", traineeId: "ghost" },
      "message.unknown",
    );
    await refused(trainer, trainer, { type: "timer.expired" }, "message.unknown");

    // Payloads that are not objects at all.
    const before = JSON.stringify(trainer.view);
    ana.room.send("trainee.vote", "listen");
    await ana.errorWith("message.malformed");
    ana.room.send("trainee.vote", [1, 2]);
    await ana.errorWith("message.malformed");
    ana.room.send(7, { optionId: "listen" });
    await ana.errorWith("message.malformed");
    expect(JSON.stringify(trainer.view)).toBe(before);

    // And a good vote still goes through afterwards.
    ana.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 });
    await trainer.viewWhere((v) => v.votes[ana.view.me.id] === "listen");
    expect(ana.left).toBeUndefined();
    expect(ana.errors.filter((e) => e.code === "rate.limited")).toEqual([]);
  });

  it("refuses joins with a wrong code, a wrong token, bad options or into a locked session", async () => {
    const { hosted, trainer, ana } = await classInVote();
    const client = new Client(server.url.replace(/^http/, "ws"));

    await expect(client.joinById("QQQQQQ", { role: "trainee", name: "Zed" })).rejects.toMatchObject({
      code: 522,
    });
    const status = await fetch(`${server.url}/api/sessions/QQQQQQ`);
    expect(status.status).toBe(404);
    expect(((await status.json()) as { error: { code: string } }).error.code).toBe("join.bad-code");

    await expect(
      client.joinById(hosted.code, { role: "trainer", trainerToken: "guess" }),
    ).rejects.toMatchObject({
      code: 4401,
      message: expect.stringMatching(/^join\.bad-token: /),
    });
    await expect(client.joinById(hosted.code, { role: "trainer" })).rejects.toMatchObject({ code: 4401 });
    await expect(client.joinById(hosted.code, { role: "admin" })).rejects.toMatchObject({
      code: 4400,
      message: expect.stringMatching(/^message\.malformed: /),
    });
    // Nobody can open a session room of their own: sessions are hosted through the API (the matchmaker
    // answers joinById and reconnect only; joinWithoutCode.test.ts tries every other route).
    await expect(client.create("session", { sessionId: "x", internalKey: "guess" })).rejects.toMatchObject({
      code: 520,
    });

    trainer.send({ type: "trainer.lock" });
    await trainer.viewWhere((v) => v.locked);
    await expect(
      client.joinById(hosted.code, { role: "trainee", name: "Late", reconnectKey: "late-device" }),
    ).rejects.toMatchObject({ code: 4403, message: expect.stringMatching(/^join\.locked: /) });
    // A trainee already in may come back through a new connection (a page reload) while locked.
    const reloaded = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      reconnectKey: `key-${hosted.code}-0`,
    });
    expect(reloaded.view.me.id).toBe(ana.view.me.id);
    await until(() => ana.left !== undefined, "the old tab to be replaced");
    expect(trainer.view.roster).toHaveLength(2);
  });

  it("answers a flooder with errors, keeps the room responsive, then cuts the flooder off", async () => {
    const { trainer, ana, ben } = await classInVote();
    trainer.send({ type: "trainer.start" });
    trainer.send({ type: "trainer.openVote" });
    await ben.viewWhere((v) => v.can === "vote");
    const options = ["listen", "blame", "refund"];
    // A burst far beyond 20 per second.
    for (let i = 0; i < 300; i++) ana.send({ type: "trainee.vote", optionId: options[i % 3]!, stepIndex: 0 });
    await ana.errorWith("rate.limited");
    expect(ana.left).toBeUndefined();
    // Another trainee is served normally meanwhile.
    ben.send({ type: "trainee.vote", optionId: "blame", stepIndex: 0 });
    await trainer.viewWhere((v) => v.votes[ben.view.me.id] === "blame", "ben's vote despite the flood");
    // Keep flooding: after two seconds of sustained abuse the room closes the connection.
    const flood = setInterval(() => {
      for (let i = 0; i < 50; i++) ana.send({ type: "trainer.dance" });
    }, 20);
    try {
      await until(() => ana.left !== undefined, "the flooder to be cut off", 10_000);
    } finally {
      clearInterval(flood);
    }
    expect(ana.left).toBe(4100);
    expect(ana.errors.filter((e) => e.code === "rate.limited").length).toBeLessThan(10);
    // The room is fine: the trainer still controls it and ben still gets views.
    trainer.send({ type: "trainer.reveal" });
    await ben.viewWhere((v) => v.phase === "revealed" || v.phase === "closed", "the reveal after the flood");
    expect(ben.left).toBeUndefined();
  });
});
