import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { asAsyncStore, type AsyncSessionStore } from "./AsyncSessionStore";
import { MemorySessionStore } from "./MemorySessionStore";
import { PostgresSessionStore } from "./postgres/PostgresSessionStore";
import { createTestDatabase, startTestPostgres, type TestPostgres } from "./postgres/testPostgres";
import { SqliteSessionStore } from "./SqliteSessionStore";

/** Closes a store and opens the same data again: a server restart (only stores that outlive a process). */
export type Reopen = (store: AsyncSessionStore) => Promise<AsyncSessionStore>;

/**
 * For a contract test file: every store behind the one async contract, each made empty. The synchronous
 * stores answer with settled promises; PostgreSQL is a real server this file starts (once) and stops, with a
 * new database per store. The third member restarts a store that keeps its data (SQLite, PostgreSQL).
 * Call at the top level of the test file: it registers the hooks.
 */
export function contractStores(): [string, () => Promise<AsyncSessionStore>, Reopen | undefined][] {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-contract-"));
  let postgres: TestPostgres | undefined;
  let databases = 0;
  // Where each opened store keeps its data, to open it again.
  const places = new WeakMap<AsyncSessionStore, string>();
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(() => {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const placed = (store: AsyncSessionStore, place: string) => (places.set(store, place), store);
  const sqliteAt = (path: string) => placed(asAsyncStore(new SqliteSessionStore(path)), path);
  const postgresAt = async (url: string) => placed(await PostgresSessionStore.open(url), url);
  const reopenWith =
    (open: (place: string) => AsyncSessionStore | Promise<AsyncSessionStore>): Reopen =>
    async (store) => {
      const place = places.get(store);
      if (place === undefined) throw new Error("this store was not opened by contractStores");
      await store.close();
      return open(place);
    };

  async function freshPostgresStore(): Promise<AsyncSessionStore> {
    if (!postgres) throw new Error("the test PostgreSQL did not start");
    return postgresAt(await createTestDatabase(postgres, `contract_${++databases}`));
  }

  return [
    ["memory", async () => asAsyncStore(new MemorySessionStore()), undefined],
    ["sqlite", async () => sqliteAt(join(dir, `${++databases}.sqlite`)), reopenWith(sqliteAt)],
    ["postgres", freshPostgresStore, reopenWith(postgresAt)],
  ];
}
