// Projector frame-rate benchmark (issue 4: "the projector keeps a smooth frame rate while 1000 votes arrive").
// A real server in a child process, the real projector page in headless Chromium at 1920x1080, and N
// trainees as @colyseus/sdk clients who all vote (some change their vote) over ~2 s. Frames are recorded
// in the page, first with the vote open and quiet, then while the votes arrive, then while the reveal animates.
// Run: npx tsx server/bench/projectorFpsBench.ts [N=1000] (env HOTSEAT_FPS_VIEWPORT=WxH, default 1920x1080;
// HOTSEAT_FPS_RENDERER=webgl|canvas to override the client's renderer choice; HOTSEAT_CLIENT_DIR for another
// build). Loopback only; every wait is bounded.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { TraineeView } from "@hotseat/shared";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { blankFrames, installFrameRecorder, startWindow, stopWindow, tallyTimes } from "./frameRecorder";
import type { FrameWindow } from "./frameRecorder";
import { sampleProcess } from "./procStats";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";
import type { ServerProcess } from "./serverProcess";

const n = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(n) || n < 1 || n > 5000)
  throw new Error(`N must be an integer 1..5000, got ${process.argv[2]}`);
// The wall's size; HOTSEAT_FPS_VIEWPORT=1280x720 shows how much of the cost is filling pixels.
const [width, height] = (process.env.HOTSEAT_FPS_VIEWPORT ?? "1920x1080").split("x").map(Number) as [
  number,
  number,
];
const baselineMs = 3000;
const spreadMs = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const epochNow = () => performance.timeOrigin + performance.now();

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
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

/** Builds the client as production (like tests/e2e/harness.ts) when client/dist is missing. */
function ensureClientBuilt(): void {
  if (existsSync(join(repoRoot, "client", "dist", "index.html"))) return;
  const built = spawnSync(
    join(repoRoot, "node_modules", ".bin", "vite"),
    ["build", "--config", "client/vite.config.ts"],
    { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (built.status !== 0) throw new Error("client build failed");
}

type FrameStats = { fps: number; p50: number; p95: number; max: number; over50: number; frames: number };

function frameStats(times: number[]): FrameStats {
  const intervals = times.slice(1).map((t, i) => t - times[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return {
    fps: span > 0 ? (intervals.length * 1000) / span : NaN,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? NaN,
    over50: intervals.filter((d) => d > 50).length,
    frames: times.length,
  };
}

type Sim = { room: Room; view?: TraineeView };

/** This process's Chromium descendants by kind (gpu-process, renderer, browser...), read from /proc. */
function chromiumPids(): Map<string, number[]> {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while listing.
    }
  }
  const kinds = new Map<string, number[]>();
  for (const pid of parent.keys()) {
    let up = parent.get(pid);
    for (let depth = 0; up !== undefined && up !== process.pid && depth < 6; depth++) up = parent.get(up);
    if (up !== process.pid) continue;
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmd.includes("chrom")) continue;
    const kind = /--type=([\w-]+)/.exec(cmd)?.[1] ?? "browser";
    kinds.set(kind, [...(kinds.get(kind) ?? []), pid]);
  }
  return kinds;
}

/** CPU ms used so far by the server and by Chromium's processes, per kind. */
function cpuNow(serverPid: number, chromium: Map<string, number[]>): Map<string, number> {
  const out = new Map<string, number>([["server", sampleProcess(serverPid).cpuMs]]);
  for (const [kind, pids] of chromium)
    out.set(
      kind,
      pids.reduce((sum, p) => sum + sampleProcess(p).cpuMs, 0),
    );
  return out;
}

/** CPU use between two samples, as percent of one core over `ms`. */
function cpuShare(before: Map<string, number>, after: Map<string, number>, ms: number): string {
  return [...after]
    .map(([kind, used]) => `${kind} ${((100 * (used - (before.get(kind) ?? 0))) / ms).toFixed(0)}%`)
    .join(", ");
}

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => console.error("cleanup:", e));
}
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

async function stopServer(server: ServerProcess): Promise<void> {
  await Promise.race([server.kill("SIGTERM"), sleep(5000)]);
  await server.kill("SIGKILL");
}

async function run(): Promise<void> {
  ensureClientBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-fps-"));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServerProcess(await freePort(), {
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: join(repoRoot, "scenarios"),
  });
  cleanups.push(() => stopServer(server));

  const hostRes = await fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId: "ruined-hat" }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!hostRes.ok) throw new Error(`hosting failed: ${hostRes.status} ${await hostRes.text()}`);
  const hosted = (await hostRes.json()) as { code: string; trainerToken: string };
  const ws = server.url.replace(/^http/, "ws");
  const rooms: Room[] = [];
  cleanups.push(() => Promise.all(rooms.map((r) => r.leave(true).catch(() => 0))));

  const trainer = await new Client(ws).joinById(hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  rooms.push(trainer);
  trainer.onMessage("view", () => undefined);
  trainer.onMessage("welcome", () => undefined);
  trainer.onMessage("error", (e: unknown) => console.error("trainer error", e));

  const browser: Browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
    ],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width, height } });
  // HOTSEAT_FPS_RENDERER=webgl|canvas overrides the client's own choice (Phaser reads these globals).
  const force = process.env.HOTSEAT_FPS_RENDERER;
  if (force === "webgl" || force === "canvas")
    await page.addInitScript(`window.FORCE_${force.toUpperCase()} = true;`);
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => console.error("page error:", e.message));
  // The ceiling right now: an empty page's frame rate in the same browser on the same (shared) machine.
  const blank = frameStats(await page.evaluate<number[]>(blankFrames(2000)));
  await page.goto(`${server.url}/projector/${hosted.code}`);
  await page.waitForFunction("window.__hotseat?.ready === true", null, { timeout: 30_000, polling: 100 });
  await page.evaluate(installFrameRecorder);
  const renderer = await page.evaluate<string>(
    `(() => { const c = document.querySelector("#game canvas");
      return c && (c.getContext("webgl2") || c.getContext("webgl")) ? "WebGL" : "Canvas"; })()`,
  );

  const sims: Sim[] = await inBatches(n, 50, async (i) => {
    const room = await new Client(ws).joinById(hosted.code, {
      role: "trainee",
      name: `Sim ${i + 1}`,
      reconnectKey: `fps-bench-${i}`,
    });
    rooms.push(room);
    const sim: Sim = { room };
    room.onMessage("view", (v: TraineeView) => (sim.view = v));
    room.onMessage("welcome", () => undefined);
    room.onMessage("error", (e: unknown) => console.error("trainee error", e));
    return sim;
  });
  await page.waitForFunction(`window.__hotseat?.state().view?.traineeCount === ${n}`, null, { polling: 100 });

  trainer.send("trainer.start", { type: "trainer.start" });
  await until(() => sims.every((s) => s.view?.phase !== "lobby"), "the scenario to start");
  trainer.send("trainer.openVote", { type: "trainer.openVote" });
  await until(() => sims.every((s) => s.view?.can === "vote"), "the vote to open on every phone");
  await page.waitForFunction("window.__hotseat?.state().view?.vote?.open === true", null, { polling: 100 });
  const options = sims[0]!.view!.options.map((o) => o.id);
  const stepIndex = sims[0]!.view!.stepIndex;
  if (options.length < 2) throw new Error(`expected at least two options, got ${options.join(", ")}`);
  await sleep(1000); // let the vote-open animation settle

  // (a) Baseline: the vote open on the wall, nobody voting.
  const procs = chromiumPids();
  const serverPid = server.child.pid ?? 0;
  const cpuB0 = cpuNow(serverPid, procs);
  const tB0 = performance.now();
  await page.evaluate(startWindow());
  await sleep(baselineMs);
  const baseline = await page.evaluate<FrameWindow>(stopWindow);
  const cpuBaseline = cpuShare(cpuB0, cpuNow(serverPid, procs), performance.now() - tB0);

  // (b) Every trainee votes once, spread over the first 90% of the window; every tenth changes their
  // vote 10% of the window later. The projector must end on exactly these counts.
  type Send = { at: number; sim: number; optionId: string };
  const sends: Send[] = [];
  const finalVote: string[] = [];
  for (let i = 0; i < n; i++) {
    const first = (i * spreadMs * 0.9) / n;
    sends.push({ at: first, sim: i, optionId: options[i % options.length]! });
    finalVote[i] = options[i % options.length]!;
    if (i % 10 === 0) {
      const changed = options[(i + 1) % options.length]!;
      sends.push({ at: first + spreadMs * 0.1, sim: i, optionId: changed });
      finalVote[i] = changed;
    }
  }
  sends.sort((a, b) => a.at - b.at);
  const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
  for (const o of finalVote) counts[o]! += 1;

  const cpuL0 = cpuNow(serverPid, procs);
  await page.evaluate(startWindow({ votes: n, counts }));
  const t0 = performance.now();
  let next = 0;
  for (let guard = 0; next < sends.length && guard < 100_000; guard++) {
    const elapsed = performance.now() - t0;
    for (; next < sends.length && sends[next]!.at <= elapsed; next++) {
      const s = sends[next]!;
      sims[s.sim]!.room.send("trainee.vote", { type: "trainee.vote", optionId: s.optionId, stepIndex });
    }
    await sleep(5);
  }
  const lastSendAt = epochNow();
  const sendMs = performance.now() - t0;
  let times: { arrived: number | null; shown: number | null } = { arrived: null, shown: null };
  for (let guard = 0; times.shown === null; guard++) {
    if (guard > 3000) throw new Error("the projector never showed the final tally in 60 s");
    times = await page.evaluate<typeof times>(tallyTimes);
    if (times.shown === null) await sleep(20);
  }
  await sleep(500); // the frames right after the full count, while its bars animate
  const load = await page.evaluate<FrameWindow>(stopWindow);
  const cpuLoad = cpuShare(cpuL0, cpuNow(serverPid, procs), performance.now() - t0);

  // (c) The reveal: a sequence of a few seconds (tally settles, the chosen answer is highlighted, the face
  // changes, meters and cost move item by item, the feedback fades in). The frames drawn from the reveal's
  // arrival until the page says nothing moves any more are the smoothness figure.
  const cpuR0 = cpuNow(serverPid, procs);
  const tR0 = performance.now();
  await page.evaluate(startWindow(undefined, "revealed"));
  trainer.send("trainer.override", { type: "trainer.override", optionId: options[0]! });
  await page.waitForFunction("window.__frames.phaseAt !== undefined", null, { polling: 20 });
  // The sequence's end, in the page's clock: the first rAF tick at which no tween runs.
  const revealEnd = await page.evaluate<number>(`new Promise((resolve) => {
    const start = performance.now();
    const check = (t) => (window.__hotseat?.settled() && t - start > 200) || t - start > 15000
      ? resolve(t) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  })`);
  await sleep(300);
  const reveal = await page.evaluate<FrameWindow>(stopWindow);
  const cpuReveal = cpuShare(cpuR0, cpuNow(serverPid, procs), performance.now() - tR0);
  const revealAt = reveal.phaseAt ?? NaN;
  const animating = reveal.renders.filter((t) => t >= revealAt && t <= revealEnd);

  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");
  const span = (w: FrameWindow) => Math.max(1, (w.ticks.at(-1) ?? 0) - (w.ticks[0] ?? 0));
  const busy = (w: FrameWindow) =>
    `${w.longFrames} long frames, script ${f((100 * w.scriptMs) / span(w))}%, other ${f((100 * w.otherMs) / span(w))}% of the window`;
  const table: [string, FrameStats][] = [
    ["empty page rAF (ceiling)", blank],
    ["browser rAF, vote open, quiet", frameStats(baseline.ticks)],
    ["browser rAF, votes arriving", frameStats(load.ticks)],
    ["frames drawn, vote open, quiet", frameStats(baseline.renders)],
    ["frames drawn, votes arriving", frameStats(load.renders)],
    [`frames drawn, reveal sequence (${f(revealEnd - revealAt)} ms)`, frameStats(animating)],
  ];
  console.log(
    `Projector fps bench: N=${n} trainees, ${sends.length} vote messages (${sends.length - n} changes) sent over ` +
      `${f(sendMs)} ms; ${renderer} renderer (${force ? "forced by HOTSEAT_FPS_RENDERER" : "the client's choice"}; ` +
      `no GPU, so WebGL is software here), ${width}x${height}, Phaser capped at 30 fps; ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
  );
  const header = ["frames", "count", "fps", "of 30 cap", "p50 ms", "p95 ms", "max ms", ">50 ms"];
  const rows = table.map(([name, s]) => [
    name,
    String(s.frames),
    f(s.fps),
    `${f((100 * s.fps) / 30)}%`,
    f(s.p50),
    f(s.p95),
    f(s.max),
    String(s.over50),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
  console.log(
    "frames drawn = rAF ticks in which the canvas drew. The projector draws only when its view changes or " +
      "something animates, so the quiet row counts changes (the vote timer), not capacity; the reveal row " +
      "(from the reveal reaching the page until its sequence ends: tally, highlight, face, meters, cost, " +
      "feedback) is the smoothness figure.",
  );
  console.log(
    `Idle: ${f(frameStats(baseline.ticks).fps)} fps (browser rAF, vote open, quiet); during the reveal: ` +
      `${f(frameStats(animating).fps)} fps drawn over ${f(revealEnd - revealAt)} ms (target 30).`,
  );
  console.log(`page main thread, quiet:     ${busy(baseline)}`);
  console.log(`page main thread, votes:     ${busy(load)}`);
  console.log(`page main thread, reveal:    ${busy(reveal)}`);
  console.log(`CPU (100% = one core), quiet:  ${cpuBaseline}`);
  console.log(`CPU (100% = one core), votes:  ${cpuLoad}`);
  console.log(`CPU (100% = one core), reveal: ${cpuReveal}`);
  // The first frame drawn at or after the first rAF tick whose state held the full count.
  const drawnAt = load.renders.find((t) => t >= (load.shownRaf ?? Infinity));
  const drawnLag = drawnAt === undefined || load.shownRaf === null ? NaN : drawnAt - load.shownRaf;
  console.log(
    `last vote sent -> full count in the projector page's state: ${f((times.arrived ?? NaN) - lastSendAt)} ms, ` +
      `-> first rAF tick with it: ${f(times.shown - lastSendAt)} ms, -> first frame drawn with it: ` +
      `${f(times.shown - lastSendAt + drawnLag)} ms`,
  );
}

try {
  await run();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(process.exitCode ?? 0);
