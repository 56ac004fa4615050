// Class benchmark: N simulated trainees (real @colyseus/sdk clients) in one session of a Hotseat server
// running in a child process, against a bare `ws` broadcast of the same size to the same N clients.
// Run: npx tsx server/bench/classBench.ts [30,200,1000] [rounds]. Loopback only; every wait is bounded.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { sampleProcess } from "./procStats";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";

const sizes = (process.argv[2] ?? "30,200,1000").split(",").map(Number);
const rounds = Number(process.argv[3] ?? 5);
const scenariosDir = join(repoRoot, "tests", "server", "fixtures", "scenarios");

type Stats = { p50: number; p99: number; max: number };

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function inBatches<T>(count: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, k) => make(i + k)))),
    );
  }
  return out;
}

type Sim = { room: Room; view?: TraineeView; revealedAt?: number };

type HotseatResult = {
  reveal: Stats;
  voteToTally: Stats;
  burstMs: number;
  cpuPerRevealMs: number;
  cpuPerVoteMs: number;
  rssAfterJoinMb: number;
  rssIdleMb: number;
  traineeViewBytes: number;
  trainerViewBytes: number;
};

async function measureHotseat(n: number): Promise<HotseatResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-bench-"));
  const server = await startServerProcess(await freePort(), {
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: scenariosDir,
  });
  const pid = server.child.pid ?? 0;
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
    trainer.onMessage("view", (v: TrainerView) => (trainerView = v));
    trainer.onMessage("welcome", () => undefined);
    let projectorView: ProjectorView | undefined;
    let tallyWaiter: { count: number; resolve: (at: number) => void } | undefined;
    const projector = await new Client(ws).joinById(hosted.code, { role: "projector" });
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
    const reveals: number[] = [];
    const voteLatencies: number[] = [];
    let burstMs = 0;
    let burstVotes = 0;
    let cpuVotes = 0;
    let cpuReveals = 0;
    let traineeViewBytes = 0;
    for (let round = 0; round < rounds; round++) {
      trainer.send("trainer.openVote", { type: "trainer.openVote" });
      await until(() => sims.every((s) => s.view?.can === "vote"), "the vote to open everywhere");
      // Single votes, one at a time: from a phone's send to the projector's tally showing it.
      const single = Math.min(n, 20);
      for (let i = 0; i < single; i++) {
        const shown = tallyReaches(i + 1);
        const t0 = performance.now();
        sims[i]!.room.send("trainee.vote", {
          type: "trainee.vote",
          optionId: i % 4 === 3 ? "blame" : "listen",
          stepIndex: 0,
        });
        voteLatencies.push((await shown) - t0);
      }
      // The rest of the class at once.
      const cpu0 = sampleProcess(pid).cpuMs;
      const shown = tallyReaches(n);
      const t0 = performance.now();
      for (let i = single; i < n; i++) {
        sims[i]!.room.send("trainee.vote", {
          type: "trainee.vote",
          optionId: i % 4 === 3 ? "blame" : "listen",
          stepIndex: 0,
        });
      }
      burstMs += (await shown) - t0;
      burstVotes += n - single;
      cpuVotes += sampleProcess(pid).cpuMs - cpu0;

      // The reveal: from the trainer's click to every phone showing the result.
      for (const s of sims) delete s.revealedAt;
      const cpu1 = sampleProcess(pid).cpuMs;
      const r0 = performance.now();
      trainer.send("trainer.reveal", { type: "trainer.reveal" });
      await until(() => sims.every((s) => s.revealedAt !== undefined), "every trainee to see the reveal");
      for (const s of sims) reveals.push(s.revealedAt! - r0);
      await new Promise((r) => setTimeout(r, 50));
      cpuReveals += sampleProcess(pid).cpuMs - cpu1;
      traineeViewBytes = JSON.stringify(sims[0]!.view).length;

      trainer.send("trainer.rewind", { type: "trainer.rewind", stepIndex: 0 });
      await until(() => sims.every((s) => s.view?.phase === "deciding"), "the rewind everywhere");
    }
    const trainerViewBytes = JSON.stringify(trainerView).length;
    await Promise.all(
      [trainer, projector, ...sims.map((s) => s.room)].map((r) => r.leave(true).catch(() => 0)),
    );
    return {
      reveal: stats(reveals),
      voteToTally: stats(voteLatencies),
      burstMs: burstMs / rounds,
      cpuPerRevealMs: cpuReveals / rounds,
      cpuPerVoteMs: burstVotes > 0 ? cpuVotes / burstVotes : NaN,
      rssAfterJoinMb,
      rssIdleMb,
      traineeViewBytes,
      trainerViewBytes,
    };
  } finally {
    await server.kill(process.env.HOTSEAT_BENCH_PROF ? "SIGTERM" : "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureFloor(n: number, bytes: number): Promise<{ reveal: Stats; cpuPerBroadcastMs: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "server", "bench", "floorServer.ts")],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the floor server did not start")), 30_000);
      child.stdout?.on("data", (d: Buffer) => {
        const match = /floor listening on (\d+)/.exec(d.toString());
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    const open = (path: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
        socket.binaryType = "arraybuffer";
        socket.onopen = () => resolve(socket);
        socket.onerror = () => reject(new Error("floor connection failed"));
      });
    const received: (number | undefined)[] = new Array<number | undefined>(n);
    const sockets = await inBatches(n, 50, async (i) => {
      const socket = await open("/");
      socket.onmessage = () => (received[i] ??= performance.now());
      return socket;
    });
    const control = await open("/?control");
    await new Promise((r) => setTimeout(r, 200));
    const latencies: number[] = [];
    let cpu = 0;
    for (let round = 0; round < rounds; round++) {
      received.fill(undefined);
      const cpu0 = sampleProcess(child.pid ?? 0).cpuMs;
      const t0 = performance.now();
      control.send(String(bytes));
      await until(() => received.every((t) => t !== undefined), "every floor client to receive");
      for (const t of received) latencies.push(t! - t0);
      await new Promise((r) => setTimeout(r, 50));
      cpu += sampleProcess(child.pid ?? 0).cpuMs - cpu0;
    }
    for (const s of [...sockets, control]) s.close();
    return { reveal: stats(latencies), cpuPerBroadcastMs: cpu / rounds };
  } finally {
    child.kill("SIGKILL");
  }
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");
const rows: string[][] = [];
for (const n of sizes) {
  const hot = await measureHotseat(n);
  const floor = await measureFloor(n, hot.traineeViewBytes);
  rows.push([
    String(n),
    `${f(hot.reveal.p50)} / ${f(hot.reveal.p99)} / ${f(hot.reveal.max)}`,
    `${f(floor.reveal.p50)} / ${f(floor.reveal.p99)} / ${f(floor.reveal.max)}`,
    `${f(hot.reveal.p50 / floor.reveal.p50)}x / ${f(hot.reveal.p99 / floor.reveal.p99)}x`,
    `${f(hot.voteToTally.p50)} / ${f(hot.voteToTally.p99)}`,
    f(hot.burstMs),
    `${f(hot.cpuPerRevealMs)} (floor ${f(floor.cpuPerBroadcastMs)})`,
    hot.cpuPerVoteMs.toFixed(2),
    `${f(hot.rssIdleMb)} -> ${f(hot.rssAfterJoinMb)}`,
    `${hot.traineeViewBytes} / ${hot.trainerViewBytes}`,
  ]);
  console.error(`N=${n} done`);
}
const header = [
  "N",
  "reveal→all ms p50/p99/max",
  "floor ws ms p50/p99/max",
  "ratio p50/p99",
  "vote→tally ms p50/p99",
  "burst N votes→tally ms",
  "server CPU ms/reveal",
  "CPU ms/vote",
  "RSS MB idle→joined",
  "view bytes trainee/trainer",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
console.log(
  `rounds per N: ${rounds}; server and floor each in their own child process; clients in this process; ` +
    `${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
process.exit(0);
