import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isJoinCode } from "../joinCode";
import { ScenarioLibrary } from "../scenarioLibrary";
import { MemorySessionStore } from "../store/MemorySessionStore";
import { HostError, SessionHost } from "./SessionHost";
import { trainerTokenMatches } from "./trainerToken";

const fixtures = join(import.meta.dirname, "..", "..", "..", "tests", "server", "fixtures", "scenarios");
let library: ScenarioLibrary;
beforeAll(async () => {
  library = await ScenarioLibrary.fromDirectory(fixtures);
});

/** A host whose "rooms" just open the session, as the real room does in onCreate. */
function hostWith(store: MemorySessionStore, now: () => number = Date.now) {
  const started: string[] = [];
  const host: SessionHost = new SessionHost({
    store,
    library,
    now,
    idleFinishMs: 1000,
    startRoom: async (sessionId) => {
      started.push(host.open(sessionId).record.code);
    },
  });
  return { host, started };
}

describe("session host", () => {
  it("hosts a session with its scenario selected and a token only the store's hash matches", async () => {
    const store = new MemorySessionStore();
    const { host, started } = hostWith(store);
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
    expect(host.status(hosted.code)).toMatchObject({ running: true, joinOpen: true, phase: "lobby" });
    expect(host.list()[0]).toMatchObject({
      code: hosted.code,
      running: true,
      scenario: { id: "short-call" },
    });
  });

  it("refuses unknown and broken scenarios with a status and a code", async () => {
    const { host } = hostWith(new MemorySessionStore());
    await expect(host.host({ scenarioId: "nope" })).rejects.toMatchObject({
      status: 404,
      code: "scenario.unknown",
    });
    await expect(host.host({ scenarioId: "broken-call" })).rejects.toBeInstanceOf(HostError);
    await expect(host.host({ scenarioId: "broken-call" })).rejects.toMatchObject({ status: 422 });
  });

  it("after a restart resumes recent sessions and finishes the long-idle ones with their report", async () => {
    const store = new MemorySessionStore();
    let clock = 10_000;
    const first = hostWith(store, () => clock);
    const old = await first.host.host({ scenarioId: "short-call" });
    clock += 5000;
    const recent = await first.host.host({});
    clock += 500;
    // A new process: nothing is live in memory, the store still has both sessions.
    const second = hostWith(store, () => clock);
    expect(await second.host.resumeAll()).toEqual([recent.code]);
    expect(second.started).toEqual([recent.code]);
    expect(store.getSession(old.sessionId)?.status).toBe("finished");
    expect(store.result(old.sessionId)).toMatchObject({ joinCode: old.code });
    expect(second.host.report(old.code)?.csv.split("\n")[0]).toMatch(/^scenario,/);
    expect(() => second.host.open(recent.sessionId)).toThrow(HostError);
  });
});
