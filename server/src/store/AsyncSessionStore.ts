import type { XapiOutboxStore } from "../xapi/XapiOutboxStore";
import type { DraftStore } from "./DraftStore";
import type { LearningStore } from "./LearningStore";
import type { SessionStore } from "./SessionStore";
import { processLeases } from "./SessionLeases";
import type { SessionLeases } from "./SessionLeases";

/** The same methods, answering through a promise: what a store on a database server can offer. */
type Awaited<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : T[K];
};

/** The Studio's drafts behind a promise; the same contract as `DraftStore`. */
export type AsyncDraftStore = Awaited<DraftStore>;

/**
 * The session store contract behind promises, so a database server (PostgreSQL) can implement it. The
 * meaning of every method is `SessionStore`'s; in particular `appendEvent` settles only once the event is
 * durable, and rejects with `AppendConflictError` (writing nothing) unless the log's head is `seq - 1`.
 */
export type AsyncSessionStore = Awaited<Omit<SessionStore, "drafts" | "learning" | "xapi">> & {
  readonly drafts: AsyncDraftStore;
  /** Which process may write which session's log. */
  readonly leases: SessionLeases;
  /**
   * The learning record (groups, rosters) and the xAPI outbox: kept synchronously by the embedded stores
   * (SQLite, memory) only. Absent on PostgreSQL for now, where the group and LMS routes say so.
   */
  readonly learning?: LearningStore;
  readonly xapi?: XapiOutboxStore;
};

/** A store that keeps the learning record and the xAPI outbox too (an embedded one). */
export type LearningStores = AsyncSessionStore & {
  readonly learning: LearningStore;
  readonly xapi: XapiOutboxStore;
};

/** Whether this store keeps the learning record and the xAPI outbox. */
export function hasLearning(store: AsyncSessionStore): store is LearningStores {
  return store.learning !== undefined && store.xapi !== undefined;
}

function wrap<T extends object>(target: T): Awaited<T> {
  return new Proxy(target, {
    get(t, key) {
      const value: unknown = Reflect.get(t, key, t);
      if (typeof value !== "function") return value;
      // Called inside an async function so a synchronous throw becomes a rejection, as from a server.
      return async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(t, args);
    },
  }) as unknown as Awaited<T>;
}

/**
 * A synchronous store (SQLite, memory) seen through the async contract: every answer is an already-settled
 * promise, so the embedded default keeps its speed and one contract suite covers every store. Only one process
 * can open such a store, so it owns every session (`processLeases`). Other members (the learning record)
 * pass through unchanged.
 */
export function asAsyncStore(store: SessionStore): LearningStores {
  const sessions = wrap(store as Omit<SessionStore, "drafts">);
  const drafts = wrap(store.drafts);
  return new Proxy(sessions, {
    get: (t, key) =>
      key === "drafts" ? drafts : key === "leases" ? processLeases : (Reflect.get(t, key, t) as unknown),
  }) as LearningStores;
}
