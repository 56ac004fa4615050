import { reportToCsv, sessionReport, sessionReportSchema } from "@hotseat/shared";
import type { SessionListing, SessionReport, SessionState, SessionStatusResponse } from "@hotseat/shared";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import type { SessionRecord } from "../store/SessionStore";
import { listingOf, runningStatus } from "./sessionListing";
import type { SessionRuntime } from "./SessionRuntime";

/** Where the queries read a session: its room when it runs here, else the store and a rebuild from its log. */
export type SessionSource = {
  runtime: (code: string) => SessionRuntime | undefined;
  store: AsyncSessionStore;
  /** The session rebuilt from its log, without a room or a lease. */
  resume: (record: SessionRecord) => Promise<SessionRuntime>;
};

/**
 * What the API reads of a session by its code (status, report, the trainer's list), apart from what
 * `SessionHost` does to run sessions: nothing here starts a room or takes a lease.
 */
export class SessionQueries {
  constructor(private readonly source: SessionSource) {}

  /** The record of the live session with this code: the one running here, else the store's (a cluster's). */
  async liveRecord(code: string): Promise<SessionRecord | undefined> {
    const runtime = this.source.runtime(code);
    if (runtime) return runtime.record;
    const record = await this.source.store.findByCode(code);
    return record?.status === "live" ? record : undefined;
  }

  /** The session's state: the live one, else rebuilt from the log of the newest session with this code. */
  async stateOf(code: string): Promise<{ record: SessionRecord; state: SessionState } | undefined> {
    const runtime = this.source.runtime(code);
    if (runtime) return { record: runtime.record, state: runtime.shown };
    const record = await this.source.store.findByCode(code);
    if (!record) return undefined;
    return { record, state: (await this.source.resume(record)).state };
  }

  /**
   * Whether a code names a session a trainee can join now, and what it is playing; nothing private.
   * `running`: the session runs, here or (in a cluster) on another process, whose state is read from the
   * log it writes every event to before anyone sees it.
   */
  async status(code: string, running = false): Promise<SessionStatusResponse | undefined> {
    const runtime = this.source.runtime(code);
    if (runtime) return runningStatus(code, runtime);
    const record = await this.source.store.findByCode(code);
    if (!record) return undefined;
    if (running && record.status === "live") return runningStatus(code, await this.source.resume(record));
    return { code, running: false, joinOpen: false, status: record.status };
  }

  /**
   * The session's report (JSON and CSV): a finished session's is the one stored when it finished, a live
   * one's is computed from its log by the session core.
   */
  async report(
    code: string,
  ): Promise<{ record: SessionRecord; report: SessionReport; csv: string } | undefined> {
    const record =
      this.source.runtime(code) !== undefined ? undefined : await this.source.store.findByCode(code);
    // Written by `sessionReport` when the session finished; one an older version wrote in another shape
    // is computed again from the log, which the store keeps too.
    const saved = record?.status === "finished" ? await this.source.store.result(record.id) : undefined;
    const stored = saved === undefined ? undefined : sessionReportSchema.safeParse(saved).data;
    if (record && stored !== undefined) return { record, report: stored, csv: reportToCsv(stored) };
    const found = await this.stateOf(code);
    if (!found) return undefined;
    const report = sessionReport(found.state);
    return { record: found.record, report, csv: reportToCsv(report) };
  }

  /** Every session in the store (or the ones `only` keeps), newest first, live ones with phase and head count. */
  async list(only: (record: SessionRecord) => boolean = () => true): Promise<SessionListing[]> {
    const records = (await this.source.store.listSessions()).filter(only);
    return records.map((record) => listingOf(record, this.source.runtime(record.code)));
  }
}
