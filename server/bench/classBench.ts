// Class benchmark: N simulated trainees (real @colyseus/sdk clients) in one session of a Hotseat server
// running in a child process, against a bare `ws` server broadcasting a trainee's view (msgpack, the same
// bytes Hotseat sends) to the same N clients: once with the clients only noting its arrival (the raw floor),
// once with them decoding it as msgpack (what any client must do to see it; the SDK's clients do exactly
// that). The three are measured in rotating rounds with everyone connected throughout, so a busy neighbour
// on this shared machine slows all alike instead of skewing the ratios.
// Run: npx tsx server/bench/classBench.ts [30,200,1000] [rounds]. Loopback only; every wait is bounded.
import { cpus, loadavg } from "node:os";
import { pack } from "msgpackr";
import { stats } from "./benchUtils";
import { openFloorClass } from "./floorClass";
import type { FloorClass } from "./floorClass";
import { openHotseatClass } from "./hotseatClass";
import type { HotseatClass, HotseatRound } from "./hotseatClass";

const sizes = (process.argv[2] ?? "30,200,1000").split(",").map(Number);
const rounds = Number(process.argv[3] ?? 10);

type FloorRound = { latencies: number[]; cpuMs: number };

async function measure(n: number) {
  let hot: HotseatClass | undefined;
  let floor: FloorClass | undefined;
  try {
    hot = await openHotseatClass(n);
    floor = await openFloorClass(n);
    // A warm-up round of each, not counted: the first reveal also compiles the code paths it takes.
    const warm = await hot.round();
    const payload = pack(warm.sampleView);
    await floor.round(payload, true);
    const hotRounds: HotseatRound[] = [];
    const rawRounds: FloorRound[] = [];
    const decodedRounds: FloorRound[] = [];
    // The three in a rotating order, so none always runs first after a quiet spell.
    const steps = [
      async () => void hotRounds.push(await hot!.round()),
      async () => void rawRounds.push(await floor!.round(payload, false)),
      async () => void decodedRounds.push(await floor!.round(payload, true)),
    ];
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < steps.length; k++) await steps[(r + k) % steps.length]!();
    for (let r = 0; r < rounds; r++) {
      const h = stats(hotRounds[r]!.reveals);
      const raw = stats(rawRounds[r]!.latencies);
      const dec = stats(decodedRounds[r]!.latencies);
      console.error(
        `N=${n} round ${r + 1}: reveal p50 ${h.p50.toFixed(1)} p99 ${h.p99.toFixed(1)} ms (server CPU ` +
          `${hotRounds[r]!.cpuRevealMs} ms); floor p50 ${raw.p50.toFixed(1)} p99 ${raw.p99.toFixed(1)} ms; ` +
          `floor decoding p50 ${dec.p50.toFixed(1)} p99 ${dec.p99.toFixed(1)} ms`,
      );
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      reveal: stats(hotRounds.flatMap((r) => r.reveals)),
      floor: stats(rawRounds.flatMap((r) => r.latencies)),
      floorDecoding: stats(decodedRounds.flatMap((r) => r.latencies)),
      voteToTally: stats(hotRounds.flatMap((r) => r.voteToTally)),
      burstMs: sum(hotRounds.map((r) => r.burstMs)) / rounds,
      cpuPerRevealMs: sum(hotRounds.map((r) => r.cpuRevealMs)) / rounds,
      floorCpuMs: sum(rawRounds.map((r) => r.cpuMs)) / rounds,
      cpuPerVoteMs:
        sum(hotRounds.map((r) => r.cpuVotesMs)) / Math.max(1, sum(hotRounds.map((r) => r.burstVotes))),
      rssIdleMb: hot.rssIdleMb,
      rssAfterJoinMb: hot.rssAfterJoinMb,
      traineeViewBytes: warm.traineeViewBytes,
      payloadBytes: payload.length,
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
    `${f(m.floorDecoding.p50)} / ${f(m.floorDecoding.p99)} / ${f(m.floorDecoding.max)}`,
    `${f(m.reveal.p50 / m.floorDecoding.p50)}x / ${f(m.reveal.p99 / m.floorDecoding.p99)}x`,
    `${f(m.voteToTally.p50)} / ${f(m.voteToTally.p99)}`,
    f(m.burstMs),
    `${f(m.cpuPerRevealMs)} (floor ${f(m.floorCpuMs)})`,
    m.cpuPerVoteMs.toFixed(2),
    `${f(m.rssIdleMb)} -> ${f(m.rssAfterJoinMb)}`,
    `${m.traineeViewBytes} (${m.payloadBytes} msgpack) / ${m.trainerViewBytes}`,
  ]);
  console.error(`N=${n} done`);
}
const header = [
  "N",
  "reveal→all ms p50/p99/max",
  "floor ws ms p50/p99/max",
  "ratio p50/p99",
  "floor ws+decode ms p50/p99/max",
  "ratio p50/p99",
  "vote→tally ms p50/p99",
  "burst N votes→tally ms",
  "server CPU ms/reveal",
  "CPU ms/vote",
  "RSS MB idle→joined",
  "view bytes (JSON) trainee/trainer",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
console.log(
  `rounds per N: ${rounds}, Hotseat, raw floor and decoding floor in rotating order (after a warm-up); server and floor each ` +
    `in their own child process; clients in this process; ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
process.exit(0);
