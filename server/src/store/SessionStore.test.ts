import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "./MemorySessionStore";
import type { NewSession, SessionStore } from "./SessionStore";
import { SqliteSessionStore } from "./SqliteSessionStore";

const dir = mkdtempSync(join(tmpdir(), "hotseat-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newSession(id: string, code: string, createdAt: number): NewSession {
  return {
    id,
    code,
    scenarioId: "ruined-hat",
    scenarioSource: "formatVersion: 1\n",
    scenarioFile: "scenarios/ruined-hat/scenario.yaml",
    options: { style: "class-vote" },
    trainerTokenHash: "hash",
    createdAt,
  };
}

const stores: [string, () => SessionStore][] = [
  ["memory", () => new MemorySessionStore()],
  ["sqlite", () => new SqliteSessionStore(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`))],
];

describe.each(stores)("%s session store", (_name, make) => {
  it("keeps a session's accepted events in order, as they were", () => {
    const store = make();
    store.createSession(newSession("s1", "KQWXYR", 1000));
    expect(store.appendEvent("s1", { type: "trainee.vote", option: "a" }, 1001)).toBe(1);
    expect(store.appendEvent("s1", { type: "trainer.reveal" }, 1002)).toBe(2);
    expect(store.events("s1")).toEqual([
      { seq: 1, at: 1001, event: { type: "trainee.vote", option: "a" } },
      { seq: 2, at: 1002, event: { type: "trainer.reveal" } },
    ]);
    expect(store.events("nobody")).toEqual([]);
    store.close();
  });

  it("lists live sessions, then keeps the result of a finished one", () => {
    const store = make();
    store.createSession(newSession("old", "AAAAAA", 1));
    store.createSession(newSession("new", "CCCCCC", 2));
    expect(store.listSessions("live").map((s) => s.id)).toEqual(["new", "old"]);
    store.saveResult("old", { ending: "kept" }, 50);
    expect(store.listSessions("live").map((s) => s.id)).toEqual(["new"]);
    expect(store.getSession("old")).toMatchObject({ status: "finished", finishedAt: 50 });
    expect(store.result("old")).toEqual({ ending: "kept" });
    expect(store.result("new")).toBeUndefined();
    expect(store.findByCode("CCCCCC")?.options).toEqual({ style: "class-vote" });
    store.close();
  });

  it("keeps a session hosted without a scenario (the trainer picks one in the lobby)", () => {
    const store = make();
    store.createSession({ ...newSession("bare", "FFFFFF", 5), scenarioId: "" });
    expect(store.getSession("bare")?.scenarioId).toBe("");
    expect(store.listSessions().map((s) => s.id)).toEqual(["bare"]);
    store.close();
  });

  it("finds the newest session when a join code was used again", () => {
    const store = make();
    store.createSession(newSession("first", "DDDDDD", 1));
    store.saveResult("first", {}, 2);
    store.createSession(newSession("second", "DDDDDD", 3));
    expect(store.findByCode("DDDDDD")?.id).toBe("second");
    expect(store.findByCode("EEEEEE")).toBeUndefined();
    store.close();
  });
});

describe("sqlite session store on disk", () => {
  it("still holds every event after the file is closed and opened again", () => {
    const path = join(dir, "nested", "folder", "hotseat.sqlite");
    const first = new SqliteSessionStore(path);
    first.createSession(newSession("s1", "KQWXYR", 1000));
    first.appendEvent("s1", { type: "trainee.join", name: "Ana" }, 1001);
    first.close();
    const second = new SqliteSessionStore(path);
    expect(second.appendEvent("s1", { type: "trainer.reveal" }, 1002)).toBe(2);
    expect(second.events("s1").map((e) => e.event)).toEqual([
      { type: "trainee.join", name: "Ana" },
      { type: "trainer.reveal" },
    ]);
    expect(second.listSessions("live")[0]?.code).toBe("KQWXYR");
    second.close();
  });
});
