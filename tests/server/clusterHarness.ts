import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { Room } from "@colyseus/sdk";
import { createTestDatabase, PostgresSessionStore, startTestPostgres } from "@hotseat/server";
import type { TestPostgres } from "@hotseat/server";
import {
  clusterBinaries,
  missingClusterBinaries,
  startHotseatCluster,
  startRedis,
} from "../../server/bench/clusterProcesses";
import type { Daemon, HotseatCluster } from "../../server/bench/clusterProcesses";

// Three real Hotseat processes on one PostgreSQL and one redis-server, behind nginx running
// deploy/nginx/hotseat.conf: what the README's "Several servers" section deploys.
const postgresMissing =
  !existsSync("/usr/lib/postgresql") ||
  !readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
/** What a cluster test needs and this machine lacks (`.ci/run` installs it); the tests skip without it. */
export const clusterMissing = [
  ...missingClusterBinaries(),
  ...(postgresMissing ? ["PostgreSQL (initdb)"] : []),
];
if (clusterMissing.length > 0)
  console.warn(`cluster tests skipped: ${clusterMissing.join(", ")} missing (.ci/run installs them)`);

export type TestCluster = HotseatCluster & {
  databaseUrl: string;
  redisUrl: string;
  env: Record<string, string>;
};

/**
 * Starts a PostgreSQL and a redis-server for the test file and stops them (and every cluster started) after
 * it; the returned function starts three Hotseat processes and nginx on a database of their own.
 */
export function useClusterServices(): (env?: Record<string, string>) => Promise<TestCluster> {
  let postgres: TestPostgres;
  let redis: Daemon;
  let databases = 0;
  const clusters: HotseatCluster[] = [];
  beforeAll(async () => {
    if (clusterMissing.length > 0) return;
    [postgres, redis] = await Promise.all([startTestPostgres(), startRedis()]);
  }, 60_000);
  afterAll(async () => {
    for (const c of clusters) {
      await Promise.all(c.processes.map((p) => p.kill("SIGKILL")));
      await c.nginx.stop();
    }
    await redis?.stop();
    postgres?.stop();
  });
  return async (env = {}) => {
    const databaseUrl = await createTestDatabase(postgres, `cluster_${++databases}`);
    // Each cluster its own Redis database number, so listings of an earlier test's processes do not mix in.
    const redisUrl = `${redis.url}/${databases}`;
    const processEnv = { HOTSEAT_SCENARIOS_DIR: "tests/server/fixtures/scenarios", ...env };
    const cluster = await startHotseatCluster({ count: 3, databaseUrl, redisUrl, env: processEnv });
    clusters.push(cluster);
    return { ...cluster, databaseUrl, redisUrl, env: processEnv };
  };
}

/** The Colyseus process ids the cluster's lease-owner table names (colyseusCluster.ts). */
export function leaseOwnerEntries(redisUrl: string): string[] {
  const out = execFileSync(clusterBinaries.redisCli, [
    "-u",
    redisUrl,
    "--no-raw",
    "HKEYS",
    "hotseat:lease-owners",
  ]);
  return out
    .toString()
    .split("\n")
    .filter((line) => /\S/.test(line) && !line.includes("(empty"));
}

/** Which process (1-based, from its address prefix /pN/) a client's socket went to. */
export function processOf(peer: { room: Room | undefined }): number {
  const url = (peer.room?.connection as { url?: string } | undefined)?.url ?? "";
  const match = /\/p(\d)\/[^/]+\/[^/?]+\?/.exec(url);
  if (!match) throw new Error(`not a cluster socket address: ${url}`);
  return Number(match[1]);
}

/** The votes of a session's log, as a third party reads the database. */
export async function loggedVotes(databaseUrl: string, code: string): Promise<Map<string, string>> {
  const store = await PostgresSessionStore.open(databaseUrl);
  try {
    const record = await store.findByCode(code);
    const events = record ? await store.events(record.id) : [];
    const votes = new Map<string, string>();
    for (const { event } of events) {
      const e = event as { type: string; optionId?: string; by?: { traineeId?: string } };
      if (e.type === "trainee.vote" && e.by?.traineeId && e.optionId) votes.set(e.by.traineeId, e.optionId);
    }
    return votes;
  } finally {
    await store.close();
  }
}
