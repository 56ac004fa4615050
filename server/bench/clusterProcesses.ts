import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot, startServerProcess } from "./serverProcess";
import type { ServerProcess } from "./serverProcess";

/** Where the Debian packages put the binaries a cluster test needs. */
export const clusterBinaries = {
  redis: "/usr/bin/redis-server",
  redisCli: "/usr/bin/redis-cli",
  nginx: "/usr/sbin/nginx",
} as const;

/** The binaries that are missing (the cluster test skips, naming them, when any is). */
export function missingClusterBinaries(): string[] {
  return Object.values(clusterBinaries).filter((p) => !existsSync(p));
}

/** A program a test started in its own temporary directory. */
export type Daemon = { port: number; url: string; stop: () => Promise<void>; output: () => string };

/** Starts `cmd` and waits until its output says `ready` (or fails with its output after `ms`). */
async function daemon(cmd: string, args: string[], ready: RegExp, what: string, ms = 15_000) {
  const child: ChildProcess = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), ms);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return { stop, output: () => output };
}

/** A redis-server on a free port, keeping nothing on disk. */
export async function startRedis(): Promise<Daemon> {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-redis-"));
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const started = await daemon(clusterBinaries.redis, [...args, "--dir", dir], /Ready to accept/, "redis");
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    output: started.output,
    stop: async () => {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `deploy/nginx/hotseat.conf` as the test runs it: the three processes' ports and the listen port
 * replaced, wrapped in a main configuration whose pid, logs and temporary files are in `dir`.
 */
export function nginxConfig(dir: string, listenPort: number, processPorts: number[]): string {
  let site = readFileSync(join(repoRoot, "deploy", "nginx", "hotseat.conf"), "utf8");
  processPorts.forEach((port, i) => (site = site.replaceAll(`127.0.0.1:${2571 + i}`, `127.0.0.1:${port}`)));
  site = site.replace("listen 80;", `listen 127.0.0.1:${listenPort};`);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `    ${name}_temp_path ${join(dir, `${name}_temp`)};`)
    .join("\n");
  return [
    "daemon off;",
    "worker_processes 1;",
    `pid ${join(dir, "nginx.pid")};`,
    `error_log ${join(dir, "error.log")} warn;`,
    "worker_rlimit_nofile 20000;",
    "events { worker_connections 16384; }",
    "http {",
    "    access_log off;",
    temp,
    site,
    "}",
    "",
  ].join("\n");
}

/** nginx on a free port in front of the processes at `processPorts`, with the repository's template. */
export async function startNginx(processPorts: number[], listenPort?: number): Promise<Daemon> {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-nginx-"));
  // As root nginx's workers run as nobody: they must reach their temporary directories.
  if (userInfo().uid === 0) chmodSync(dir, 0o755);
  for (const name of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(join(dir, `${name}_temp`));
    if (userInfo().uid === 0) chmodSync(join(dir, `${name}_temp`), 0o777);
  }
  const port = listenPort ?? (await freePort());
  const conf = join(dir, "nginx.conf");
  writeFileSync(conf, nginxConfig(dir, port, processPorts));
  const args = ["-p", dir, "-c", conf, "-e", join(dir, "error.log")];
  const check = await daemon(clusterBinaries.nginx, [...args, "-t"], /test is successful/, "nginx -t");
  await check.stop();
  const child = spawn(clusterBinaries.nginx, args, { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // nginx says nothing when it is up: ask it until it answers (start it after the processes: a probe
  // that finds them down marks them failed for fail_timeout).
  const start = Date.now();
  for (;;) {
    const answered = await fetch(`${url}/nginx-probe`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null || Date.now() - start > 15_000)
      throw new Error(`nginx did not start:\n${readFileSync(join(dir, "error.log"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    url,
    output: () => (existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : ""),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Hotseat processes sharing one PostgreSQL database and one Redis, each at `<nginx>/p<i>`. */
export type HotseatCluster = { processes: ServerProcess[]; nginx: Daemon; url: string };

/** Starts `count` processes on free ports and nginx in front of them; `env` adds to each process's. */
export async function startHotseatCluster(options: {
  count: number;
  databaseUrl: string;
  redisUrl: string;
  env?: Record<string, string>;
}): Promise<HotseatCluster> {
  const ports = await Promise.all(Array.from({ length: options.count }, () => freePort()));
  // Each process is told its public address (nginx's port and its prefix) before nginx starts.
  const nginxPort = await freePort();
  const starting = ports.map((port, i) => startClusterProcess(port, i + 1, nginxPort, options));
  const settled = await Promise.allSettled(starting);
  const processes = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) {
    // None left running when one did not start.
    await Promise.all(processes.map((p) => p.kill("SIGKILL")));
    throw failed.reason;
  }
  // The template names three processes: fewer fill the others' places (a benchmark on 1 or 2 processes).
  const nginx = await startNginx(
    [0, 1, 2].map((i) => ports[i % ports.length]!),
    nginxPort,
  );
  return { processes, nginx, url: nginx.url };
}

/** Starts (or restarts) process number `n` of a cluster on `port`. */
export function startClusterProcess(
  port: number,
  n: number,
  nginxPort: number,
  options: { databaseUrl: string; redisUrl: string; env?: Record<string, string> },
): Promise<ServerProcess> {
  return startServerProcess(
    port,
    {
      HOTSEAT_DATABASE_URL: options.databaseUrl,
      HOTSEAT_REDIS_URL: options.redisUrl,
      HOTSEAT_PUBLIC_ADDRESS: `127.0.0.1:${nginxPort}/p${n}`,
      HOTSEAT_TRUST_PROXY: "1",
      ...options.env,
      // A shared, busy machine may take a while to start three at once.
    },
    120_000,
  );
}
