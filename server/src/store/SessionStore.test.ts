import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { AppendConflictError } from "./AppendConflictError";
import { contractStores } from "./contractStores";
import { DataDirectoryLockedError } from "./DataDirectoryLockedError";
import { scenarioVersionId } from "./scenarioVersionId";
import type { NewSession } from "./SessionStore";
import { SqliteSessionStore } from "./SqliteSessionStore";
import { sqliteMigrations } from "./sqliteMigrations";

const dir = mkdtempSync(join(tmpdir(), "hotseat-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ruinedHat = scenarioVersionId("formatVersion: 1\nid: ruined-hat\n");

function newSession(id: string, code: string, createdAt: number): NewSession {
  return {
    id,
    code,
    scenarioId: "ruined-hat",
    library: { "ruined-hat": ruinedHat },
    trainerTokenHash: "hash",
    createdAt,
  };
}

const stores = contractStores();

describe.each(stores)("%s session store", (_name, make) => {
  it("keeps a session's accepted events in order, as they were", async () => {
    const store = await make();
    await store.createSession(newSession("s1", "KQWXYR", 1000));
    await store.appendEvent("s1", 1, { type: "trainee.vote", option: "a" }, 1001);
    await store.appendEvent("s1", 2, { type: "trainer.reveal" }, 1002);
    expect(await store.events("s1")).toEqual([
      { seq: 1, at: 1001, event: { type: "trainee.vote", option: "a" } },
      { seq: 2, at: 1002, event: { type: "trainer.reveal" } },
    ]);
    expect(await store.events("nobody")).toEqual([]);
    await store.close();
  });

  it("refuses an append that does not follow the log's head, and writes nothing", async () => {
    const store = await make();
    await store.createSession(newSession("s1", "KQWXYR", 1000));
    await store.createSession(newSession("s2", "KQWXYS", 1000));
    await store.appendEvent("s1", 1, { type: "session.created" }, 1);
    await store.appendEvent("s1", 2, { type: "trainee.vote", option: "a" }, 2);
    // A second writer that read the log when it ended at 1: its seq 2 is already taken.
    await expect(store.appendEvent("s1", 2, { type: "trainee.vote", option: "b" }, 3)).rejects.toThrow(
      AppendConflictError,
    );
    // A writer that skipped entries, or never read the log: a gap is refused too.
    await expect(store.appendEvent("s1", 4, { type: "trainer.reveal" }, 4)).rejects.toThrow(
      AppendConflictError,
    );
    await expect(store.appendEvent("s1", 1, { type: "trainer.reveal" }, 4)).rejects.toThrow(
      expect.objectContaining({ expectedHead: 0, actualHead: 2 }),
    );
    expect((await store.events("s1")).map((e) => e.event)).toEqual([
      { type: "session.created" },
      { type: "trainee.vote", option: "a" },
    ]);
    // Each session's log has its own head.
    await store.appendEvent("s2", 1, { type: "session.created" }, 5);
    await store.appendEvent("s1", 3, { type: "trainer.reveal" }, 6);
    expect((await store.events("s1")).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await store.events("s2")).map((e) => e.seq)).toEqual([1]);
    await store.close();
  });

  it("keeps scenario versions by the sha-256 of their text, unchanged and once", async () => {
    const store = await make();
    const source = "formatVersion: 1\nid: ruined-hat\n";
    const id = await store.putVersion(source, 1);
    expect(id).toBe(ruinedHat);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.putVersion(source, 2)).toBe(id);
    const edited = await store.putVersion(`${source}# renamed an option\n`, 3);
    expect(edited).not.toBe(id);
    expect(await store.version(id)).toBe(source);
    expect(await store.version(edited)).toBe(`${source}# renamed an option\n`);
    expect(await store.version("0".repeat(64))).toBeUndefined();
    await store.close();
  });

  it("keeps the library a session pinned, and pins an older session's only once", async () => {
    const store = await make();
    await store.createSession(newSession("s1", "KQWXYR", 1));
    expect((await store.getSession("s1"))?.library).toEqual({ "ruined-hat": ruinedHat });
    await expect(store.pinLibrary("s1", {})).rejects.toThrow();
    expect((await store.getSession("s1"))?.library).toEqual({ "ruined-hat": ruinedHat });
    await store.close();
  });

  it("lists live sessions, then keeps the result of a finished one", async () => {
    const store = await make();
    await store.createSession(newSession("old", "AAAAAA", 1));
    await store.createSession(newSession("new", "CCCCCC", 2));
    expect((await store.listSessions("live")).map((s) => s.id)).toEqual(["new", "old"]);
    await store.saveResult("old", { ending: "kept" }, 50);
    expect((await store.listSessions("live")).map((s) => s.id)).toEqual(["new"]);
    expect(await store.getSession("old")).toMatchObject({ status: "finished", finishedAt: 50 });
    expect(await store.result("old")).toEqual({ ending: "kept" });
    expect(await store.result("new")).toBeUndefined();
    expect((await store.findByCode("CCCCCC"))?.library).toEqual({ "ruined-hat": ruinedHat });
    await store.close();
  });

  it("keeps a session hosted without a scenario (the trainer picks one in the lobby)", async () => {
    const store = await make();
    await store.createSession({ ...newSession("bare", "FFFFFF", 5), scenarioId: "" });
    expect((await store.getSession("bare"))?.scenarioId).toBe("");
    expect((await store.listSessions()).map((s) => s.id)).toEqual(["bare"]);
    await store.close();
  });

  it("finds the newest session when a join code was used again", async () => {
    const store = await make();
    await store.createSession(newSession("first", "DDDDDD", 1));
    await store.saveResult("first", {}, 2);
    await store.createSession(newSession("second", "DDDDDD", 3));
    expect((await store.findByCode("DDDDDD"))?.id).toBe("second");
    expect(await store.findByCode("EEEEEE")).toBeUndefined();
    await store.close();
  });
});

describe("sqlite session store on disk", () => {
  it("still holds every event after the file is closed and opened again", () => {
    const path = join(dir, "nested", "folder", "hotseat.sqlite");
    const first = new SqliteSessionStore(path);
    first.createSession(newSession("s1", "KQWXYR", 1000));
    first.appendEvent("s1", 1, { type: "trainee.join", name: "Ana" }, 1001);
    first.close();
    const second = new SqliteSessionStore(path);
    second.appendEvent("s1", 2, { type: "trainer.reveal" }, 1002);
    expect(second.events("s1").map((e) => e.event)).toEqual([
      { type: "trainee.join", name: "Ana" },
      { type: "trainer.reveal" },
    ]);
    expect(second.listSessions("live")[0]?.code).toBe("KQWXYR");
    second.close();
  });

  it("is held by one store at a time: a second one is refused with a clear message until the first closes", () => {
    const path = join(dir, "locked", "hotseat.sqlite");
    const first = new SqliteSessionStore(path);
    first.createSession(newSession("s1", "KQWXYR", 1));
    expect(() => new SqliteSessionStore(path)).toThrow(DataDirectoryLockedError);
    expect(() => new SqliteSessionStore(path)).toThrow(
      /Another Hotseat server is already using .*hotseat\.sqlite/,
    );
    // The refused opener changed nothing; the holder goes on writing.
    first.appendEvent("s1", 1, { type: "session.created" }, 2);
    first.close();
    // Opened again with nothing left to migrate, it is held all the same.
    const second = new SqliteSessionStore(path);
    expect(() => new SqliteSessionStore(path)).toThrow(DataDirectoryLockedError);
    expect(second.events("s1")).toHaveLength(1);
    second.close();
  });

  it("migrates a database made before scenario versions: sessions kept, unpinned, empty columns gone", () => {
    const path = join(dir, "legacy.sqlite");
    const legacy = new DatabaseSync(path);
    legacy.exec(sqliteMigrations[0]!);
    legacy
      .prepare(
        `INSERT INTO sessions (id, code, scenario_id, scenario_source, scenario_file, options, trainer_token_hash, created_at)
         VALUES ('old', 'KQWXYR', 'ruined-hat', '', '', '{}', 'hash', 7)`,
      )
      .run();
    legacy
      .prepare("INSERT INTO events (session_id, seq, at, event) VALUES ('old', 1, 8, '{\"type\":\"x\"}')")
      .run();
    legacy.close();

    const store = new SqliteSessionStore(path);
    const record = store.getSession("old");
    expect(record).toMatchObject({ id: "old", code: "KQWXYR", scenarioId: "ruined-hat", status: "live" });
    expect(record?.library).toBeUndefined();
    store.appendEvent("old", 2, { type: "y" }, 9);
    store.pinLibrary("old", { "ruined-hat": ruinedHat });
    expect(store.getSession("old")?.library).toEqual({ "ruined-hat": ruinedHat });
    store.close();

    const check = new DatabaseSync(path);
    expect(check.prepare("PRAGMA user_version").get()).toEqual({ user_version: sqliteMigrations.length });
    const columns = (check.prepare("PRAGMA table_info(sessions)").all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).not.toContain("scenario_source");
    expect(columns).not.toContain("options");
    expect(columns).toContain("library");
    check.close();
  });
});
