import { describe, expect, it } from "vitest";
import {
  createGroupResponseSchema,
  learnerKeyResponseSchema,
  learnerRecordSchema,
  sessionStatusSchema,
} from "@hotseat/shared";
import type { TraineeView } from "@hotseat/shared";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import { apiCall } from "./apiCall";
import { clusterMissing, loggedVotes, processOf, useClusterServices } from "./clusterHarness";
import { classInVote, hostSession, joinGroupClass, Peer } from "./harness";

// Sessions spread over three processes behind nginx, each reached at the one address.
const startCluster = useClusterServices();

describe.skipIf(clusterMissing.length > 0)("three Hotseat processes behind nginx", () => {
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
    const { trainer, phones } = await joinGroupClass(cluster.url, hosted, keys, "group-phone");
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
