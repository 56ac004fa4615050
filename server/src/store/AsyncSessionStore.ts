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

/** Groups and rosters behind a promise; the same contract as `LearningStore`. */
export type AsyncLearningStore = Awaited<LearningStore>;

/**
 * The xAPI outbox behind a promise, the same contract as `XapiOutboxStore`, and the one thing several
 * processes sharing a database need besides: that only one of them sends a group's queue at a time.
 */
export type AsyncXapiOutboxStore = Awaited<XapiOutboxStore> & {
  /**
   * Runs `send` while no other process sends this group's statements, and answers its result; answers
   * `undefined` without running it while another process does (that one drains the queue). Without this,
   * two processes would read the same queued rows and both send them.
   */
  sendingAlone<T>(groupId: string, send: () => Promise<T>): Promise<T | undefined>;
};

/**
 * The session store contract behind promises, so a database server (PostgreSQL) can implement it. The
 * meaning of every method is `SessionStore`'s; in particular `appendEvent` settles only once the event is
 * durable, and rejects with `AppendConflictError` (writing nothing) unless the log's head is `seq - 1`.
 */
export type AsyncSessionStore = Awaited<Omit<SessionStore, "drafts" | "learning" | "xapi">> & {
  readonly drafts: AsyncDraftStore;
  /** Which process may write which session's log. */
  readonly leases: SessionLeases;
  /** The learning record: groups, rosters, learner keys and which sessions were a group's. */
  readonly learning: AsyncLearningStore;
  /** The xAPI outbox and each group's LRS. */
  readonly xapi: AsyncXapiOutboxStore;
};

/** `target`'s methods answering through promises; `extra` adds members the async contract has beside them. */
function wrap<T extends object>(target: T, extra: Record<string, unknown> = {}): Awaited<T> {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === "string" && Object.hasOwn(extra, key)) return extra[key];
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
 * can open such a store, so it owns every session (`processLeases`) and sends every group's statements: its
 * LRS sender runs one drain at a time already.
 */
export function asAsyncStore(store: SessionStore): AsyncSessionStore {
  const sendingAlone = <T>(_groupId: string, send: () => Promise<T>) => send();
  return wrap(store as Omit<SessionStore, "drafts" | "learning" | "xapi">, {
    drafts: wrap(store.drafts),
    learning: wrap(store.learning),
    xapi: wrap(store.xapi, { sendingAlone }),
    leases: processLeases,
  }) as unknown as AsyncSessionStore;
}
