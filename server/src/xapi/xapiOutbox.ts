import type { LearnerIdentity, LearnerRun } from "@hotseat/shared";
import { statementProblems } from "./validateStatement";
import type { StatementContext } from "./xapiStatements";
import { statementsOfRun } from "./xapiStatements";
import type { XapiOutboxStore } from "./XapiOutboxStore";

/** What recording a run did: the statements it added, and those set aside at once as invalid. */
export type RecordOutcome = { added: string[]; invalid: { statementId: string; problems: string[] }[] };

/**
 * The door into the outbox: turns a learner's runs into statements, checks every one against xAPI 1.0.3
 * before it is kept, and queues them in order. Idempotent by statement id, so the integration may call it
 * after every decision with the learner's whole record so far: only what is new goes in.
 */
export class XapiOutbox {
  constructor(
    private readonly store: XapiOutboxStore,
    private readonly context: {
      origin: string;
      language?: string;
      /** The group's name for the grouping activity, when known. */
      groupName?: (groupId: string) => string | undefined;
    },
    private readonly now: () => number = Date.now,
    /** Told after statements were queued, so the sender can start at once. */
    private readonly onQueued: () => void = () => {},
  ) {}

  /** Queues the statements of one or more runs of a learner that are not in the outbox yet. */
  record(learner: LearnerIdentity, runs: LearnerRun | readonly LearnerRun[]): RecordOutcome {
    const groupName = this.context.groupName?.(learner.groupId);
    const ctx: StatementContext = {
      origin: this.context.origin.replace(/\/+$/, ""),
      ...(this.context.language !== undefined ? { language: this.context.language } : {}),
      ...(groupName !== undefined ? { groupName } : {}),
    };
    const list = Array.isArray(runs) ? (runs as readonly LearnerRun[]) : [runs as LearnerRun];
    const invalid: RecordOutcome["invalid"] = [];
    const statements = list.flatMap((run) =>
      statementsOfRun(learner, run, ctx).map((statement) => {
        const problems = statementProblems(statement);
        if (problems.length > 0) invalid.push({ statementId: statement.id!, problems });
        return {
          statementId: statement.id!,
          statement,
          ...(problems.length > 0 ? { rejectedBecause: `invalid xAPI: ${problems.join("; ")}` } : {}),
        };
      }),
    );
    const added = this.store.enqueue(learner.groupId, statements, this.now());
    if (added.length > 0) this.onQueued();
    return { added, invalid: invalid.filter((i) => added.includes(i.statementId)) };
  }
}
