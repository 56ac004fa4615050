import type { LearnerIdentity, LearnerRun } from "@hotseat/shared";
import type { Statement } from "@xapi/xapi";
import { statementProblems } from "./validateStatement";
import type { StatementContext } from "./xapiStatements";
import { answeredIdOf, answeredStatement, completedIdOf, completedStatement } from "./xapiStatements";
import type { AsyncXapiOutboxStore } from "../store/AsyncSessionStore";
import type { NewOutboxStatement } from "./XapiOutboxStore";

/** What recording a run did: the statements it added, and those set aside at once as invalid. */
export type RecordOutcome = { added: string[]; invalid: { statementId: string; problems: string[] }[] };

/**
 * The door into the outbox: turns a learner's runs into statements, checks every one against xAPI 1.0.3
 * before it is kept, and queues them in order. Idempotent by statement id, so the integration may call it
 * after every decision with the learner's whole record so far: only what is new goes in.
 */
export class XapiOutbox {
  constructor(
    private readonly store: AsyncXapiOutboxStore,
    private readonly context: {
      origin: string;
      language?: string;
      /** The group's name for the grouping activity, when known. */
      groupName?: (groupId: string) => Promise<string | undefined>;
    },
    private readonly now: () => number = Date.now,
    /** Told after statements were queued, so the sender can start at once. */
    private readonly onQueued: () => void = () => {},
  ) {}

  /** Queues the statements of one or more runs of a learner that are not in the outbox yet. */
  record(learner: LearnerIdentity, runs: LearnerRun | readonly LearnerRun[]): Promise<RecordOutcome> {
    const list = Array.isArray(runs) ? (runs as readonly LearnerRun[]) : [runs as LearnerRun];
    return this.recordSession([{ learner, runs: list }]);
  }

  /**
   * Queues the statements of a session's learners (one group's) that are not in the outbox yet, in the
   * order the log recorded them: decisions by their sequence number, each run's `completed` right after
   * the decisions of the event that ended it, learners in the order given when one event did several.
   */
  async recordSession(
    records: readonly { learner: LearnerIdentity; runs: readonly LearnerRun[] }[],
  ): Promise<RecordOutcome> {
    const groupId = records[0]?.learner.groupId;
    if (groupId === undefined) return { added: [], invalid: [] };
    const groupName = await this.context.groupName?.(groupId);
    const ctx: StatementContext = {
      origin: this.context.origin.replace(/\/+$/, ""),
      ...(this.context.language !== undefined ? { language: this.context.language } : {}),
      ...(groupName !== undefined ? { groupName } : {}),
    };
    // Ids first (name-based, cheap): only statements the outbox lacks are built and validated, since the
    // whole record so far comes again after every decision.
    type Pending = { id: string; at: number; learner: number; make: () => Statement | undefined };
    const pending: Pending[] = [];
    records.forEach(({ learner, runs }, learnerIndex) => {
      if (learner.groupId !== groupId) throw new Error("recordSession takes one group's learners");
      for (const run of runs) {
        let lastSeq = 0;
        for (const d of run.decisions) {
          lastSeq = Math.max(lastSeq, d.seq);
          pending.push({
            id: answeredIdOf(d.sessionId, learner.learnerId, d.seq),
            at: d.seq,
            learner: learnerIndex,
            make: () => answeredStatement(learner, run, d, ctx),
          });
        }
        // After the answers of the event that ended the run (an observer's ending may come steps later).
        if (run.ending !== undefined)
          pending.push({
            id: completedIdOf(run, learner.learnerId),
            at: (run.endedSeq ?? lastSeq) + 0.5,
            learner: learnerIndex,
            make: () => completedStatement(learner, run, ctx),
          });
      }
    });
    const known = await this.store.known(pending.map((p) => p.id));
    const built = pending
      .filter((p) => !known.has(p.id))
      .flatMap((p) => {
        const statement = p.make();
        const learnerId = records[p.learner]!.learner.learnerId;
        return statement ? [{ at: p.at, learner: p.learner, learnerId, statement }] : [];
      });
    const invalid: RecordOutcome["invalid"] = [];
    const ordered = built.map((b) => {
      const problems = statementProblems(b.statement);
      const statementId = b.statement.id!;
      if (problems.length > 0) invalid.push({ statementId, problems });
      const entry: NewOutboxStatement = {
        statementId,
        learnerId: b.learnerId,
        statement: b.statement,
        ...(problems.length > 0 ? { rejectedBecause: `invalid xAPI: ${problems.join("; ")}` } : {}),
      };
      return { at: b.at, learner: b.learner, statement: entry };
    });
    ordered.sort((a, b) => a.at - b.at || a.learner - b.learner);
    const added = await this.store.enqueue(
      groupId,
      ordered.map((o) => o.statement),
      this.now(),
    );
    if (added.length > 0) this.onQueued();
    return { added, invalid: invalid.filter((i) => added.includes(i.statementId)) };
  }
}
