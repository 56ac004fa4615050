import type XAPI from "@xapi/xapi";
import type { Statement } from "@xapi/xapi";
import { statementProblems } from "./validateStatement";
import type { AsyncXapiOutboxStore } from "../store/AsyncSessionStore";
import type { LrsConfig, OutboxEntry } from "./XapiOutboxStore";

// The library's adapter type is not exported by name; it is the function form of its `adapter` option.
type AdapterFunction = Extract<
  NonNullable<ConstructorParameters<typeof XAPI>[0]["adapter"]>,
  (...args: never[]) => unknown
>;

/** An LRS answered with an error status. */
export class LrsAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the LRS answered ${status}${body ? `: ${body}` : ""}`);
    this.name = "LrsAnswerError";
  }
}

// Statuses that say something about the LRS or our credentials, not about the statement: the queue waits
// and tries again instead of setting good statements aside because a password was wrong.
const notTheStatementsFault = new Set([401, 403, 404, 405, 407, 408, 425, 429]);

/** Whether the LRS refused the statements themselves (a 4xx that names them), rather than being unreachable. */
function refusesStatements(error: unknown): error is LrsAnswerError {
  return (
    error instanceof LrsAnswerError &&
    error.status >= 400 &&
    error.status < 500 &&
    !notTheStatementsFault.has(error.status)
  );
}

/**
 * @xapi/xapi's request shape (endpoint, version header, Basic auth) over Node's fetch, with what its own
 * adapters lack here: a time limit, so a hung LRS cannot stall the queue, and the status of a refusal.
 */
function fetchAdapter(timeoutMs: number): AdapterFunction {
  return async <T>({
    url,
    method,
    data,
    headers,
  }: {
    url: string;
    method: string;
    data?: unknown;
    headers?: Record<string, string>;
  }) => {
    const res = await fetch(url, {
      method,
      headers,
      ...(data !== undefined ? { body: JSON.stringify(data) } : {}),
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new LrsAnswerError(res.status, text.slice(0, 500));
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // A 2xx body that is not JSON is still an acceptance.
    }
    return { data: parsed as T, headers: Object.fromEntries(res.headers.entries()), status: res.status };
  };
}

export type LrsSenderOptions = {
  store: AsyncXapiOutboxStore;
  /** Statements per request. */
  batchSize?: number;
  /** First wait after a failed attempt, doubled up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Time limit of one request. */
  timeoutMs?: number;
  now?: () => number;
};

/** What the sender knows of a group's LRS: the last failure, when the queue is waiting on it. */
export type LrsHealth = { lastError?: string; failures: number };

/**
 * Drains each group's outbox to its LRS, oldest first: a batch at a time while the LRS accepts, singles
 * through a batch it refused (so only the bad statement is set aside, with the LRS's reason), and, while
 * the LRS is down or refuses our credentials, waits with exponential backoff and tries the same statement
 * again. Nothing is dropped: a restart finds the queue where it was in the store.
 */
export class LrsSender {
  private readonly store: AsyncXapiOutboxStore;
  private readonly batchSize: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly health = new Map<string, LrsHealth>();
  private readonly notBefore = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(options: LrsSenderOptions) {
    this.store = options.store;
    this.batchSize = options.batchSize ?? 50;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts draining now (after a restart: whatever was left queued). */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Tries the group's LRS at once, backoff or not: call after its LRS was configured anew. */
  retryNow(groupId: string): void {
    this.notBefore.delete(groupId);
    this.kick();
  }

  /** Drains what is not waiting out a backoff: call after statements were queued. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.drainAll()
      .catch(() => {
        // The store could not be read or written (its database is away): the queue is where it was there,
        // so look again after the first backoff rather than giving up until the next statement.
        if (!this.stopped) this.timer = setTimeout(() => this.kick(), this.backoffMs);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stops sending; a request in flight finishes, and what is left stays queued. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** The last failure per group, for the trainer's page. */
  healthOf(groupId: string): LrsHealth {
    return { ...(this.health.get(groupId) ?? { failures: 0 }) };
  }

  private async drainAll(): Promise<void> {
    let wait: number | undefined;
    const waitAtMost = (ms: number) => (wait = wait === undefined ? ms : Math.min(wait, ms));
    for (const groupId of await this.store.groupsWithQueued()) {
      if (this.stopped) return;
      const config = await this.store.lrs(groupId);
      if (!config) continue; // Kept until the trainer configures the group's LRS.
      // New statements do not cut a backoff short: an LRS that is down is not asked at every decision.
      const notBefore = this.notBefore.get(groupId) ?? 0;
      if (notBefore > Date.now()) {
        waitAtMost(notBefore - Date.now());
        continue;
      }
      // Another process sharing the database may be sending this group: it has the queue, and this one looks
      // again soon in case it stopped just before statements queued here.
      const ok = await this.store.sendingAlone(groupId, () => this.drainGroup(groupId, config));
      if (ok === undefined) {
        waitAtMost(this.backoffMs);
        continue;
      }
      if (ok) {
        this.health.delete(groupId);
        this.notBefore.delete(groupId);
        continue;
      }
      const failures = this.health.get(groupId)?.failures ?? 1;
      const backoff = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** Math.min(failures - 1, 20));
      // Wall time, like the timer that wakes the sender (the injected clock only stamps the outbox).
      this.notBefore.set(groupId, Date.now() + backoff);
      waitAtMost(backoff);
    }
    if (wait !== undefined && !this.stopped) this.timer = setTimeout(() => this.kick(), wait);
  }

  /** Sends the group's queue until it is empty (true) or the LRS cannot be reached (false). */
  private async drainGroup(groupId: string, config: LrsConfig): Promise<boolean> {
    // Loaded when a group first sends: most servers have no LRS, and the library is a tenth of a start.
    const { default: Xapi } = await import("@xapi/xapi");
    const client = new Xapi({
      endpoint: config.endpoint,
      auth: Xapi.toBasicAuth(config.key, config.secret),
      version: "1.0.3",
      adapter: fetchAdapter(this.timeoutMs),
    });
    for (;;) {
      if (this.stopped) return true;
      const batch = await this.checked(await this.store.queued(groupId, this.batchSize));
      if (batch === undefined) continue;
      if (batch.length === 0) return true;
      try {
        await client.sendStatements({ statements: batch.map((e) => e.statement as Statement) });
        await this.store.markSent(
          batch.map((e) => e.statementId),
          this.now(),
        );
        continue;
      } catch (error) {
        if (!refusesStatements(error)) return this.failed(groupId, error);
      }
      // The LRS refused the batch: one at a time, so only the statement it names goes aside.
      for (const entry of batch) {
        try {
          await client.sendStatement({ statement: entry.statement as Statement });
          await this.store.markSent([entry.statementId], this.now());
        } catch (error) {
          if (!refusesStatements(error)) return this.failed(groupId, error);
          await this.store.markRejected(entry.statementId, error.message, this.now());
        }
      }
    }
  }

  /** The batch with the statements that fail validation set aside; undefined when any was (read again). */
  private async checked(batch: OutboxEntry[]): Promise<OutboxEntry[] | undefined> {
    let setAside = false;
    for (const entry of batch) {
      const problems = statementProblems(entry.statement);
      if (problems.length === 0) continue;
      await this.store.markRejected(entry.statementId, `invalid xAPI: ${problems.join("; ")}`, this.now());
      setAside = true;
    }
    return setAside ? undefined : batch;
  }

  private failed(groupId: string, error: unknown): false {
    const health = this.health.get(groupId) ?? { failures: 0 };
    health.failures += 1;
    health.lastError =
      error instanceof Error
        ? error.cause instanceof Error
          ? `${error.message}: ${error.cause.message}`
          : error.message
        : String(error);
    this.health.set(groupId, health);
    return false;
  }
}
