import type { LearnerDecision, LearnerIdentity, LearnerRun } from "@hotseat/shared";
import type { Statement } from "@xapi/xapi";
import { uuidV5 } from "./deterministicUuid";

/**
 * xAPI 1.0.3 statements from a learner's record: `answered` for each decision, `completed` for each
 * scenario played to an ending. Every IRI Hotseat mints lives under the server's public origin
 * (`<origin>/xapi/...`, see docs/lms.md), and every id is a name-based UUID, so building the statements
 * of the same record again gives byte-for-byte the same statements: a resend is never a duplicate.
 */

/** Where the IRIs live and which language the labels are in. */
export type StatementContext = {
  /** The server's public origin, e.g. `https://hotseat.example.org` (no trailing slash). */
  origin: string;
  /** The group's name, shown by the LRS beside the grouping activity. */
  groupName?: string;
  /** The language of labels and titles (RFC 5646); `und` when not known. */
  language?: string;
};

export const verbs = {
  answered: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
} as const;

/** The IRIs Hotseat mints, all under the origin. */
export function hotseatIris(origin: string) {
  const base = `${origin.replace(/\/+$/, "")}/xapi`;
  const seg = encodeURIComponent;
  return {
    scenario: (scenarioId: string) => `${base}/scenarios/${seg(scenarioId)}`,
    state: (scenarioId: string, stateId: string) =>
      `${base}/scenarios/${seg(scenarioId)}/states/${seg(stateId)}`,
    group: (groupId: string) => `${base}/groups/${seg(groupId)}`,
    extension: (name: "tags" | "effect" | "compared-with-best" | "role" | "scenario-version" | "ending") =>
      `${base}/extensions/${name}`,
  };
}

/**
 * The registration of a session: the same for every statement of every learner in it, so an LRS answers a
 * whole workshop for `?registration=` (and one learner's part of it with `&agent=`).
 */
export function registrationOf(sessionId: string): string {
  return uuidV5(`registration/${sessionId}`);
}

/** The id of a decision's `answered` statement. */
export function answeredIdOf(sessionId: string, learnerId: string, seq: number): string {
  return uuidV5(`answered/${sessionId}/${learnerId}/${seq}`);
}

/** The id of a run's `completed` statement. */
export function completedIdOf(run: LearnerRun, learnerId: string): string {
  return uuidV5(`completed/${run.sessionId}/${learnerId}/${run.scenarioId}/${run.startedAt}`);
}

// Outcomes the scenario format counts as the customer kept; the others are a failure of the run.
const successfulOutcomes = new Set(["ambassador", "kept"]);

/** ISO 8601 duration with millisecond precision, as xAPI wants for result.duration. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = (total % 60_000) / 1000;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s}S`;
}

function actorOf(learner: LearnerIdentity, origin: string): Statement["actor"] {
  // Exactly one identifier is allowed; the account never leaks an address the LRS did not need.
  return {
    objectType: "Agent",
    name: learner.displayName,
    account: { homePage: origin, name: learner.learnerId },
  };
}

function contextOf(learner: LearnerIdentity, run: LearnerRun, ctx: StatementContext) {
  const iri = hotseatIris(ctx.origin);
  return {
    registration: registrationOf(run.sessionId),
    platform: "Hotseat",
    ...(ctx.language && ctx.language !== "und" ? { language: ctx.language } : {}),
    contextActivities: {
      grouping: [
        {
          objectType: "Activity" as const,
          id: iri.group(learner.groupId),
          definition: {
            type: "http://id.tincanapi.com/activitytype/group",
            ...(ctx.groupName ? { name: { [ctx.language ?? "und"]: ctx.groupName } } : {}),
          },
        },
      ],
    },
    extensions: {
      [iri.extension("role")]: run.role,
      [iri.extension("scenario-version")]: run.scenarioVersion,
    },
  };
}

/** The `answered` statement of one decision: the option chosen, its tags and its effect. */
export function answeredStatement(
  learner: LearnerIdentity,
  run: LearnerRun,
  decision: LearnerDecision,
  ctx: StatementContext,
): Statement {
  const iri = hotseatIris(ctx.origin);
  const lang = ctx.language ?? "und";
  const context = contextOf(learner, run, ctx);
  return {
    id: answeredIdOf(decision.sessionId, learner.learnerId, decision.seq),
    actor: actorOf(learner, ctx.origin),
    verb: verbs.answered,
    object: {
      objectType: "Activity",
      id: iri.state(decision.scenarioId, decision.stateId),
      definition: {
        type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        name: { [lang]: `${run.scenarioTitle}: ${decision.stateId}` },
        interactionType: "choice",
        choices: decision.open.map((o) => ({
          id: o.optionId,
          ...(o.optionId === decision.optionId ? { description: { [lang]: decision.optionLabel } } : {}),
        })),
      },
    },
    result: {
      response: decision.optionId,
      extensions: {
        [iri.extension("tags")]: decision.tags,
        [iri.extension("effect")]: decision.effect,
        [iri.extension("compared-with-best")]: decision.comparedWithBest,
      },
    },
    context: {
      ...context,
      contextActivities: {
        ...context.contextActivities,
        parent: [{ objectType: "Activity", id: iri.scenario(decision.scenarioId) }],
      },
      extensions: { ...context.extensions, [iri.extension("role")]: decision.role },
    },
    timestamp: new Date(decision.at).toISOString(),
  };
}

/** The `completed` statement of a run that reached an ending; none for a run the session cut short. */
export function completedStatement(
  learner: LearnerIdentity,
  run: LearnerRun,
  ctx: StatementContext,
): Statement | undefined {
  if (run.ending === undefined || run.endedAt === undefined) return undefined;
  const iri = hotseatIris(ctx.origin);
  const lang = ctx.language ?? "und";
  return {
    id: completedIdOf(run, learner.learnerId),
    actor: actorOf(learner, ctx.origin),
    verb: verbs.completed,
    object: {
      objectType: "Activity",
      id: iri.scenario(run.scenarioId),
      definition: {
        type: "http://adlnet.gov/expapi/activities/simulation",
        name: { [lang]: run.scenarioTitle },
      },
    },
    result: {
      completion: true,
      success: successfulOutcomes.has(run.ending.outcome),
      duration: isoDuration(run.endedAt - run.startedAt),
      ...(run.scaledScore !== undefined ? { score: { scaled: run.scaledScore } } : {}),
      extensions: { [iri.extension("ending")]: run.ending },
    },
    context: contextOf(learner, run, ctx),
    timestamp: new Date(run.endedAt).toISOString(),
  };
}

/** Every statement of a run, in the order they happened: each decision's, then the run's ending. */
export function statementsOfRun(
  learner: LearnerIdentity,
  run: LearnerRun,
  ctx: StatementContext,
): Statement[] {
  const answered = [...run.decisions]
    .sort((a, b) => a.seq - b.seq)
    .map((d) => answeredStatement(learner, run, d, ctx));
  const completed = completedStatement(learner, run, ctx);
  return completed ? [...answered, completed] : answered;
}
