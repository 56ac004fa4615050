/**
 * An append that named a sequence number the log is not at: another writer got there first, or this one
 * never read the log up to its head. Nothing was written; the writer's copy of the session is stale.
 */
export class AppendConflictError extends Error {
  constructor(
    readonly sessionId: string,
    readonly expectedHead: number,
    readonly actualHead: number,
  ) {
    super(
      `session ${sessionId}: expected the log to end at ${expectedHead}, it ends at ${actualHead}; another writer has it`,
    );
    this.name = "AppendConflictError";
  }
}
