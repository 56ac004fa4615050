// A restart with many live sessions: N sessions (default 1,000), each a class of T trainees (default 30)
// in the middle of a vote, are written to a store; then a real server process starts on that store and the
// bench times, from the spawn, the first HTTP answer and the first join answer (a trainee's first view of
// one of the sessions). Sessions are resumed lazily, so neither should depend on N (an empty store is timed
// too). The new process is started twice: first on a data directory without scenario checks (every bundled
// scenario's paths walked, as on a first start or after an edit), then again with them (a usual restart).
// The server is also started in this process with the library already loaded: the part of a restart the
// sessions could cost. Target for restart-to-first-answer: under 2 s. For reference, the same store is
// replayed whole, which is what the server did at start before (the issue measured 14 s for 1,000
// sessions). A machine's own speed shows in the same run's baseline: how long a bare `node -e 0` and
// `node --import tsx -e 0` take to start and exit, with the load average.
//   npx tsx server/bench/restartBench.ts [sqlite|postgres|both=both] [sessions=1000] [trainees=30]
// postgres starts its own PostgreSQL (initdb from /usr/lib/postgresql/<major>/bin) in a temporary directory.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { SessionEvent, TraineeView } from "@hotseat/shared";
import { startHotseatServer } from "../src/hotseatServer";
import { ScenarioLibrary } from "../src/scenarioLibrary";
import { SessionHost } from "../src/sessions/SessionHost";
import { asAsyncStore } from "../src/store/AsyncSessionStore";
import type { AsyncSessionStore } from "../src/store/AsyncSessionStore";
import { PostgresSessionStore } from "../src/store/postgres/PostgresSessionStore";
import { createTestDatabase, startTestPostgres } from "../src/store/postgres/testPostgres";
import { SqliteSessionStore } from "../src/store/SqliteSessionStore";
import { until } from "./benchUtils";
import { sampleProcess } from "./procStats";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";

const which = process.argv[2] ?? "both";
const sessionCount = Number(process.argv[3] ?? 1000);
const traineeCount = Number(process.argv[4] ?? 30);
const scenariosDir = join(repoRoot, "scenarios");
const scenarioId = "ruined-hat";

/** A host on `store` whose "rooms" only open the session, as the room's onCreate does. */
async function hostOn(store: AsyncSessionStore, library: ScenarioLibrary): Promise<SessionHost> {
  const host: SessionHost = await SessionHost.create({
    store,
    library,
    startRoom: async (sessionId) => {
      await host.open(sessionId);
    },
  });
  return host;
}

/** Writes `sessionCount` classes in their first vote (every trainee joined, most voted); returns one code. */
async function fill(store: AsyncSessionStore, library: ScenarioLibrary): Promise<string> {
  const host = await hostOn(store, library);
  let code = "";
  for (let s = 0; s < sessionCount; s++) {
    const hosted = await host.host({ scenarioId });
    code = hosted.code;
    const runtime = host.runtime(code)!;
    const at = Date.now();
    const server = { role: "server" } as const;
    const trainer = { role: "trainer" } as const;
    const events: SessionEvent[] = [{ type: "session.joined", role: "trainer", at, by: server }];
    for (let t = 0; t < traineeCount; t++)
      events.push({
        type: "session.joined",
        role: "trainee",
        traineeId: `t-${t}`,
        name: `P${t}`,
        at,
        by: server,
      });
    events.push({ type: "trainer.start", at, by: trainer }, { type: "trainer.openVote", at, by: trainer });
    let last: Promise<void> = Promise.resolve();
    for (const event of events) {
      const result = runtime.submit(event);
      if (!result.accepted) throw new Error(`${event.type} refused: ${result.rejection.code}`);
      last = result.durable;
    }
    const options = runtime.state.context.runs.main?.current.options ?? [];
    for (let t = 0; t < traineeCount * 0.8; t++) {
      const optionId = options[t % options.length]!.id;
      const result = runtime.submit({
        type: "trainee.vote",
        optionId,
        at,
        by: { role: "trainee", traineeId: `t-${t}` },
      });
      if (!result.accepted) throw new Error(`vote refused: ${result.rejection.code}`);
      last = result.durable;
    }
    await last;
  }
  // Gone without a goodbye, as in a crash: the store keeps every session live.
  await store.leases.release();
  return code;
}

/** What the server did at start before sessions were resumed lazily: every live session replayed. */
async function eagerReplay(store: AsyncSessionStore, library: ScenarioLibrary): Promise<number> {
  const host = await hostOn(store, library);
  const start = performance.now();
  const resumed = await host.resumeAll();
  const took = performance.now() - start;
  if (resumed.length !== sessionCount) throw new Error(`replayed ${resumed.length} of ${sessionCount}`);
  await store.leases.release();
  return took;
}

/** Wall times from the start (ms); for a new process, also the CPU it had used when the join was answered. */
type Timings = { listening: number; firstHttp: number; firstJoin: number; cpuAtJoin?: number };

/** Joins `code` as a new trainee and waits for the first view; checks it is the vote when `inVote`. */
async function firstView(url: string, code: string, inVote: boolean): Promise<void> {
  const client = new Client(url.replace(/^http/, "ws"));
  const room = await client.joinById(code, { role: "trainee", reconnectKey: "bench-device", name: "Late" });
  let view: TraineeView | undefined;
  room.onMessage("welcome", () => undefined);
  room.onMessage("view", (v: TraineeView) => (view ??= v));
  await until(() => view !== undefined, "the first view");
  if (inVote && view?.can !== "vote") throw new Error(`the late trainee sees ${view?.phase}, not the vote`);
  await room.leave();
}

/**
 * Starts the server in this process on the filled store, the library already loaded: the part of a restart
 * that depends on the sessions (the old start replayed them all here), without node's and tsx's own start.
 */
async function timeInProcess(
  store: AsyncSessionStore,
  library: ScenarioLibrary,
  code: string,
): Promise<Timings> {
  const t0 = performance.now();
  const running = await startHotseatServer({
    port: 0,
    store,
    library,
    clientDir: join(tmpdir(), "no-client-build"),
  });
  const listening = performance.now() - t0;
  const answered = await fetch(`${running.url}/api/scenarios`);
  if (!answered.ok) throw new Error(`GET /api/scenarios answered ${answered.status}`);
  const firstHttp = performance.now() - t0;
  await firstView(running.url, code, true);
  const firstJoin = performance.now() - t0;
  await running.stop();
  return { listening, firstHttp, firstJoin };
}

/** Starts a server process on the filled store and times its first answers from the spawn. */
async function timeRestart(env: Record<string, string>, code: string, inVote = true): Promise<Timings> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const t0 = performance.now();
  let firstHttp = 0;
  const polling = (async () => {
    while (firstHttp === 0) {
      const answered = await fetch(`${url}/api/scenarios`).then(
        (r) => r.ok,
        () => false,
      );
      if (answered) firstHttp = performance.now() - t0;
      // A refused connection fails at once: without a pause this loop would take a core from the server.
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const server = await startServerProcess(port, { ...env, HOTSEAT_SCENARIOS_DIR: scenariosDir }, 120_000);
  const listening = performance.now() - t0;
  await polling;
  await firstView(url, code, inVote);
  const firstJoin = performance.now() - t0;
  // On a shared machine the wall time follows the load; the CPU the start took does not.
  const cpuAtJoin = sampleProcess(server.child.pid ?? 0).cpuMs;
  await server.kill("SIGTERM");
  return { listening, firstHttp, firstJoin, cpuAtJoin };
}

const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;

/** A bare node process (with `args`), median of 5: its wall time from spawn to exit, and its own CPU. */
function nodeStart(args: string[]): string {
  const runs: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const ran = spawnSync(
      process.execPath,
      [...args, "-e", "const u = process.cpuUsage(); console.log((u.user + u.system) / 1000)"],
      { cwd: repoRoot, encoding: "utf8" },
    );
    runs.push({ wall: performance.now() - t0, cpu: Number(ran.stdout) });
  }
  const median = (pick: (r: { wall: number; cpu: number }) => number) =>
    runs.map(pick).sort((a, b) => a - b)[2]!;
  return `${ms(median((r) => r.wall))} (CPU ${ms(median((r) => r.cpu))})`;
}

function baseline(): void {
  const [one, five] = loadavg();
  console.log(`  ${"baseline, node -e 0:".padEnd(52)} ${nodeStart([])}`);
  console.log(`  ${"baseline, node --import tsx -e 0:".padEnd(52)} ${nodeStart(["--import", "tsx"])}`);
  console.log(`  ${"load average (1 min, 5 min):".padEnd(52)} ${one!.toFixed(1)}, ${five!.toFixed(1)}`);
}

/** The new-process timings of a restart: on a data directory without scenario checks, then with them. */
type Restarts = { cold: Timings; warm: Timings; empty: Timings };

function report(store: string, fillMs: number, eagerMs: number, inProcess: Timings, r: Restarts): void {
  const line = (what: string, value: string) => console.log(`  ${what.padEnd(52)} ${value}`);
  console.log(
    `\n${store}: ${sessionCount} live sessions × ${traineeCount} trainees (written in ${ms(fillMs)})`,
  );
  line("eager replay of every session (the old start):", ms(eagerMs));
  line("in process, start → listening:", ms(inProcess.listening));
  line("in process, start → first HTTP answer:", ms(inProcess.firstHttp));
  line("in process, start → first join answered (a view):", ms(inProcess.firstJoin));
  const both = (what: "listening" | "firstHttp" | "firstJoin") =>
    `${ms(r.warm[what])}  (scenarios not checked before: ${ms(r.cold[what])}; empty store: ${ms(r.empty[what])})`;
  line("new process, spawn → listening:", both("listening"));
  line("new process, spawn → first HTTP answer:", both("firstHttp"));
  line("new process, spawn → first join answered:", both("firstJoin"));
  const cpu = (t: Timings) => ms(t.cpuAtJoin ?? 0);
  line(
    "new process, CPU used when the join was answered:",
    `${cpu(r.warm)}  (scenarios not checked before: ${cpu(r.cold)}; empty store: ${cpu(r.empty)})`,
  );
  baseline();
}

/** A restart on a data directory without scenario checks, then one with the checks the first one kept. */
async function restartTwice(env: Record<string, string>, code: string) {
  const cold = await timeRestart(env, code);
  const warm = await timeRestart(env, code);
  return { cold, warm };
}

async function emptyBaseline(
  env: Record<string, string> & { HOTSEAT_DATA_DIR: string },
  store: AsyncSessionStore,
  library: ScenarioLibrary,
  checksFrom: string,
) {
  // One session only, so the join has something to join; the rest of the start is the same.
  const host = await hostOn(store, library);
  const hosted = await host.host({ scenarioId });
  await host.runtime(hosted.code)!.drained();
  await store.leases.release();
  await store.close();
  // The scenarios as checked by the restarts before: only the store differs.
  mkdirSync(env.HOTSEAT_DATA_DIR, { recursive: true });
  copyFileSync(join(checksFrom, "scenario-checks.json"), join(env.HOTSEAT_DATA_DIR, "scenario-checks.json"));
  return timeRestart(env, hosted.code, false);
}

async function benchSqlite(library: ScenarioLibrary): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-restart-bench-"));
  const emptyDir = join(dir, "empty");
  try {
    const started = performance.now();
    let store = asAsyncStore(new SqliteSessionStore(join(dir, "hotseat.sqlite")));
    const code = await fill(store, library);
    const fillMs = performance.now() - started;
    await store.close();
    store = asAsyncStore(new SqliteSessionStore(join(dir, "hotseat.sqlite")));
    const eagerMs = await eagerReplay(store, library);
    await store.close();
    const inProcess = await timeInProcess(
      asAsyncStore(new SqliteSessionStore(join(dir, "hotseat.sqlite"))),
      library,
      code,
    );
    const restarts = await restartTwice({ HOTSEAT_DATA_DIR: dir }, code);
    const empty = await emptyBaseline(
      { HOTSEAT_DATA_DIR: emptyDir },
      asAsyncStore(new SqliteSessionStore(join(emptyDir, "hotseat.sqlite"))),
      library,
      dir,
    );
    report("SQLite", fillMs, eagerMs, inProcess, { ...restarts, empty });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(library: ScenarioLibrary): Promise<void> {
  const server = await startTestPostgres();
  // The scenario checks a server keeps are in its data directory, with PostgreSQL too.
  const dataDir = mkdtempSync(join(tmpdir(), "hotseat-restart-bench-"));
  try {
    const url = await createTestDatabase(server, "bench");
    const started = performance.now();
    let store: AsyncSessionStore = await PostgresSessionStore.open(url);
    const code = await fill(store, library);
    const fillMs = performance.now() - started;
    await store.close();
    store = await PostgresSessionStore.open(url);
    const eagerMs = await eagerReplay(store, library);
    await store.close();
    const inProcess = await timeInProcess(await PostgresSessionStore.open(url), library, code);
    const restarts = await restartTwice({ HOTSEAT_DATABASE_URL: url, HOTSEAT_DATA_DIR: dataDir }, code);
    const emptyUrl = await createTestDatabase(server, "empty");
    const empty = await emptyBaseline(
      { HOTSEAT_DATABASE_URL: emptyUrl, HOTSEAT_DATA_DIR: join(dataDir, "empty") },
      await PostgresSessionStore.open(emptyUrl),
      library,
      dataDir,
    );
    report("PostgreSQL", fillMs, eagerMs, inProcess, { ...restarts, empty });
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`npx tsx server/bench/restartBench.ts ${which} ${sessionCount} ${traineeCount}`);
const library = await ScenarioLibrary.fromDirectory(scenariosDir);
if (which === "sqlite" || which === "both") await benchSqlite(library);
if (which === "postgres" || which === "both") await benchPostgres(library);
process.exit(0);
