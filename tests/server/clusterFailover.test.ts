import { describe, expect, it } from "vitest";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { startClusterProcess } from "../../server/bench/clusterProcesses";
import { BrowserPage, ComingBackPhone } from "./comingBack";
import {
  clusterMissing,
  leaseOwnerEntries,
  loggedVotes,
  processOf,
  useClusterServices,
} from "./clusterHarness";
import { hostSession, until } from "./harness";

// A process of a three-process cluster lost (kill -9) or stopped (SIGTERM) in the middle of a vote.
const startCluster = useClusterServices();

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

describe.skipIf(clusterMissing.length > 0)("a Hotseat process lost or stopped", () => {
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
