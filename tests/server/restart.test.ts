import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import { fixtureScenariosDir, hostSession, joinTrainees, Peer, until } from "./harness";

const dataDir = mkdtempSync(join(tmpdir(), "hotseat-restart-"));
const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.kill()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number, dir = dataDir): Promise<ServerProcess> {
  const server = await startServerProcess(port, {
    HOTSEAT_DATA_DIR: dir,
    HOTSEAT_SCENARIOS_DIR: fixtureScenariosDir,
  });
  running.push(server);
  return server;
}

describe("a server killed in the middle of a session", () => {
  it("rebuilds the session from its log on restart; everyone rejoins at the same step with the same votes", async () => {
    const port = await freePort();
    const first = await start(port);
    const hosted = await hostSession(first.url);
    const trainerOptions = { role: "trainer" as const, trainerToken: hosted.trainerToken };
    const keys = Array.from({ length: 5 }, (_, i) => `device-${i}`);
    const joinAll = async (url: string) => ({
      trainer: await Peer.join<TrainerView>(url, hosted.code, trainerOptions),
      projector: await Peer.join<ProjectorView>(url, hosted.code, { role: "projector" }),
      trainees: await Promise.all(
        keys.map((reconnectKey, i) =>
          Peer.join<TraineeView>(url, hosted.code, { role: "trainee", name: `Pat ${i + 1}`, reconnectKey }),
        ),
      ),
    });

    const before = await joinAll(first.url);
    before.trainer.send({ type: "trainer.start" });
    before.trainer.send({ type: "trainer.openVote" });
    await Promise.all(before.trainees.map((t) => t.viewWhere((v) => v.can === "vote")));
    before.trainees.forEach((t, i) => t.send({ type: "trainee.vote", optionId: i < 4 ? "listen" : "blame" }));
    await before.trainer.viewWhere((v) => Object.keys(v.votes).length === 5);
    before.trainer.send({ type: "trainer.reveal" });
    await before.trainer.viewWhere((v) => v.phase === "revealed");
    // Second decision: a timed vote that is still running when the server dies.
    before.trainer.send({ type: "trainer.openVote", seconds: 20 });
    await Promise.all(before.trainees.map((t) => t.viewWhere((v) => v.can === "vote" && v.stepIndex === 1)));
    before.trainees.forEach((t, i) =>
      t.send({ type: "trainee.vote", optionId: i < 3 ? "promise" : "shrug" }),
    );
    const lastSeen = await before.trainer.viewWhere(
      (v) => Object.keys(v.votes).length === 5,
      "5 second votes",
    );
    const deadline = lastSeen.vote.deadline;
    expect(deadline).toBeGreaterThan(Date.now());
    const peers = [before.trainer, before.projector, ...before.trainees];
    // These stand in for the web client, which rejoins with its stored key once the SDK gives up.
    for (const p of peers) p.room.reconnection.enabled = false;

    await first.kill("SIGKILL");
    await until(() => peers.every((p) => p.left !== undefined), "every client to notice the crash");

    const second = await start(port);
    // Resumed lazily: when the first client comes back by code, not at start.
    expect(second.output()).not.toContain(hosted.code);
    const after = await joinAll(second.url);
    expect(second.output()).toContain(`[${hosted.code}] resumed from its log`);

    const console2 = after.trainer.view;
    expect(console2.phase).toBe("voting");
    expect(console2.stepIndex).toBe(1);
    expect(console2.vote.deadline).toBe(deadline);
    expect(console2.history.map((d) => d.optionId)).toEqual(["listen"]);
    expect(console2.roster.map((r) => r.name).sort()).toEqual(["Pat 1", "Pat 2", "Pat 3", "Pat 4", "Pat 5"]);
    expect(console2.roster.map((r) => r.id)).toEqual(lastSeen.roster.map((r) => r.id));
    expect(console2.votes).toEqual(lastSeen.votes);
    after.trainees.forEach((t, i) => {
      expect(t.view.me.id).toBe(before.trainees[i]!.view.me.id);
      expect(t.view.stepIndex).toBe(1);
      expect(t.view.myVote).toBe(i < 3 ? "promise" : "shrug");
      expect(t.view.meters?.mood).toBe(50);
    });
    expect(after.projector.view.votesCast).toBe(5);

    // The vote timer survived the crash: the restarted server reveals the vote at the same deadline.
    await after.trainer.viewWhere(
      (v) => v.controls.showEnding,
      "the timer to reveal the last decision",
      30_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(deadline!);
    after.trainer.send({ type: "trainer.showEnding" });
    await Promise.all(after.trainees.map((t) => t.viewWhere((v) => v.phase === "ending")));
    expect(after.trainees[0]!.view.ending?.id).toBe("calm");
    for (const p of [after.trainer, after.projector, ...after.trainees]) expect(p.errors).toEqual([]);
    await Promise.all([after.trainer, after.projector, ...after.trainees].map((p) => p.leave()));
  });

  it("loses no acknowledged vote when killed in the middle of a burst of votes", async () => {
    const dir = join(dataDir, "burst");
    const port = await freePort();
    const first = await start(port, dir);
    const hosted = await hostSession(first.url);
    const trainerOptions = { role: "trainer" as const, trainerToken: hosted.trainerToken };
    const trainer = await Peer.join<TrainerView>(first.url, hosted.code, trainerOptions);
    const trainees = await joinTrainees(first.url, hosted.code, 40);
    trainer.send({ type: "trainer.start" });
    trainer.send({ type: "trainer.openVote" });
    await Promise.all(trainees.map((t) => t.viewWhere((v) => v.can === "vote")));
    for (const p of [trainer, ...trainees]) p.room.reconnection.enabled = false;

    const options = ["listen", "blame", "refund"];
    const optionOf = (i: number) => options[i % options.length]!;
    const isAcked = (i: number) => trainees[i]!.views.some((v) => v.myVote === optionOf(i));
    const sent = new Set<number>();
    let dead = false;
    // Five trainees vote at a time, each the moment the one before them in their line was acknowledged, so
    // votes are always in flight when the server dies.
    const line = async (start: number) => {
      for (let i = start; i < trainees.length && !dead; i += 5) {
        sent.add(i);
        trainees[i]!.send({ type: "trainee.vote", optionId: optionOf(i) });
        await until(() => dead || isAcked(i), `trainee ${i}'s vote to be acknowledged`);
      }
    };
    const lines = [0, 1, 2, 3, 4].map(line);
    await until(() => trainees.filter((_, i) => isAcked(i)).length >= 20, "half the votes acknowledged");
    await first.kill("SIGKILL");
    dead = true;
    await Promise.all(lines);
    await until(() => trainees.every((t) => t.left !== undefined), "every trainee to notice the crash");
    const acked = trainees.flatMap((t, i) => (isAcked(i) ? [[t.view.me.id, optionOf(i)] as const] : []));

    const second = await start(port, dir);
    const console2 = await Peer.join<TrainerView>(second.url, hosted.code, trainerOptions);
    const votes = console2.view.votes;
    console.log(
      `vote burst: ${sent.size} sent, ${acked.length} acknowledged before kill -9, ${Object.keys(votes).length} in the log after restart`,
    );
    for (const [id, optionId] of acked) expect(votes[id], `acknowledged vote of ${id}`).toBe(optionId);
    // Nothing invented either: every vote in the log was sent, with the option sent.
    for (const [id, optionId] of Object.entries(votes)) {
      const i = trainees.findIndex((t) => t.view.me.id === id);
      expect(sent.has(i)).toBe(true);
      expect(optionId).toBe(optionOf(i));
    }
    await console2.leave();
  });
});
