import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { asAsyncStore, type AsyncSessionStore } from "./AsyncSessionStore";
import { MemorySessionStore } from "./MemorySessionStore";
import { PostgresSessionStore } from "./postgres/PostgresSessionStore";
import { createTestDatabase, startTestPostgres, type TestPostgres } from "./postgres/testPostgres";
import { SqliteSessionStore } from "./SqliteSessionStore";

/**
 * For a contract test file: every store behind the one async contract, each made empty. The synchronous
 * stores answer with settled promises; PostgreSQL is a real server this file starts (once) and stops, with a
 * new database per store. Call at the top level of the test file: it registers the hooks.
 */
export function contractStores(): [string, () => Promise<AsyncSessionStore>][] {
  const dir = mkdtempSync(join(tmpdir(), "hotseat-contract-"));
  let postgres: TestPostgres | undefined;
  let databases = 0;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(() => {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function freshPostgresStore(): Promise<AsyncSessionStore> {
    if (!postgres) throw new Error("the test PostgreSQL did not start");
    return PostgresSessionStore.open(await createTestDatabase(postgres, `contract_${++databases}`));
  }

  return [
    ["memory", async () => asAsyncStore(new MemorySessionStore())],
    ["sqlite", async () => asAsyncStore(new SqliteSessionStore(join(dir, `${++databases}.sqlite`)))],
    ["postgres", freshPostgresStore],
  ];
}
