import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionReport, TraineeView, TrainerView } from "@hotseat/shared";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import { fixtureScenariosDir, hostSession, joinTrainees, Peer, until } from "./harness";

const workDir = mkdtempSync(join(tmpdir(), "hotseat-chaos-"));
const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.kill()));
  rmSync(workDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const server = await startServerProcess(port ?? (await freePort()), env);
  running.push(server);
  return server;
}

type Hosted = Awaited<ReturnType<typeof hostSession>>;

async function reportOf(url: string, hosted: Hosted): Promise<SessionReport> {
  const res = await fetch(`${url}/api/sessions/${hosted.code}/report.json`, {
    headers: { authorization: `Bearer ${hosted.trainerToken}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as SessionReport;
}

/** The trainer opens the first vote of short-call and every trainee votes; resolves once each vote shows. */
async function voteOnce(url: string, hosted: Hosted, optionIds: string[], from = 0) {
  const trainer = await Peer.join<TrainerView>(url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const trainees = await joinTrainees(url, hosted.code, optionIds.length, from);
  trainer.send({ type: "trainer.start" });
  trainer.send({ type: "trainer.openVote" });
  await Promise.all(trainees.map((t) => t.viewWhere((v) => v.can === "vote")));
  trainees.forEach((t, i) => t.send({ type: "trainee.vote", optionId: optionIds[i]! }));
  await trainer.viewWhere((v) => Object.keys(v.votes).length === optionIds.length, "every vote");
  return { trainer, trainees };
}

async function leaveAll(peers: Peer[]): Promise<void> {
  await Promise.all(peers.map((p) => p.leave()));
}

describe("two server processes on one data directory", () => {
  it("refuses the second clearly and leaves the first one's sessions alone; the lock dies with the first", async () => {
    const env = { HOTSEAT_DATA_DIR: join(workDir, "two"), HOTSEAT_SCENARIOS_DIR: fixtureScenariosDir };
    const first = await start(env);
    const hosted = await hostSession(first.url);

    const refused = start(env);
    await expect(refused).rejects.toThrow(/exited with 1/);
    await expect(refused).rejects.toThrow(
      /Hotseat cannot start: Another Hotseat server is already using .*hotseat\.sqlite/,
    );

    // The first server did not notice: its session takes votes as before.
    const { trainer, trainees } = await voteOnce(first.url, hosted, ["listen", "blame"]);
    expect(trainer.errors).toEqual([]);
    for (const p of [trainer, ...trainees]) p.room.reconnection.enabled = false;

    // kill -9 leaves no stale lock behind: a new server starts at once and has every vote.
    await first.kill("SIGKILL");
    const second = await start(env);
    const console2 = await Peer.join<TrainerView>(second.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
    });
    expect(second.output()).toContain(`[${hosted.code}] resumed from its log`);
    expect(Object.values(console2.view.votes).sort()).toEqual(["blame", "listen"]);
    await console2.leave();
    await second.kill("SIGTERM");
  });
});

describe("a scenario file edited between sessions", () => {
  it("changes no report of an older session, and a live session plays on its own version", async () => {
    const scenariosDir = join(workDir, "scenarios");
    cpSync(fixtureScenariosDir, scenariosDir, { recursive: true });
    const env = { HOTSEAT_DATA_DIR: join(workDir, "edit"), HOTSEAT_SCENARIOS_DIR: scenariosDir };

    // A session played through its first decision, then left alone until a restart finishes it.
    const a = await start(env);
    const done = await hostSession(a.url);
    const played = await voteOnce(a.url, done, ["listen", "listen", "blame"]);
    played.trainer.send({ type: "trainer.reveal" });
    await played.trainer.viewWhere((v) => v.phase === "revealed");
    const lastEventAt = Date.now();
    await leaveAll([played.trainer, ...played.trainees]);
    await a.kill("SIGKILL");
    // HOTSEAT_IDLE_HOURS = 0.0001 is 360 ms: the restart finishes the session and keeps its report.
    await until(() => Date.now() - lastEventAt > 500, "the session to be idle for long");
    const finisher = await start({ ...env, HOTSEAT_IDLE_HOURS: "0.0001" });
    expect(finisher.output()).not.toContain(done.code);
    const finished = await reportOf(finisher.url, done);
    expect(finished.scenarios[0]?.runs[0]?.path.map((s) => s.optionId)).toEqual(["listen"]);

    // A session still voting when the server goes down.
    const live = await hostSession(finisher.url);
    const voting = await voteOnce(finisher.url, live, ["listen", "refund"]);
    for (const p of [voting.trainer, ...voting.trainees]) p.room.reconnection.enabled = false;
    const liveBefore = await reportOf(finisher.url, live);
    await finisher.kill("SIGKILL");

    // The author renames an option, and the server starts again on the edited files.
    const file = join(scenariosDir, "short-call", "scenario.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("        listen:", "        hear:"));
    const b = await start(env);

    expect(await reportOf(b.url, done)).toEqual(finished);
    expect(await reportOf(b.url, live)).toEqual(liveBefore);
    const trainer = await Peer.join<TrainerView>(b.url, live.code, {
      role: "trainer",
      trainerToken: live.trainerToken,
    });
    expect(trainer.view.phase).toBe("voting");
    expect(Object.values(trainer.view.votes).sort()).toEqual(["listen", "refund"]);
    // A trainee who joins late still votes on the pinned version, where "listen" exists.
    const [late] = await joinTrainees(b.url, live.code, 1, 2);
    await late!.viewWhere((v: TraineeView) => v.can === "vote");
    late!.send({ type: "trainee.vote", optionId: "listen" });
    await late!.viewWhere((v) => v.myVote === "listen", "the late vote to be taken");
    trainer.send({ type: "trainer.reveal" });
    await trainer.viewWhere((v) => v.phase === "revealed");
    expect(trainer.view.history.map((d) => d.optionId)).toEqual(["listen"]);
    expect(trainer.errors).toEqual([]);
    expect(late!.errors).toEqual([]);
    await leaveAll([trainer, late!]);

    // A session hosted now plays the edited file.
    const fresh = await hostSession(b.url);
    const renamed = await voteOnce(b.url, fresh, ["hear"]);
    expect(renamed.trainer.view.votes).toEqual({ [renamed.trainees[0]!.view.me.id]: "hear" });
    renamed.trainees[0]!.send({ type: "trainee.vote", optionId: "listen" });
    expect((await renamed.trainees[0]!.errorWith("vote.unknown-option")).code).toBe("vote.unknown-option");
    await leaveAll([renamed.trainer, ...renamed.trainees]);
  });
});
