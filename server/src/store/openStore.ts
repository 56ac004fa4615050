import { asAsyncStore } from "./AsyncSessionStore";
import type { AsyncSessionStore } from "./AsyncSessionStore";
import { DataDirectoryLockedError } from "./DataDirectoryLockedError";
import { defaultDatabasePath, SqliteSessionStore } from "./SqliteSessionStore";

/** The opened store and where its data is (for the start log), or why the server cannot start. */
export type OpenedStore = { store: AsyncSessionStore; where: string } | { refusal: string };

/**
 * The store `HOTSEAT_DATABASE_URL` names: PostgreSQL (migrated at open) for a `postgres://` URL, else the
 * embedded SQLite of the data directory, so `npm start` needs no database server. `leaseMs`: how long a
 * PostgreSQL session lease lasts without renewal.
 */
export async function openStore(databaseUrl: string | undefined, leaseMs?: number): Promise<OpenedStore> {
  if (databaseUrl !== undefined) {
    try {
      // Loaded only when named: `pg` and the PostgreSQL store are not on an SQLite server's start path.
      const { PostgresSessionStore } = await import("./postgres/PostgresSessionStore");
      const store = await PostgresSessionStore.open(databaseUrl, leaseMs);
      return { store, where: `PostgreSQL at ${redacted(databaseUrl)}` };
    } catch (e) {
      return { refusal: `PostgreSQL at ${redacted(databaseUrl)} refused: ${(e as Error).message}` };
    }
  }
  try {
    const sqlite = new SqliteSessionStore(defaultDatabasePath());
    return { store: asAsyncStore(sqlite), where: sqlite.path };
  } catch (e) {
    // A second server on one data directory would resume and fork the first one's live sessions.
    if (!(e instanceof DataDirectoryLockedError)) throw e;
    return { refusal: e.message };
  }
}

/** The URL without its password, for logs. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
