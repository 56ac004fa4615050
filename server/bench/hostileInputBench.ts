// Hostile-input benchmark: one bystander trainee votes again and again in a session of a Hotseat server
// running in a child process, and the time from each vote to the bystander's own view showing it (the
// acknowledgement) is measured in a quiet run and beside the worst inputs found (issue 9): another trainee
// sending 200 KB binary frames or 20,000-key objects at just under the rate limit, and a stream of
// `POST /api/scenarios/check` requests carrying ~30 KB of pathological YAML (`a: ["` lines).
// Run: npx tsx server/bench/hostileInputBench.ts [quiet,binary,keys,nested,check] [seconds per phase]
// Loopback only; every wait is bounded (a vote not acknowledged in 60 s counts as 60 s, a check request
// is given up after 60 s).
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { TraineeView } from "@hotseat/shared";
import { sleep, stats, until } from "./benchUtils";
import { sampleProcess } from "./procStats";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";

const phases = (process.argv[2] ?? "quiet,binary,keys,nested,check").split(",");
const seconds = Number(process.argv[3] ?? 8);
const scenariosDir = join(repoRoot, "tests", "server", "fixtures", "scenarios");
/** Just under the default limit of 20 messages a second, so the attacker is never cut off for flooding. */
const attackPerSecond = 19;
const ackTimeoutMs = 60_000;

const binary = new Uint8Array(200 * 1024).map((_, i) => (i * 31) & 0xff);
const manyKeys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
// `{ optionId: [[[…"listen"…]]] }` 1,500 levels deep, built by hand: msgpackr cannot pack that much nesting.
const deepFrame = (() => {
  const bytes = (s: string) => [...new TextEncoder().encode(s)];
  const str = (s: string) => [0xa0 | s.length, ...bytes(s)];
  const type = bytes("trainee.vote");
  return new Uint8Array([
    13,
    0xa0 | type.length,
    ...type,
    0x81,
    ...str("optionId"),
    ...new Array<number>(1_500).fill(0x91),
    ...str("listen"),
  ]);
})();
const pathologicalYaml = 'a: ["\n'.repeat(5_000); // 30 KB

type Trainee = { room: Room; view?: TraineeView; left?: number };

async function joinTrainee(ws: string, code: string, name: string): Promise<Trainee> {
  const room = await new Client(ws).joinById(code, { role: "trainee", name, reconnectKey: `bench-${name}` });
  const t: Trainee = { room };
  room.onMessage("view", (v: TraineeView) => (t.view = v));
  room.onMessage("welcome", () => undefined);
  room.onMessage("error", (e: { code: string }) => process.env.BENCH_DEBUG && console.error(name, e.code));
  room.onLeave((c) => (t.left = c));
  room.onDrop((c) => console.error(`(${name} dropped: ${c})`));
  await until(() => t.view !== undefined, `${name}'s first view`);
  return t;
}

/** The bytes the SDK would put on the wire for `send`, captured instead of sent. */
function frameOf(room: Room, send: () => void): Uint8Array {
  const connection = room.connection as { send: (data: Uint8Array) => void };
  const original = connection.send;
  let frame = new Uint8Array();
  connection.send = (data) => (frame = new Uint8Array(data));
  try {
    send();
  } finally {
    connection.send = original;
  }
  return frame;
}

/** Starts the attack of a phase; returns a stop function and a description of what it did. */
function attack(phase: string, attacker: Trainee, url: string): () => Promise<string> {
  if (phase === "quiet") return async () => "nothing";
  if (phase === "check") {
    let running = true;
    const times: number[] = [];
    const statuses = new Map<number, number>();
    const loop = (async () => {
      while (running) {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/scenarios/check`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ source: pathologicalYaml }),
          signal: AbortSignal.timeout(ackTimeoutMs),
        }).catch(() => undefined);
        await res?.arrayBuffer().catch(() => undefined);
        times.push(performance.now() - t0);
        statuses.set(res?.status ?? 0, (statuses.get(res?.status ?? 0) ?? 0) + 1);
      }
    })();
    return async () => {
      running = false;
      await loop;
      const s = stats(times);
      const st = [...statuses].map(([k, v]) => `${v}×${k}`).join(" ");
      return `${times.length} checks of 30 KB (${st}), each p50 ${s.p50.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;
    };
  }
  // Encoded once: packing a 20,000-key object costs this process ~10 ms a time, which would delay the
  // bystander's own measurement here and blame the server for it.
  const frames =
    phase === "binary"
      ? // Both ways a client can send bytes: a msgpack bin in a normal message, and a raw bytes frame.
        [
          frameOf(attacker.room, () => attacker.room.send("trainee.vote", binary)),
          frameOf(attacker.room, () => attacker.room.sendBytes("trainee.vote", binary)),
        ]
      : phase === "keys"
        ? [frameOf(attacker.room, () => attacker.room.send("trainee.vote", manyKeys))]
        : [deepFrame];
  let sent = 0;
  const send = () => {
    if (attacker.left !== undefined || !attacker.room.connection.isOpen) return;
    attacker.room.connection.send(frames[sent++ % frames.length]!);
  };
  const timer = setInterval(send, 1000 / attackPerSecond);
  return async () => {
    clearInterval(timer);
    const closed = attacker.left !== undefined ? `, attacker closed with ${attacker.left}` : "";
    return `${sent} hostile messages at ${attackPerSecond}/s${closed}`;
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-hostile-"));
  const server = await startServerProcess(await freePort(), {
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: scenariosDir,
  });
  const pid = server.child.pid ?? 0;
  const rooms: Room[] = [];
  try {
    const hostRes = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "short-call" }),
    });
    const hosted = (await hostRes.json()) as { code: string; trainerToken: string };
    const ws = server.url.replace(/^http/, "ws");
    const trainer = await new Client(ws).joinById(hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    rooms.push(trainer);
    trainer.onMessage("view", () => undefined);
    trainer.onMessage("welcome", () => undefined);
    const bystander = await joinTrainee(ws, hosted.code, "bystander");
    rooms.push(bystander.room);
    trainer.send("trainer.start", { type: "trainer.start" });
    trainer.send("trainer.openVote", { type: "trainer.openVote" });
    await until(() => bystander.view?.can === "vote", "the vote to open");

    const options = ["listen", "blame"];
    let votes = 0;
    console.log(
      `hostile-input bench: ${seconds} s per phase, ${cpus().length} cores, load average ` +
        `${loadavg()[0]!.toFixed(1)}; bystander vote → its own view showing it`,
    );
    console.log("| phase | votes | ack p50 | ack p99 | ack max | server CPU | RSS max | attack |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const phase of phases) {
      // A fresh attacker per phase: a cut-off one from the previous phase must not make this one quiet.
      const attacker = await joinTrainee(ws, hosted.code, `attacker-${phase}`);
      rooms.push(attacker.room);
      const cpu0 = sampleProcess(pid).cpuMs;
      let rssMax = sampleProcess(pid).rssMb;
      const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, sampleProcess(pid).rssMb)), 200);
      const stop = attack(phase, attacker, server.url);
      const acks: number[] = [];
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        const optionId = options[votes++ % options.length]!;
        const t0 = performance.now();
        bystander.room.send("trainee.vote", { type: "trainee.vote", optionId, stepIndex: 0 });
        await until(() => bystander.view?.myVote === optionId, "the bystander's vote", ackTimeoutMs).catch(
          () => undefined,
        );
        acks.push(performance.now() - t0);
        // Ten votes a second at most: a phone tapping, well under the rate limit.
        await sleep(Math.max(0, t0 + 100 - performance.now()));
      }
      const what = await stop();
      clearInterval(rssTimer);
      const cpuMs = sampleProcess(pid).cpuMs - cpu0;
      await Promise.race([attacker.room.leave(true).catch(() => undefined), sleep(2_000)]);
      const s = stats(acks);
      console.log(
        `| ${phase} | ${acks.length} | ${s.p50.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(1)} ms ` +
          `| ${cpuMs.toFixed(0)} ms | ${rssMax.toFixed(0)} MB | ${what} |`,
      );
      if (bystander.left !== undefined) throw new Error(`the bystander was dropped (${bystander.left})`);
    }
  } finally {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
