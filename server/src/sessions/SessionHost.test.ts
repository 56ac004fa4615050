import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionEvent } from "@hotseat/shared";
import { isJoinCode } from "../joinCode";
import { ScenarioLibrary } from "../scenarioLibrary";
import { DatabaseSync } from "node:sqlite";
import { asAsyncStore } from "../store/AsyncSessionStore";
import { MemorySessionStore } from "../store/MemorySessionStore";
import type { SessionStore } from "../store/SessionStore";
import { SqliteSessionStore } from "../store/SqliteSessionStore";
import { sqliteMigrations } from "../store/sqliteMigrations";
import { HostError, SessionHost } from "./SessionHost";
import { trainerTokenMatches } from "./trainerToken";

const fixtures = join(import.meta.dirname, "..", "..", "..", "tests", "server", "fixtures", "scenarios");
let library: ScenarioLibrary;
/** The same fixtures with one option of short-call renamed (listen → hear), as an author might edit it. */
let edited: ScenarioLibrary;
const editedDir = mkdtempSync(join(tmpdir(), "hotseat-host-"));
beforeAll(async () => {
  library = await ScenarioLibrary.fromDirectory(fixtures);
  cpSync(fixtures, editedDir, { recursive: true });
  const file = join(editedDir, "short-call", "scenario.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("        listen:", "        hear:"));
  edited = await ScenarioLibrary.fromDirectory(editedDir);
});
afterAll(() => rmSync(editedDir, { recursive: true, force: true }));

/** An event before the server stamps its time. */
type Unstamped<E = SessionEvent> = E extends SessionEvent ? Omit<E, "at"> : never;

/** A host whose "rooms" just open the session, as the real room does in onCreate. */
async function hostWith(store: SessionStore, now: () => number = Date.now, scenarios = library) {
  const started: string[] = [];
  const host: SessionHost = await SessionHost.create({
    store: asAsyncStore(store),
    library: scenarios,
    now,
    idleFinishMs: 1000,
    startRoom: async (sessionId) => {
      started.push((await host.open(sessionId)).record.code);
    },
  });
  return { host, started };
}

/** Submits an event to a running session and waits until the store has it. */
async function durably(host: SessionHost, code: string, event: SessionEvent): Promise<void> {
  const result = host.runtime(code)?.submit(event);
  expect(result).toMatchObject({ accepted: true });
  if (result?.accepted) await result.durable;
}

describe("session host", () => {
  it("hosts a session with its scenario selected and a token only the store's hash matches", async () => {
    const store = new MemorySessionStore();
    const { host, started } = await hostWith(store);
    const hosted = await host.host({ scenarioId: "short-call" });
    expect(isJoinCode(hosted.code)).toBe(true);
    expect(started).toEqual([hosted.code]);
    const record = store.getSession(hosted.sessionId)!;
    expect(trainerTokenMatches(hosted.trainerToken, record.trainerTokenHash)).toBe(true);
    expect(trainerTokenMatches("guess", record.trainerTokenHash)).toBe(false);
    expect(store.events(hosted.sessionId).map((e) => (e.event as { type: string }).type)).toEqual([
      "session.created",
      "trainer.selectScenario",
    ]);
    expect(await host.queries.status(hosted.code)).toMatchObject({
      running: true,
      joinOpen: true,
      phase: "lobby",
    });
    expect((await host.queries.list())[0]).toMatchObject({
      code: hosted.code,
      running: true,
      scenario: { id: "short-call" },
    });
  });

  it("refuses unknown and broken scenarios with a status and a code", async () => {
    const { host } = await hostWith(new MemorySessionStore());
    await expect(host.host({ scenarioId: "nope" })).rejects.toMatchObject({
      status: 404,
      code: "scenario.unknown",
    });
    await expect(host.host({ scenarioId: "broken-call" })).rejects.toBeInstanceOf(HostError);
    await expect(host.host({ scenarioId: "broken-call" })).rejects.toMatchObject({ status: 422 });
  });

  it("after a restart resumes nothing until someone comes back, then that session alone", async () => {
    const store = new MemorySessionStore();
    const first = await hostWith(store);
    const a = await first.host.host({ scenarioId: "short-call" });
    const b = await first.host.host({ scenarioId: "short-call" });
    await durably(first.host, a.code, {
      type: "session.joined",
      role: "trainee",
      traineeId: "t-ana",
      name: "Ana",
      by: { role: "server" },
      at: Date.now(),
    });
    const second = await hostWith(store);
    expect(second.host.liveCount).toBe(0);
    expect(await second.host.comeBack(a.code)).toBe(true);
    expect(second.started).toEqual([a.code]);
    expect(second.host.runtime(a.code)?.state.context.trainees.map((t) => t.name)).toEqual(["Ana"]);
    // Twice at once, one room; an unknown code, none.
    await Promise.all([second.host.comeBack(b.code), second.host.comeBack(b.code)]);
    expect(await second.host.comeBack("ZZZZZZ")).toBe(false);
    expect(second.started).toEqual([a.code, b.code]);
  });

  it("after a restart resumes recent sessions and finishes the long-idle ones with their report", async () => {
    const store = new MemorySessionStore();
    let clock = 10_000;
    const first = await hostWith(store, () => clock);
    const old = await first.host.host({ scenarioId: "short-call" });
    clock += 5000;
    const recent = await first.host.host({});
    clock += 500;
    // A new process: nothing is live in memory, the store still has both sessions.
    const second = await hostWith(store, () => clock);
    expect(await second.host.resumeAll()).toEqual([recent.code]);
    expect(second.started).toEqual([recent.code]);
    expect(store.getSession(old.sessionId)?.status).toBe("finished");
    expect(store.result(old.sessionId)).toMatchObject({ joinCode: old.code });
    expect((await second.host.queries.report(old.code))?.csv.split("\n")[0]).toMatch(/^scenario,/);
    await expect(second.host.open(recent.sessionId)).rejects.toThrow(HostError);
  });

  it("computes a finished session's report again from its log when the stored one has another shape", async () => {
    const store = new MemorySessionStore();
    const { host } = await hostWith(store, () => 1000);
    const hosted = await host.host({ scenarioId: "short-call" });
    const joined: SessionEvent = {
      type: "session.joined",
      role: "trainee",
      traineeId: "t-ana",
      name: "Ana",
      by: { role: "server" },
      at: 1000,
    };
    await durably(host, hosted.code, joined);
    await host.finish(hosted.code);
    // As an older version might have stored it: a field renamed.
    store.saveResult(hosted.sessionId, { joinCode: hosted.code, students: [{ name: "Ana" }] }, 1000);
    const found = await host.queries.report(hosted.code);
    expect(found?.report.trainees.map((t) => t.name)).toEqual(["Ana"]);
    expect(found?.csv.split("\n")[0]).toMatch(/^scenario,/);
  });

  it("plays every session on the scenario version it was hosted with, whatever the files say later", async () => {
    const store = new MemorySessionStore();
    const clock = () => 1000;
    const first = await hostWith(store, clock);
    const trainer = { role: "trainer" } as const;
    const play = async (code: string, host: SessionHost, events: Unstamped[]) => {
      for (const event of events) await durably(host, code, { ...event, at: 1000 });
    };
    const ana = { role: "trainee", traineeId: "t-ana" } as const;
    const opening: Unstamped[] = [
      { type: "session.joined", role: "trainee", traineeId: "t-ana", name: "Ana", by: { role: "server" } },
      { type: "trainer.start", by: trainer },
      { type: "trainer.openVote", by: trainer },
      { type: "trainee.vote", optionId: "listen", by: ana },
    ];
    const done = await first.host.host({ scenarioId: "short-call" });
    await play(done.code, first.host, [...opening, { type: "trainer.reveal", by: trainer }]);
    const reportBefore = (await first.host.queries.report(done.code))!.report;
    expect(reportBefore.scenarios[0]?.runs[0]?.path.map((s) => s.optionId)).toEqual(["listen"]);
    await first.host.finish(done.code);
    const live = await first.host.host({ scenarioId: "short-call" });
    await play(live.code, first.host, opening);

    // The author renames an option and the server restarts on the same store.
    const second = await hostWith(store, clock, edited);
    expect(await second.host.resumeAll()).toEqual([live.code]);
    expect((await second.host.queries.report(done.code))?.report).toEqual(reportBefore);
    const resumed = second.host.runtime(live.code)!;
    expect(resumed.replayRefusals).toEqual([]);
    expect(resumed.state.context.vote?.votes).toEqual({ "t-ana": "listen" });
    await play(live.code, second.host, [{ type: "trainer.reveal", by: trainer }]);
    expect(
      (await second.host.queries.report(live.code))?.report.scenarios[0]?.runs[0]?.path[0]?.optionId,
    ).toBe("listen");

    // A session hosted now plays the edited file.
    const fresh = await second.host.host({ scenarioId: "short-call" });
    await play(fresh.code, second.host, [
      ...opening.slice(0, 3),
      { type: "trainee.vote", optionId: "hear", by: ana },
    ]);
    expect(store.getSession(fresh.sessionId)?.library?.["short-call"]).not.toBe(
      store.getSession(live.sessionId)?.library?.["short-call"],
    );
  });

  it("pins a session stored before scenario versions to the versions of its first resume", async () => {
    const path = join(editedDir, "legacy.sqlite");
    const legacy = new DatabaseSync(path);
    legacy.exec(sqliteMigrations[0]!);
    legacy.exec(`INSERT INTO sessions (id, code, scenario_id, scenario_source, scenario_file, options,
      trainer_token_hash, created_at) VALUES ('old', 'KQWXYR', 'short-call', '', '', '{}', 'hash', 1000)`);
    const events = [
      { type: "session.created", joinCode: "KQWXYR", seed: 7, at: 1000, by: { role: "server" } },
      { type: "trainer.selectScenario", scenarioId: "short-call", at: 1000, by: { role: "server" } },
    ];
    events.forEach((e, i) =>
      legacy
        .prepare("INSERT INTO events (session_id, seq, at, event) VALUES ('old', ?, 1000, ?)")
        .run(i + 1, JSON.stringify(e)),
    );
    legacy.close();

    const store = new SqliteSessionStore(path);
    const { host } = await hostWith(store, () => 1000);
    expect(await host.resumeAll()).toEqual(["KQWXYR"]);
    const pin = store.getSession("old")?.library;
    expect(Object.keys(pin ?? {})).toEqual(["short-call"]);
    expect(store.version(pin!["short-call"]!)).toBe(library.get("short-call")?.source);
    expect(host.runtime("KQWXYR")?.state.context.scenario?.id).toBe("short-call");
    store.close();
  });
});
