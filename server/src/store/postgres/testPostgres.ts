import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A PostgreSQL server a test started for itself: its URL, and how to stop it and remove its files. */
export type TestPostgres = { url: string; stop: () => void };

// The Debian packages put the binaries under /usr/lib/postgresql/<major>/bin, off the PATH.
function binary(name: string): string {
  const pathHit = (process.env.PATH ?? "")
    .split(":")
    .map((dir) => join(dir, name))
    .find((p) => existsSync(p));
  if (pathHit) return pathHit;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors)
    if (existsSync(join(root, major, "bin", name))) return join(root, major, "bin", name);
  throw new Error(`PostgreSQL's ${name} was not found; install the Debian package postgresql (.ci/run does)`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts a real PostgreSQL in a new temporary directory: initdb, then pg_ctl on a free port with its unix
 * socket in that directory, so tests never touch a system server. As root it runs as the `postgres` user,
 * because initdb refuses root.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-pg-"));
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" })
      : execFileSync(cmd, args, { stdio: "pipe" });
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  const port = await freePort();
  run(binary("initdb"), ["-D", data, "-U", "hotseat", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run(binary("pg_ctl"), [
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  const stop = () => {
    try {
      run(binary("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://hotseat@127.0.0.1:${port}/postgres`, stop };
}

/** A new empty database on the test server, so each test starts from a fresh schema. */
export function databaseUrl(server: TestPostgres, name: string): string {
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** Creates an empty database `name` on the test server and returns its URL. */
export async function createTestDatabase(server: TestPostgres, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(server, name);
}
