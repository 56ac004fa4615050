// Cluster benchmark (issue 12): S sessions of T trainees (real @colyseus/sdk clients) spread over 1, 2 and
// 3 Hotseat processes behind nginx (deploy/nginx/hotseat.conf) on one PostgreSQL and one redis-server, all
// started here in temporary directories. Per layout: every session votes (votes/s the cluster logged), then
// every trainer reveals at once: reveal p50/p99 to every phone, the servers' CPU per reveal, memory.
// Run: npx tsx server/bench/clusterBench.ts [sessions=100] [trainees=30] [processes=1,2,3]
// The clients run in this one process on the same machine: on 2 cores they are a large part of the load.
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { createTestDatabase, startTestPostgres } from "../src/store/postgres/testPostgres";
import { inBatches, sleep, stats, until } from "./benchUtils";
import { missingClusterBinaries, startHotseatCluster, startRedis } from "./clusterProcesses";
import { sampleProcess } from "./procStats";
import { repoRoot } from "./serverProcess";

const sessions = Number(process.argv[2] ?? 100);
const trainees = Number(process.argv[3] ?? 30);
const layouts = (process.argv[4] ?? "1,2,3").split(",").map(Number);
const missing = missingClusterBinaries();
if (missing.length > 0) throw new Error(`the cluster benchmark needs ${missing.join(", ")}`);

type Phone = { room: Room; view?: TraineeView; revealedAt?: number };
type Session = { trainer: Room; trainerView?: TrainerView; phones: Phone[]; revealSentAt?: number };

const postgres = await startTestPostgres();
const redis = await startRedis();

async function measure(count: number) {
  const databaseUrl = await createTestDatabase(postgres, `bench_${count}`);
  const cluster = await startHotseatCluster({
    count,
    databaseUrl,
    redisUrl: `${redis.url}/${count}`,
    env: {
      HOTSEAT_SCENARIOS_DIR: join(repoRoot, "tests", "server", "fixtures", "scenarios"),
      HOTSEAT_HOSTS_PER_MINUTE: "100000",
      HOTSEAT_MAX_SESSIONS_PER_ADDRESS: "100000",
      HOTSEAT_MAX_SESSIONS: "100000",
    },
  });
  const pids = cluster.processes.map((p) => p.child.pid ?? 0);
  const cpu = () => pids.reduce((sum, pid) => sum + sampleProcess(pid).cpuMs, 0);
  const rooms: Room[] = [];
  const ws = cluster.url.replace(/^http/, "ws");
  try {
    const all: Session[] = await inBatches(sessions, 10, async (s) => {
      const res = await fetch(`${cluster.url}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "short-call" }),
      });
      if (res.status !== 201) throw new Error(`hosting failed: ${res.status} ${await res.text()}`);
      const hosted = (await res.json()) as { code: string; trainerToken: string };
      const trainer = await new Client(ws).joinById(hosted.code, {
        role: "trainer",
        trainerToken: hosted.trainerToken,
      });
      rooms.push(trainer);
      const session: Session = { trainer, phones: [] };
      trainer.onMessage("view", (v: TrainerView) => (session.trainerView = v));
      trainer.onMessage("*", () => undefined);
      session.phones = await inBatches(trainees, trainees, async (i) => {
        const room = await new Client(ws).joinById(hosted.code, {
          role: "trainee",
          name: `Sim ${i + 1}`,
          reconnectKey: `bench-${s}-${i}`,
        });
        rooms.push(room);
        const phone: Phone = { room };
        room.onMessage("view", (v: TraineeView) => {
          phone.view = v;
          if (v.phase === "revealed" && phone.revealedAt === undefined) phone.revealedAt = performance.now();
        });
        room.onMessage("*", () => undefined);
        return phone;
      });
      return session;
    });
    const phones = all.flatMap((s) => s.phones);
    await until(
      () => all.every((s) => s.trainerView?.roster.length === trainees),
      "every roster full",
      120_000,
    );
    const rssMb = pids.map((pid) => sampleProcess(pid).rssMb);
    for (const s of all) {
      s.trainer.send("trainer.start", { type: "trainer.start" });
      s.trainer.send("trainer.openVote", { type: "trainer.openVote" });
    }
    await until(() => phones.every((p) => p.view?.can === "vote"), "every vote open", 120_000);

    // Every phone votes at once: each vote is an event every process appends to PostgreSQL.
    const cpuVotes0 = cpu();
    const v0 = performance.now();
    phones.forEach((p, i) =>
      p.room.send("trainee.vote", { type: "trainee.vote", optionId: i % 3 === 0 ? "blame" : "listen" }),
    );
    await until(() => phones.every((p) => p.view?.myVote !== undefined), "every vote shown", 120_000);
    const votesMs = performance.now() - v0;
    const cpuPerVoteMs = (cpu() - cpuVotes0) / phones.length;
    await sleep(500);

    // Every trainer reveals at once.
    const cpu0 = cpu();
    for (const s of all) {
      s.revealSentAt = performance.now();
      s.trainer.send("trainer.reveal", { type: "trainer.reveal" });
    }
    await until(() => phones.every((p) => p.revealedAt !== undefined), "every reveal shown", 120_000);
    await sleep(100);
    const cpuPerRevealMs = (cpu() - cpu0) / all.length;
    const reveal = stats(all.flatMap((s) => s.phones.map((p) => p.revealedAt! - s.revealSentAt!)));
    const perProcess = cluster.processes.map(
      (p) =>
        all.filter(
          (s) =>
            /\/p(\d)\//.exec(String((s.trainer.connection as { url?: string }).url))?.[1] ===
            String(cluster.processes.indexOf(p) + 1),
        ).length,
    );
    return {
      reveal,
      cpuPerRevealMs,
      votesPerSecond: (phones.length * 1000) / votesMs,
      cpuPerVoteMs,
      rssMb,
      perProcess,
    };
  } finally {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    await Promise.all(cluster.processes.map((p) => p.kill("SIGKILL")));
    await cluster.nginx.stop();
  }
}

const f = (x: number) => x.toFixed(1);
const rows: string[][] = [];
try {
  for (const count of layouts) {
    const m = await measure(count);
    rows.push([
      String(count),
      m.perProcess.join("/"),
      f(m.reveal.p50),
      f(m.reveal.p99),
      f(m.cpuPerRevealMs),
      f(m.votesPerSecond),
      f(m.cpuPerVoteMs),
      m.rssMb.map((x) => x.toFixed(0)).join("/"),
    ]);
    // Each row as soon as it is measured, so a later failure keeps it.
    console.error(`measured: | ${rows.at(-1)!.join(" | ")} |`);
  }
} finally {
  await redis.stop();
  postgres.stop();
}
const head = [
  "processes",
  "sessions each",
  "reveal p50 ms",
  "reveal p99 ms",
  "server CPU ms/reveal",
  "votes/s logged",
  "server CPU ms/vote",
  "RSS MB each",
];
console.log(`${sessions} sessions x ${trainees} trainees, one reveal per session, all at once`);
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
