import type { TechniqueTag } from "../scenario/vocabulary";

/**
 * The learning record's contract: what the pure core derives from a session's event log and its pinned
 * scenarios for each learner, and what every consumer (skill scores, "My practice", the trainer's
 * heatmap, the CSV for the LMS, the xAPI statements) reads. Nothing here is computed by the room or the
 * client: a record is always a function of the log, so it can be rebuilt and never drifts.
 */

/** How a learner made a decision, by play style. */
export type DecisionRole =
  /** Their own vote in a class vote. */
  | "class-vote"
  /** Their answer while in the hot seat. */
  | "hot-seat"
  /** Their "what would you say?" while watching the hot seat. */
  | "observer"
  /** Their vote inside a team. */
  | "team-vote"
  /** The team's choice, made by them as captain. */
  | "captain"
  /** A step of their own solo practice. */
  | "solo";

/** What choosing an option did to the customer and the company, as the scenario's effects say. */
export type DecisionEffect = {
  /** Change of the customer's mood (positive is calmer). */
  mood: number;
  /** Money the company spent (sum of the option's cost items). */
  cost: number;
};

/** One option that was open at the moment of a decision. */
export type OpenOption = {
  optionId: string;
  tags: readonly TechniqueTag[];
  /** The best mood and the lowest cost still reachable at an ending after taking this option. */
  reachable: { bestMood: number; leastCost: number };
};

/** One decision a learner made on their own, with what the engine knows about it. */
export type LearnerDecision = {
  sessionId: string;
  scenarioId: string;
  /** The pinned scenario version (sha-256) the decision was made against. */
  scenarioVersion: string;
  /** The customer type of the scenario's persona (persona.customerType), when it declares one. */
  customerType?: string;
  /** The state the decision was made in. */
  stateId: string;
  /** The log's sequence number of the event that records the decision (orders decisions, names them). */
  seq: number;
  /** When the server accepted it (ms since the epoch). */
  at: number;
  role: DecisionRole;
  /** The option the learner chose. */
  optionId: string;
  /** Its label in the session's language, as the learner read it. */
  optionLabel: string;
  /** Its technique and defence-mechanism tags. */
  tags: readonly TechniqueTag[];
  /** Its immediate effect. */
  effect: DecisionEffect;
  /** The scenario's feedback on this option, in the session's language. */
  feedback?: string;
  /** Every option open at that moment (the chosen one included). */
  open: readonly OpenOption[];
  /**
   * How the choice compares with the best one open then: the gap in the best reachable mood and in the
   * least reachable cost (0 when the learner chose as well as possible on that measure).
   */
  comparedWithBest: { moodGap: number; costGap: number; bestOptionId: string };
};

/** One scenario a learner played to its end (or left), for "completed" statements and the LMS. */
export type LearnerRun = {
  sessionId: string;
  scenarioId: string;
  scenarioVersion: string;
  scenarioTitle: string;
  customerType?: string;
  role: DecisionRole;
  startedAt: number;
  /** Absent when the session ended before the scenario did. */
  endedAt?: number;
  /** The ending reached, when one was. */
  ending?: { endingId: string; outcome: string; title: string };
  /** 0–1: the mean of the run's skill scores (see scoreSkills), absent when no skill was in play. */
  scaledScore?: number;
  decisions: readonly LearnerDecision[];
};

/** Who a record belongs to: a learner of a group, known by the key their phone keeps. */
export type LearnerIdentity = {
  learnerId: string;
  groupId: string;
  displayName: string;
  /** Optional identifiers an LMS matches on. */
  employeeId?: string;
  email?: string;
};
