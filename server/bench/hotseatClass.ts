// One Hotseat session in a server child process with N simulated trainees (real @colyseus/sdk clients), a
// trainer and a projector, driven round by round: open a vote, single votes, the rest at once, reveal, rewind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { inBatches, sleep, until } from "./benchUtils";
import { sampleProcess } from "./procStats";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";

const scenariosDir = join(repoRoot, "tests", "server", "fixtures", "scenarios");

type Sim = { room: Room; view?: TraineeView; revealedAt?: number };

/** What one round measured. */
export type HotseatRound = {
  /** ms from the trainer's reveal to each trainee seeing it. */
  reveals: number[];
  /** ms from single votes to the projector's tally showing each. */
  voteToTally: number[];
  /** ms from the first of the burst of votes to the projector showing them all. */
  burstMs: number;
  burstVotes: number;
  cpuVotesMs: number;
  cpuRevealMs: number;
  traineeViewBytes: number;
  /** A trainee's view after the reveal, for the floor to broadcast a message of the same shape and size. */
  sampleView: TraineeView;
};

export type HotseatClass = {
  round: () => Promise<HotseatRound>;
  rssIdleMb: number;
  rssAfterJoinMb: number;
  trainerViewBytes: () => number;
  close: () => Promise<void>;
};

const vote = (sim: Sim, i: number) =>
  sim.room.send("trainee.vote", {
    type: "trainee.vote",
    optionId: i % 4 === 3 ? "blame" : "listen",
    stepIndex: 0,
  });

export async function openHotseatClass(n: number): Promise<HotseatClass> {
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-bench-"));
  const server = await startServerProcess(await freePort(), {
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: scenariosDir,
  });
  const pid = server.child.pid ?? 0;
  const rooms: Room[] = [];
  const close = async () => {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    await server.kill(process.env.HOTSEAT_BENCH_PROF ? "SIGTERM" : "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const hostRes = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "short-call" }),
    });
    const hosted = (await hostRes.json()) as { code: string; trainerToken: string };
    const ws = server.url.replace(/^http/, "ws");
    const rssIdleMb = sampleProcess(pid).rssMb;

    let trainerView: TrainerView | undefined;
    const trainer = await new Client(ws).joinById(hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    rooms.push(trainer);
    trainer.onMessage("view", (v: TrainerView) => (trainerView = v));
    trainer.onMessage("welcome", () => undefined);
    let projectorView: ProjectorView | undefined;
    let tallyWaiter: { count: number; resolve: (at: number) => void } | undefined;
    const projector = await new Client(ws).joinById(hosted.code, { role: "projector" });
    rooms.push(projector);
    projector.onMessage("welcome", () => undefined);
    projector.onMessage("view", (v: ProjectorView) => {
      projectorView = v;
      if (tallyWaiter && v.votesCast >= tallyWaiter.count) {
        const w = tallyWaiter;
        tallyWaiter = undefined;
        w.resolve(performance.now());
      }
    });
    const tallyReaches = (count: number) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`tally never reached ${count}`)), 60_000);
        tallyWaiter = {
          count,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
      });

    const sims: Sim[] = await inBatches(n, 50, async (i) => {
      const room = await new Client(ws).joinById(hosted.code, {
        role: "trainee",
        name: `Sim ${i + 1}`,
        reconnectKey: `bench-${i}`,
      });
      rooms.push(room);
      const sim: Sim = { room };
      room.onMessage("view", (v: TraineeView) => {
        sim.view = v;
        if (v.phase === "revealed" && sim.revealedAt === undefined) sim.revealedAt = performance.now();
      });
      room.onMessage("error", (e: unknown) => console.error("trainee error", e));
      room.onMessage("welcome", () => undefined);
      return sim;
    });
    await until(() => projectorView?.traineeCount === n, `${n} trainees on the projector`);
    const rssAfterJoinMb = sampleProcess(pid).rssMb;
    trainer.send("trainer.start", { type: "trainer.start" });

    const round = async (): Promise<HotseatRound> => {
      trainer.send("trainer.openVote", { type: "trainer.openVote" });
      await until(() => sims.every((s) => s.view?.can === "vote"), "the vote to open everywhere");
      // Single votes, one at a time: from a phone's send to the projector's tally showing it.
      const voteToTally: number[] = [];
      const single = Math.min(n, 20);
      for (let i = 0; i < single; i++) {
        const shown = tallyReaches(i + 1);
        const t0 = performance.now();
        vote(sims[i]!, i);
        voteToTally.push((await shown) - t0);
      }
      // The rest of the class at once.
      const cpu0 = sampleProcess(pid).cpuMs;
      const shown = tallyReaches(n);
      const t0 = performance.now();
      for (let i = single; i < n; i++) vote(sims[i]!, i);
      const burstMs = (await shown) - t0;
      const cpuVotesMs = sampleProcess(pid).cpuMs - cpu0;

      // The trainer reveals once the room has settled: every phone shows its own vote (a thousand views
      // the clients here must still read) and a moment has passed, as in a real room. Revealing the same
      // millisecond the tally completes would time this process's backlog, not the reveal.
      await until(() => sims.every((s) => s.view?.myVote !== undefined), "every phone to show its vote");
      await sleep(100);
      for (const s of sims) delete s.revealedAt;
      const cpu1 = sampleProcess(pid).cpuMs;
      const r0 = performance.now();
      trainer.send("trainer.reveal", { type: "trainer.reveal" });
      await until(() => sims.every((s) => s.revealedAt !== undefined), "every trainee to see the reveal");
      const reveals = sims.map((s) => s.revealedAt! - r0);
      await sleep(50);
      const cpuRevealMs = sampleProcess(pid).cpuMs - cpu1;
      const sampleView = sims[0]!.view!;
      const traineeViewBytes = JSON.stringify(sampleView).length;

      trainer.send("trainer.rewind", { type: "trainer.rewind", stepIndex: 0 });
      await until(() => sims.every((s) => s.view?.phase === "deciding"), "the rewind everywhere");
      return {
        reveals,
        voteToTally,
        burstMs,
        burstVotes: n - single,
        cpuVotesMs,
        cpuRevealMs,
        traineeViewBytes,
        sampleView,
      };
    };
    return {
      round,
      rssIdleMb,
      rssAfterJoinMb,
      trainerViewBytes: () => JSON.stringify(trainerView).length,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
