import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PostgresSessionStore, startTestPostgres } from "@hotseat/server";
import type { TestPostgres } from "@hotseat/server";
import { blankScenario } from "@hotseat/shared";
import type { TraineeView, TrainerView } from "@hotseat/shared";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import { classInVote, fixtureScenariosDir, joinTrainees, Peer, until } from "./harness";

// Real processes on a real PostgreSQL (initdb on a free port in a temporary directory): what
// `HOTSEAT_DATABASE_URL=postgres://… npm start` runs.
let postgres: TestPostgres;
let databases = 0;
const dataDir = mkdtempSync(join(tmpdir(), "hotseat-pg-server-"));
const running: ServerProcess[] = [];
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(running.map((s) => s.kill()));
  postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function freshDatabase(): Promise<string> {
  return createTestDatabase(postgres, `server_${++databases}`);
}

async function start(port: number, url: string, leaseSeconds = 15): Promise<ServerProcess> {
  const server = await startServerProcess(port, {
    HOTSEAT_DATABASE_URL: url,
    HOTSEAT_LEASE_SECONDS: String(leaseSeconds),
    // Set, so a server that wrongly fell back to SQLite would leave a file here.
    HOTSEAT_DATA_DIR: dataDir,
    HOTSEAT_SCENARIOS_DIR: fixtureScenariosDir,
  });
  running.push(server);
  return server;
}

type LoggedEvent = { type: string; optionId?: string; by?: { traineeId?: string } };

/** The session's log as the database has it, in order (read through a store of its own, as a third process). */
async function eventsOf(url: string, code: string): Promise<LoggedEvent[]> {
  const store = await PostgresSessionStore.open(url);
  try {
    const record = await store.findByCode(code);
    return record ? (await store.events(record.id)).map((e) => e.event as LoggedEvent) : [];
  } finally {
    await store.close();
  }
}

/** Every entry's type, in order. */
async function logOf(url: string, code: string): Promise<string[]> {
  return (await eventsOf(url, code)).map((e) => e.type);
}

describe("Hotseat on PostgreSQL", () => {
  it("runs a class vote, and after a restart resumes it at the same step with the same votes", async () => {
    const url = await freshDatabase();
    const port = await freePort();
    const first = await start(port, url);
    expect(first.output()).toContain("data: PostgreSQL at postgres://hotseat@127.0.0.1");
    expect(existsSync(join(dataDir, "hotseat.sqlite"))).toBe(false);
    const { hosted, trainer, trainees } = await classInVote(first.url, 6);
    trainees.forEach((t, i) => t.send({ type: "trainee.vote", optionId: i < 4 ? "listen" : "blame" }));
    const seen = await trainer.viewWhere((v) => Object.keys(v.votes).length === 6, "6 votes");
    // Every vote a client was shown is in the database already.
    expect((await logOf(url, hosted.code)).filter((t) => t === "trainee.vote")).toHaveLength(6);
    for (const p of [trainer, ...trainees]) p.room.reconnection.enabled = false;

    await first.kill("SIGTERM");
    await until(() => [trainer, ...trainees].every((p) => p.left !== undefined), "everyone to notice");
    const second = await start(port, url);
    // Nothing is replayed at start; the session comes back when its trainer does.
    expect(second.output()).not.toContain(hosted.code);
    const console2 = await Peer.join<TrainerView>(second.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    expect(second.output()).toContain(`[${hosted.code}] resumed from its log`);
    expect(console2.view.phase).toBe("voting");
    expect(console2.view.stepIndex).toBe(seen.stepIndex);
    expect(console2.view.votes).toEqual(seen.votes);
    expect(console2.view.roster.map((r) => r.id)).toEqual(seen.roster.map((r) => r.id));
    const back = await joinTrainees(second.url, hosted.code, 6);
    back.forEach((t, i) => {
      expect(t.view.me.id).toBe(trainees[i]!.view.me.id);
      expect(t.view.myVote).toBe(i < 4 ? "listen" : "blame");
    });
    console2.send({ type: "trainer.reveal" });
    await console2.viewWhere((v) => v.phase === "revealed", "the reveal after the restart");
    for (const p of [console2, ...back]) expect(p.errors).toEqual([]);
    await Promise.all([console2, ...back].map((p) => p.leave()));
    await second.kill("SIGTERM");
  });

  it("refuses a second server told to own a live session: one writer, no diverging copy", async () => {
    const url = await freshDatabase();
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await start(portA, url);
    const b = await start(portB, url);
    const { hosted, trainer, trainees } = await classInVote(a.url, 3);
    trainees[0]!.send({ type: "trainee.vote", optionId: "listen" });
    await trainer.viewWhere((v) => Object.keys(v.votes).length === 1, "the first vote");
    const logBefore = await logOf(url, hosted.code);

    // Server b is asked to run the session: by a trainee's join, by the trainer's console, by its status.
    const refusal = { code: 409, message: expect.stringMatching(/^session\.conflict: /) as unknown };
    await expect(
      Peer.join<TraineeView>(b.url, hosted.code, { role: "trainee", name: "Twin", reconnectKey: "twin" }),
    ).rejects.toMatchObject(refusal);
    await expect(
      Peer.join<TrainerView>(b.url, hosted.code, { role: "trainer", trainerToken: hosted.trainerToken }),
    ).rejects.toMatchObject(refusal);
    const status = await fetch(`${b.url}/api/sessions/${hosted.code}`);
    expect(status.status).toBe(409);
    expect(await status.json()).toMatchObject({ error: { code: "session.conflict" } });
    // b wrote nothing and runs no copy.
    expect(await logOf(url, hosted.code)).toEqual(logBefore);
    expect(b.output()).not.toContain(`[${hosted.code}] resumed`);

    // a never noticed: its session takes the next votes.
    trainees[1]!.send({ type: "trainee.vote", optionId: "blame" });
    trainees[2]!.send({ type: "trainee.vote", optionId: "listen" });
    await trainer.viewWhere((v) => Object.keys(v.votes).length === 3, "the other votes on a");
    expect(await logOf(url, hosted.code)).toEqual([...logBefore, "trainee.vote", "trainee.vote"]);
    for (const p of [trainer, ...trainees]) expect(p.errors).toEqual([]);
    await Promise.all([trainer, ...trainees].map((p) => p.leave()));
  });

  it("loses no vote a phone was shown when killed mid-burst; a restart takes the session once the lease runs out", async () => {
    const url = await freshDatabase();
    const port = await freePort();
    const first = await start(port, url, 8);
    const { hosted, trainer, trainees } = await classInVote(first.url, 30);
    for (const p of [trainer, ...trainees]) p.room.reconnection.enabled = false;
    const options = ["listen", "blame", "refund"];
    const optionOf = (i: number) => options[i % options.length]!;
    const isAcked = (i: number) => trainees[i]!.views.some((v) => v.myVote === optionOf(i));
    let dead = false;
    // Five lines of trainees, each voting the moment the one before it was shown its vote: votes are
    // always in flight when the server dies.
    const line = async (start: number) => {
      for (let i = start; i < trainees.length && !dead; i += 5) {
        trainees[i]!.send({ type: "trainee.vote", optionId: optionOf(i) });
        await until(() => dead || isAcked(i), `trainee ${i}'s vote to be shown`);
      }
    };
    const lines = [0, 1, 2, 3, 4].map(line);
    await until(() => trainees.filter((_, i) => isAcked(i)).length >= 15, "half the votes shown");
    await first.kill("SIGKILL");
    dead = true;
    await Promise.all(lines);
    const acked = trainees.flatMap((t, i) => (isAcked(i) ? [[t.view.me.id, optionOf(i)] as const] : []));

    // Straight from the database: every vote a phone was shown is there, with the option shown.
    const logged = new Map(
      (await eventsOf(url, hosted.code))
        .filter((e) => e.type === "trainee.vote")
        .map((e) => [e.by?.traineeId, e.optionId]),
    );
    for (const [id, optionId] of acked) expect(logged.get(id), `shown vote of ${id}`).toBe(optionId);

    // The dead server's lease holds the session for up to 8 s; the console keeps coming back until then.
    const second = await start(port, url, 8);
    let console2: Peer<TrainerView> | undefined;
    const refusals: unknown[] = [];
    while (!console2) {
      console2 = await Peer.join<TrainerView>(second.url, hosted.code, {
        role: "trainer",
        trainerToken: hosted.trainerToken,
      }).catch((e: unknown) => {
        refusals.push(e);
        return undefined;
      });
    }
    for (const e of refusals) expect(e).toMatchObject({ code: 409 });
    expect(Object.keys(console2.view.votes).length).toBe(logged.size);
    for (const [id, optionId] of acked) expect(console2.view.votes[id]).toBe(optionId);
    console.log(
      `postgres vote burst: ${acked.length} shown before kill -9, ${logged.size} in the log, ${refusals.length} refused joins before the lease ran out`,
    );
    await console2.leave();
    await second.kill("SIGTERM");
  });

  it("keeps Studio test plans and a withdrawal", async () => {
    const url = await freshDatabase();
    const server = await start(await freePort(), url);
    const api = async (path: string, method = "GET", body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown> };
    };
    const draft = await api("/api/studio/drafts", "POST", { source: blankScenario("pg-plans") });
    const id = String(draft.body.id);
    expect(
      (await api(`/api/studio/drafts/${id}/plans`, "PUT", { baseRevision: 0, source: "" })).body,
    ).toMatchObject({
      revision: 1,
    });
    expect((await api(`/api/studio/drafts/${id}/plans`, "PUT", { baseRevision: 0, source: "" })).status).toBe(
      409,
    );
    const published = await api(`/api/studio/drafts/${id}/publish`, "POST", { version: 1 });
    expect(published.status).toBe(200);
    expect((await api(`/api/studio/drafts/${id}/unpublish`, "POST")).body).toEqual({ scenarioId: id });
    expect((await api(`/api/studio/drafts/${id}/unpublish`, "POST")).status).toBe(409);

    await server.kill("SIGTERM");
  });
});
