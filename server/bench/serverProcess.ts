import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/** The repository root, where `server/src/main.ts` is started from. */
export const repoRoot = join(import.meta.dirname, "..", "..");

/** A Hotseat server running as a real child process (`node --import tsx server/src/main.ts`). */
export type ServerProcess = {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process printed so far. */
  output: () => string;
  /** Kills the process (SIGKILL by default, as a crash would) and waits for it to be gone. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/** A TCP port that was free a moment ago, so a restarted server can listen on the same one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server on `port` with `env`, and waits (up to `startMs`) until it prints that it is listening. */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  startMs = 30_000,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.HOTSEAT_BENCH_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.HOTSEAT_BENCH_PROF}`]
        : []),
      "--disable-warning=ExperimentalWarning",
      "--import",
      "tsx",
      "server/src/main.ts",
    ],
    {
      cwd: repoRoot,
      // Every simulated trainee joins from this one address, far beyond what a real class behind one NAT
      // does: the per-address join throttle is lifted unless the caller sets it.
      env: { ...process.env, HOTSEAT_JOIN_BURST: "1000000", ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in ${startMs / 1000} s:\n${output}`)),
      startMs,
    );
    const check = () => {
      if (output.includes("Hotseat listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    port,
    url: `http://localhost:${port}`,
    output: () => output,
    kill: async (signal = "SIGKILL") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
