// Class benchmark: N simulated trainees (real @colyseus/sdk clients) in one session of a Hotseat server
// running in a child process, against a bare `ws` broadcast of the same size to the same N clients.
// The two are measured in alternating rounds (Hotseat, floor, floor, Hotseat, ...) with both connected
// throughout, so a busy neighbour on this shared machine slows both alike instead of skewing the ratio.
// Run: npx tsx server/bench/classBench.ts [30,200,1000] [rounds]. Loopback only; every wait is bounded.
import { cpus, loadavg } from "node:os";
import { stats } from "./benchUtils";
import { openFloorClass } from "./floorClass";
import type { FloorClass } from "./floorClass";
import { openHotseatClass } from "./hotseatClass";
import type { HotseatClass, HotseatRound } from "./hotseatClass";

const sizes = (process.argv[2] ?? "30,200,1000").split(",").map(Number);
const rounds = Number(process.argv[3] ?? 5);

async function measure(n: number) {
  let hot: HotseatClass | undefined;
  let floor: FloorClass | undefined;
  try {
    hot = await openHotseatClass(n);
    floor = await openFloorClass(n);
    // A warm-up round of each, not counted: the first reveal also compiles the code paths it takes.
    const warm = await hot.round();
    const bytes = warm.traineeViewBytes;
    await floor.round(bytes);
    const hotRounds: HotseatRound[] = [];
    const floorRounds: { latencies: number[]; cpuMs: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) {
        hotRounds.push(await hot.round());
        floorRounds.push(await floor.round(bytes));
      } else {
        floorRounds.push(await floor.round(bytes));
        hotRounds.push(await hot.round());
      }
    }
    for (let r = 0; r < rounds; r++) {
      const h = stats(hotRounds[r]!.reveals);
      const fl = stats(floorRounds[r]!.latencies);
      console.error(
        `N=${n} round ${r + 1}: reveal p50 ${h.p50.toFixed(1)} p99 ${h.p99.toFixed(1)} ms, ` +
          `floor p50 ${fl.p50.toFixed(1)} p99 ${fl.p99.toFixed(1)} ms, server CPU ${hotRounds[r]!.cpuRevealMs} ms`,
      );
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      reveal: stats(hotRounds.flatMap((r) => r.reveals)),
      floor: stats(floorRounds.flatMap((r) => r.latencies)),
      voteToTally: stats(hotRounds.flatMap((r) => r.voteToTally)),
      burstMs: sum(hotRounds.map((r) => r.burstMs)) / rounds,
      cpuPerRevealMs: sum(hotRounds.map((r) => r.cpuRevealMs)) / rounds,
      floorCpuMs: sum(floorRounds.map((r) => r.cpuMs)) / rounds,
      cpuPerVoteMs:
        sum(hotRounds.map((r) => r.cpuVotesMs)) / Math.max(1, sum(hotRounds.map((r) => r.burstVotes))),
      rssIdleMb: hot.rssIdleMb,
      rssAfterJoinMb: hot.rssAfterJoinMb,
      traineeViewBytes: bytes,
      trainerViewBytes: hot.trainerViewBytes(),
    };
  } finally {
    floor?.close();
    await hot?.close();
  }
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");
const rows: string[][] = [];
for (const n of sizes) {
  const m = await measure(n);
  rows.push([
    String(n),
    `${f(m.reveal.p50)} / ${f(m.reveal.p99)} / ${f(m.reveal.max)}`,
    `${f(m.floor.p50)} / ${f(m.floor.p99)} / ${f(m.floor.max)}`,
    `${f(m.reveal.p50 / m.floor.p50)}x / ${f(m.reveal.p99 / m.floor.p99)}x`,
    `${f(m.voteToTally.p50)} / ${f(m.voteToTally.p99)}`,
    f(m.burstMs),
    `${f(m.cpuPerRevealMs)} (floor ${f(m.floorCpuMs)})`,
    m.cpuPerVoteMs.toFixed(2),
    `${f(m.rssIdleMb)} -> ${f(m.rssAfterJoinMb)}`,
    `${m.traineeViewBytes} / ${m.trainerViewBytes}`,
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
  `rounds per N: ${rounds}, Hotseat and floor alternating (after one warm-up round each); server and floor each ` +
    `in their own child process; clients in this process; ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
process.exit(0);
