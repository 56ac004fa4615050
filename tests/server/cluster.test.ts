import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PostgresSessionStore, startTestPostgres } from "@hotseat/server";
import type { TestPostgres } from "@hotseat/server";
import {
  createGroupResponseSchema,
  learnerKeyResponseSchema,
  learnerRecordSchema,
  sessionStatusSchema,
} from "@hotseat/shared";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import {
  clusterBinaries,
  missingClusterBinaries,
  startClusterProcess,
  startHotseatCluster,
  startRedis,
} from "../../server/bench/clusterProcesses";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { Daemon, HotseatCluster } from "../../server/bench/clusterProcesses";
import type { Room } from "@colyseus/sdk";
import { classInVote, hostSession, Peer, until } from "./harness";
import { apiCall } from "./apiCall";
import { BrowserPage, ComingBackPhone } from "./comingBack";

// Three real Hotseat processes on one PostgreSQL and one redis-server, behind nginx running
// deploy/nginx/hotseat.conf: what the README's "Several servers" section deploys.
const postgresMissing =
  !existsSync("/usr/lib/postgresql") ||
  !readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const missing = [...missingClusterBinaries(), ...(postgresMissing ? ["PostgreSQL (initdb)"] : [])];
if (missing.length > 0)
  console.warn(`cluster tests skipped: ${missing.join(", ")} missing (.ci/run installs them)`);

let postgres: TestPostgres;
let redis: Daemon;
let databases = 0;
const clusters: HotseatCluster[] = [];
beforeAll(async () => {
  if (missing.length > 0) return;
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

async function startCluster(
  env: Record<string, string> = {},
): Promise<HotseatCluster & { databaseUrl: string; redisUrl: string; env: Record<string, string> }> {
  const databaseUrl = await createTestDatabase(postgres, `cluster_${++databases}`);
  // Each cluster its own Redis database number, so listings of an earlier test's processes do not mix in.
  const redisUrl = `${redis.url}/${databases}`;
  const processEnv = { HOTSEAT_SCENARIOS_DIR: "tests/server/fixtures/scenarios", ...env };
  const cluster = await startHotseatCluster({ count: 3, databaseUrl, redisUrl, env: processEnv });
  clusters.push(cluster);
  return { ...cluster, databaseUrl, redisUrl, env: processEnv };
}

/** The Colyseus process ids the cluster's lease-owner table names (colyseusCluster.ts). */
function leaseOwnerEntries(redisUrl: string): string[] {
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
function processOf(peer: { room: Room | undefined }): number {
  const url = (peer.room?.connection as { url?: string } | undefined)?.url ?? "";
  const match = /\/p(\d)\/[^/]+\/[^/?]+\?/.exec(url);
  if (!match) throw new Error(`not a cluster socket address: ${url}`);
  return Number(match[1]);
}

/** The votes of a session's log, as a third party reads the database. */
async function loggedVotes(databaseUrl: string, code: string): Promise<Map<string, string>> {
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

describe.skipIf(missing.length > 0)("three Hotseat processes behind nginx", () => {
  it("spreads sessions over the processes and runs a class vote through each, all at one address", async () => {
    const cluster = await startCluster();
    for (const p of cluster.processes)
      expect(p.output()).toMatch(/cluster: Redis at 127\.0\.0\.1:\d+, reached at 127\.0\.0\.1:\d+\/p\d/);
    const classes = [];
    for (let i = 0; i < 6; i++) classes.push(await classInVote(cluster.url, 5));
    const where = classes.map((c) => processOf(c.trainer));
    // Every client of a session is on the process that runs it; nginx's round robin spread the hosting.
    classes.forEach((c, i) => c.trainees.forEach((t) => expect(processOf(t)).toBe(where[i])));
    expect(new Set(where)).toEqual(new Set([1, 2, 3]));

    const options = ["listen", "blame"];
    for (const { trainees } of classes)
      trainees.forEach((t, k) => t.send({ type: "trainee.vote", optionId: options[k % 2] }));
    for (const { trainer } of classes)
      await trainer.viewWhere((v) => Object.keys(v.votes).length === 5, "5 votes");
    for (const { trainer } of classes) trainer.send({ type: "trainer.reveal" });
    for (const { trainees, trainer, hosted } of classes) {
      await Promise.all(
        trainees.map((t) => t.viewWhere((v: TraineeView) => v.phase === "revealed", "the reveal")),
      );
      const votes = await loggedVotes(cluster.databaseUrl, hosted.code);
      expect(votes.size).toBe(5);
      for (const p of [trainer, ...trainees]) expect(p.errors).toEqual([]);
    }
    // A trainee joining by code through the one address lands on the session's process, wherever it runs.
    const late = await Peer.join<TraineeView>(cluster.url, classes[0]!.hosted.code, {
      role: "trainee",
      name: "Late",
      reconnectKey: "late",
    });
    expect(processOf(late)).toBe(where[0]);
    // Every process answers a session's status, wherever the session runs (the two others read its log).
    for (const n of [1, 2, 3]) {
      const asked = await apiCall(`${cluster.url}/p${n}`, `/api/sessions/${classes[0]!.hosted.code}`);
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      expect(sessionStatusSchema.parse(asked.body)).toMatchObject({
        running: true,
        joinOpen: true,
        status: "live",
        phase: "revealed",
        scenario: { id: "short-call" },
      });
    }
    await Promise.all(classes.flatMap((c) => [c.trainer, ...c.trainees]).map((p) => p.leave()));
    await late.leave();
  });

  it("plays a group's session with a roster through any process, and answers each learner's record from any", async () => {
    const cluster = await startCluster();
    const created = await apiCall(cluster.url, "/api/groups", {
      body: {
        name: "Support",
        openRoster: false,
        roster: ["Ann", "Bob", "Cleo"].map((displayName) => ({ displayName })),
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const group = createGroupResponseSchema.parse(created.body);
    const hosted = await hostSession(cluster.url, {
      scenarioId: "short-call",
      groupId: group.group.groupId,
      groupKey: group.groupKey,
    } as never);
    // Each phone asks a different process for the roster and claims its name there; a name is claimed once.
    const keys: string[] = [];
    for (const [i, line] of group.roster.entries()) {
      const base = `${cluster.url}/p${i + 1}`;
      const roster = await apiCall(base, `/api/sessions/${hosted.code}/roster`);
      expect(roster.status, JSON.stringify(roster.body)).toBe(200);
      const claimed = await apiCall(base, `/api/sessions/${hosted.code}/learners`, {
        body: { learnerId: line.learnerId },
      });
      expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
      keys.push(learnerKeyResponseSchema.parse(claimed.body).learnerKey);
    }
    for (const n of [1, 2, 3]) {
      const twice = await apiCall(`${cluster.url}/p${n}`, `/api/sessions/${hosted.code}/learners`, {
        body: { learnerId: group.roster[0]!.learnerId },
      });
      expect(twice.status).toBe(409);
    }
    const trainer = await Peer.join<TrainerView>(cluster.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    const phones = await Promise.all(
      keys.map((learnerKey, i) =>
        Peer.join<TraineeView>(cluster.url, hosted.code, {
          role: "trainee",
          learnerKey,
          reconnectKey: `group-phone-${i}`,
        }),
      ),
    );
    expect(phones.map((p) => p.view.me.name)).toEqual(["Ann", "Bob", "Cleo"]);
    for (const p of phones) expect(processOf(p)).toBe(processOf(trainer));
    trainer.send({ type: "trainer.start" });
    trainer.send({ type: "trainer.openVote" });
    await Promise.all(phones.map((p) => p.viewWhere((v) => v.can === "vote")));
    phones.forEach((p) => p.send({ type: "trainee.vote", optionId: "listen", stepIndex: 0 }));
    await trainer.viewWhere((v) => Object.keys(v.votes).length === 3, "3 votes");
    trainer.send({ type: "trainer.reveal" });
    await trainer.viewWhere((v) => v.history.length === 1, "the reveal");
    // Each learner's practice, asked of every process: the one decision they voted on.
    for (const key of keys)
      for (const n of [1, 2, 3]) {
        const mine = await apiCall(`${cluster.url}/p${n}`, "/api/learning/me", { key });
        expect(mine.status, JSON.stringify(mine.body)).toBe(200);
        const record = learnerRecordSchema.parse(mine.body);
        expect(record.runs.map((r) => r.decisions.map((d) => d.optionId))).toEqual([["listen"]]);
      }
    await Promise.all([trainer, ...phones].map((p) => p.leave()));
  });
});

/**
 * A class of 30 in a timed vote on `cluster`: the console, the wall and one phone are the web client's own
 * `Connection` (one browser), the other 29 phones SDK clients that come back the same way.
 */
async function classOnCluster(url: string) {
  BrowserPage.setUp(url);
  const hosted = await hostSession(url);
  BrowserPage.rememberHost(hosted.code, hosted.trainerToken, hosted.joinUrl);
  const consolePage = await BrowserPage.open<TrainerView>(hosted.code, "trainer");
  const wall = await BrowserPage.open<ProjectorView>(hosted.code, "projector");
  const browserPhone = await BrowserPage.open<TraineeView>(hosted.code, "trainee", "Browser phone");
  const phones = await Promise.all(
    Array.from({ length: 29 }, (_, i) =>
      ComingBackPhone.join(url, hosted.code, {
        role: "trainee",
        name: `Trainee ${i + 1}`,
        reconnectKey: `phone-${hosted.code}-${i}`,
      }),
    ),
  );
  await until(() => consolePage.view?.roster.length === 30, "30 trainees on the console");
  consolePage.connection.send({ type: "trainer.start" });
  consolePage.connection.send({ type: "trainer.openVote", seconds: 600 });
  await until(
    () =>
      phones.every((p) => p.view?.can === "vote") &&
      browserPhone.view?.can === "vote" &&
      consolePage.view?.vote.deadline !== undefined,
    "the vote open on every phone",
  );
  const opened = consolePage.view!;
  return { hosted, consolePage, wall, browserPhone, phones, opened, owner: processOf(phones[0]!) };
}

const options = ["listen", "blame", "refund"];
const optionOf = (i: number) => options[i % options.length]!;

/** Phones vote in five lines, each the moment the one before was shown its vote, until `stop()`. */
function voteInLines(phones: ComingBackPhone[], stop: () => boolean) {
  const isAcked = (i: number) => phones[i]!.views.some((v) => v.myVote === optionOf(i));
  const line = async (start: number) => {
    for (let i = start; i < phones.length && !stop(); i += 5) {
      phones[i]!.send({ type: "trainee.vote", optionId: optionOf(i) });
      await until(() => stop() || isAcked(i), `phone ${i}'s vote to be shown`);
    }
  };
  return { isAcked, done: Promise.all([0, 1, 2, 3, 4].map(line)) };
}

/** Waits until every page and phone of the class is connected again, to a process other than `owner`. */
async function everyoneBack(c: Awaited<ReturnType<typeof classOnCluster>>, ms: number) {
  const state = () =>
    JSON.stringify({
      phones: c.phones.map((p) => [p.connected, p.rejoins, ...p.failures]),
      pages: [c.consolePage, c.wall, c.browserPhone].map((page) => page.seen),
    });
  await until(
    () =>
      c.phones.every((p) => p.connected && p.rejoins > 0 && p.view !== undefined) &&
      [c.consolePage, c.wall, c.browserPhone].every(
        (page) => page.seen.includes("reconnecting") && page.status === "connected",
      ),
    "every page and phone back",
    ms,
  ).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}: ${state()}`);
  });
  const survivor = processOf(c.phones[0]!);
  expect(survivor).not.toBe(c.owner);
  for (const p of c.phones) expect(processOf(p)).toBe(survivor);
  return survivor;
}

/** The rest of the class votes on the survivor, the trainer reveals, and the log holds all 30 votes. */
async function finishVote(c: Awaited<ReturnType<typeof classOnCluster>>, databaseUrl: string) {
  c.phones.forEach((p, i) => {
    if (p.view?.myVote === undefined) p.send({ type: "trainee.vote", optionId: optionOf(i) });
  });
  if (c.browserPhone.view?.myVote === undefined)
    c.browserPhone.connection.send({ type: "trainee.vote", optionId: "listen" });
  await until(
    () => Object.keys(c.consolePage.view?.votes ?? {}).length === 30,
    "all 30 votes on the console",
  );
  c.consolePage.connection.send({ type: "trainer.reveal" });
  await until(() => c.phones.every((p) => p.view?.phase === "revealed"), "the reveal on every phone");
  expect((await loggedVotes(databaseUrl, c.hosted.code)).size).toBe(30);
  for (const p of c.phones) await p.leave();
  for (const page of [c.consolePage, c.wall, c.browserPhone]) await page.connection.leave();
}

describe.skipIf(missing.length > 0)("a Hotseat process lost or stopped", () => {
  it("kill -9 mid-vote: a survivor runs the session within seconds, every page comes back, no shown vote lost", async () => {
    // The default 15 s lease: the survivor takes it over because Redis says its owner is gone, not by waiting.
    const cluster = await startCluster({ HOTSEAT_LEASE_SECONDS: "15" });
    const c = await classOnCluster(cluster.url);
    c.browserPhone.connection.send({ type: "trainee.vote", optionId: "listen" });
    await until(() => c.browserPhone.view?.myVote === "listen", "the browser phone's vote shown");
    let dead = false;
    const voting = voteInLines(c.phones, () => dead);
    await until(() => c.phones.filter((_, i) => voting.isAcked(i)).length >= 12, "12 votes shown");
    const killedAt = Date.now();
    await cluster.processes[c.owner - 1]!.kill("SIGKILL");
    dead = true;
    await voting.done;
    const acked = c.phones.flatMap((p, i) =>
      voting.isAcked(i) ? [[p.view!.me.id, optionOf(i)] as const] : [],
    );
    acked.push([c.browserPhone.view!.me.id, "listen"]);

    const survivor = await everyoneBack(c, 20_000).catch((e: unknown) => {
      const logs = cluster.processes.map((p) => p.output().split("\n").slice(-30).join("\n"));
      throw new Error(`${(e as Error).message}\n${logs.join("\n---\n")}`);
    });
    const backMs = Date.now() - killedAt;
    const seen = c.consolePage.view!;
    expect(seen.phase).toBe("voting");
    expect(seen.stepIndex).toBe(c.opened.stepIndex);
    // The same timer: the deadline the log holds, not a new one.
    expect(seen.vote.deadline).toBe(c.opened.vote.deadline);
    // 0 acknowledged votes lost: every vote a phone was shown is on the survivor's console and in the log.
    const logged = await loggedVotes(cluster.databaseUrl, c.hosted.code);
    for (const [id, optionId] of acked) {
      expect(seen.votes[id], `shown vote of ${id}`).toBe(optionId);
      expect(logged.get(id)).toBe(optionId);
    }
    expect(c.browserPhone.view?.myVote).toBe("listen");
    expect(cluster.processes[survivor - 1]!.output()).toContain(`[${c.hosted.code}] resumed from its log`);
    // Taken over because Redis showed the owner gone, well before its 15 s lease would have run out.
    expect(cluster.processes[survivor - 1]!.output()).toContain(`[${c.hosted.code}] lease taken over from`);
    expect(backMs).toBeLessThan(10_000);
    console.log(
      `cluster kill -9: ${acked.length} votes shown before the kill, all kept; every page back on p${survivor} in ${backMs} ms`,
    );
    await finishVote(c, cluster.databaseUrl);

    // The dead process is started again, as a supervisor would: the cluster's table of lease owners names
    // the three live processes, not the dead one too.
    expect(leaseOwnerEntries(cluster.redisUrl)).toHaveLength(3);
    const killed = cluster.processes[c.owner - 1]!;
    const nginxPort = Number(new URL(cluster.url).port);
    cluster.processes[c.owner - 1] = await startClusterProcess(killed.port, c.owner, nginxPort, cluster);
    await until(() => leaseOwnerEntries(cluster.redisUrl).length === 3, "the dead process's entry dropped");
  });

  it("SIGTERM (a redeploy): the stopping process hands its sessions over with a short pause", async () => {
    const cluster = await startCluster({ HOTSEAT_LEASE_SECONDS: "15" });
    const c = await classOnCluster(cluster.url);
    const voting = voteInLines(c.phones.slice(0, 15), () => false);
    await voting.done;
    const stoppedAt = Date.now();
    const stopping = cluster.processes[c.owner - 1]!;
    const exited = stopping.kill("SIGTERM");
    const survivor = await everyoneBack(c, 15_000);
    const pauseMs = Date.now() - stoppedAt;
    await exited;
    expect(stopping.child.exitCode).toBe(0);
    const seen = c.consolePage.view!;
    expect(seen.vote.deadline).toBe(c.opened.vote.deadline);
    expect(Object.keys(seen.votes)).toHaveLength(15);
    // Handed over, not taken over: the lease was released, not taken from a process gone silent.
    expect(cluster.processes[survivor - 1]!.output()).not.toContain("taken over");
    expect(pauseMs).toBeLessThan(8_000);
    console.log(`cluster SIGTERM: every page back on p${survivor} after ${pauseMs} ms`);
    await finishVote(c, cluster.databaseUrl);
  });
});

describe("a cluster process's environment", () => {
  it("refuses Redis without PostgreSQL at start, saying the processes must share the log", async () => {
    const started = startServerProcess(await freePort(), {
      HOTSEAT_REDIS_URL: "redis://127.0.0.1:1",
      HOTSEAT_PUBLIC_ADDRESS: "hotseat.example.com/p1",
      HOTSEAT_SCENARIOS_DIR: "tests/server/fixtures/scenarios",
    });
    await expect(started).rejects.toThrow(
      /exited with 1[\s\S]*HOTSEAT_REDIS_URL is set without HOTSEAT_DATABASE_URL/,
    );
  });
});
