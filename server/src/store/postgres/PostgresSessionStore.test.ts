import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppendConflictError } from "../AppendConflictError";
import { SessionOwnedElsewhereError } from "../SessionLeases";
import { scenarioVersionId } from "../scenarioVersionId";
import { postgresMigrations } from "./postgresMigrations";
import { PostgresSessionStore } from "./PostgresSessionStore";
import { databaseUrl, startTestPostgres, type TestPostgres } from "./testPostgres";

let server: TestPostgres;
let databases = 0;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server.stop());

async function freshDatabase(): Promise<string> {
  const name = `pg_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return databaseUrl(server, name);
}

const session = {
  id: "s1",
  code: "KQWXYR",
  scenarioId: "ruined-hat",
  library: { "ruined-hat": scenarioVersionId("formatVersion: 1\nid: ruined-hat\n") },
  trainerTokenHash: "hash",
  createdAt: 1,
};

describe("postgres session store with several writers", () => {
  it("lets exactly one of two processes' racing appends take a seq; the other is refused, the log never forks", async () => {
    const url = await freshDatabase();
    // Two stores, two connection pools: what two Hotseat processes on one database look like.
    const [a, b] = await Promise.all([PostgresSessionStore.open(url), PostgresSessionStore.open(url)]);
    await a.createSession(session);
    await a.appendEvent("s1", 1, { type: "session.created" }, 2);
    for (let seq = 2; seq <= 21; seq++) {
      const outcomes = await Promise.allSettled([
        a.appendEvent("s1", seq, { type: "trainee.vote", by: "a" }, seq),
        b.appendEvent("s1", seq, { type: "trainee.vote", by: "b" }, seq),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected");
      expect(refused?.reason).toBeInstanceOf(AppendConflictError);
    }
    const log = await b.events("s1");
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    await Promise.all([a.close(), b.close()]);
  });
});

describe("postgres session leases", () => {
  it("give a session to one process at a time; a takeover raises the fence and the old owner's appends are refused", async () => {
    const url = await freshDatabase();
    // A short lease, and nobody renews it here: what a process that stalled or died looks like.
    const [a, b] = await Promise.all([
      PostgresSessionStore.open(url, 300),
      PostgresSessionStore.open(url, 300),
    ]);
    await a.createSession(session);
    expect(await a.leases.acquire("s1")).toBe(1);
    expect(await a.leases.acquire("s1")).toBe(1);
    await a.appendEvent("s1", 1, { type: "session.created" }, 1);
    const refused = await b.leases.acquire("s1").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SessionOwnedElsewhereError);
    expect((refused as SessionOwnedElsewhereError).owner).toBe(a.leases.owner);

    // Once a's lease has run out, b takes the session over with a larger fence, before writing anything.
    let fence: number | undefined;
    while (fence === undefined) fence = await b.leases.acquire("s1").catch(() => undefined);
    expect(fence).toBe(2);
    // a's next append names the right seq, but the database refuses it: a no longer holds the fence.
    await expect(a.appendEvent("s1", 2, { type: "trainee.vote", by: "a" }, 2)).rejects.toBeInstanceOf(
      AppendConflictError,
    );
    await b.appendEvent("s1", 2, { type: "trainee.vote", by: "b" }, 2);
    expect((await a.events("s1")).map((e) => (e.event as { by?: string }).by)).toEqual([undefined, "b"]);

    // A graceful stop gives the lease back at once.
    await b.leases.release();
    expect(await a.leases.acquire("s1")).toBe(3);
    await Promise.all([a.close(), b.close()]);
  });
});

describe("postgres lease takeover from a process known to be gone", () => {
  it("takes an unexpired lease from the named owner only, with a larger fence; the old owner is refused", async () => {
    const url = await freshDatabase();
    // A lease far from running out: only a takeover can move it.
    const [a, b, c] = await Promise.all([
      PostgresSessionStore.open(url, 60_000),
      PostgresSessionStore.open(url, 60_000),
      PostgresSessionStore.open(url, 60_000),
    ]);
    await a.createSession(session);
    expect(await a.leases.acquire("s1")).toBe(1);
    await a.appendEvent("s1", 1, { type: "session.created" }, 1);
    // Naming the wrong owner takes nothing: it is the plain acquire, refused while a holds the lease.
    await expect(c.leases.takeOver("s1", "someone-else")).rejects.toBeInstanceOf(SessionOwnedElsewhereError);
    expect(await b.leases.takeOver("s1", a.leases.owner)).toBe(2);
    // c, told the same old owner a moment later, finds the lease moved on and is refused.
    await expect(c.leases.takeOver("s1", a.leases.owner)).rejects.toBeInstanceOf(SessionOwnedElsewhereError);
    await expect(a.appendEvent("s1", 2, { type: "trainee.vote", by: "a" }, 2)).rejects.toBeInstanceOf(
      AppendConflictError,
    );
    await b.appendEvent("s1", 2, { type: "trainee.vote", by: "b" }, 2);
    expect((await b.events("s1")).map((e) => (e.event as { by?: string }).by)).toEqual([undefined, "b"]);
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});

describe("postgres schema migrations", () => {
  it("run once at start, even when two processes open a new database together", async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([PostgresSessionStore.open(url), PostgresSessionStore.open(url)]);
    await stores[0].createSession(session);
    await Promise.all(stores.map((s) => s.close()));
    const reopened = await PostgresSessionStore.open(url);
    expect(await reopened.getSession("s1")).toMatchObject({ code: "KQWXYR", status: "live" });
    await reopened.close();
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY 1",
    );
    expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((_, i) => i + 1));
    await check.end();
  });

  it("refuse a database a newer Hotseat has migrated, with a message saying so", async () => {
    const url = await freshDatabase();
    await (await PostgresSessionStore.open(url)).close();
    const newer = new pg.Client({ connectionString: url });
    await newer.connect();
    await newer.query("INSERT INTO schema_migrations (version) VALUES (99)");
    await newer.end();
    await expect(PostgresSessionStore.open(url)).rejects.toThrow(
      new RegExp(`schema version 99, newer than this Hotseat knows \\(${postgresMigrations.length}\\)`),
    );
  });

  it("refuses an unreachable server with the driver's error rather than starting without a store", async () => {
    const url = (await freshDatabase()).replace(/:(\d+)\//, ":1/");
    await expect(PostgresSessionStore.open(url)).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
