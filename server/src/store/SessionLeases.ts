/**
 * Who may write a session's log: one process at a time holds its lease. Each new holder gets a larger fencing
 * number and the store's appends carry it, so a process that lost the lease (it stalled, another took over)
 * is refused by the database even if its sequence number would fit.
 */
export interface SessionLeases {
  /**
   * Takes the session's lease for this process (or keeps it, if held) and returns its fencing number; throws
   * `SessionOwnedElsewhereError` while another process holds an unexpired lease.
   */
  acquire(sessionId: string): Promise<number>;
  /** Extends every lease this process holds; call well within the lease time. */
  renew(): Promise<void>;
  /** Gives up this process's lease of one session, or of every session (a graceful stop). */
  release(sessionId?: string): Promise<void>;
  /** How long a lease lasts without renewal (ms); `Infinity` when one process owns the whole store. */
  readonly ttlMs: number;
}

/** Another process holds the session's lease: this one must not open it (it would fork the log). */
export class SessionOwnedElsewhereError extends Error {
  constructor(
    readonly sessionId: string,
    readonly owner: string,
  ) {
    super(`session ${sessionId} is run by another Hotseat server (${owner}); it is not opened here`);
    this.name = "SessionOwnedElsewhereError";
  }
}

/**
 * The leases of a store only one process can open at all (SQLite: the data directory's exclusive lock, see
 * `DataDirectoryLockedError`; memory: the process itself). Every session is this process's, fence 1.
 */
export const processLeases: SessionLeases = {
  acquire: () => Promise.resolve(1),
  renew: () => Promise.resolve(),
  release: () => Promise.resolve(),
  ttlMs: Number.POSITIVE_INFINITY,
};
