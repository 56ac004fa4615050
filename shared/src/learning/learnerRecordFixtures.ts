import type { TechniqueTag } from "../scenario/vocabulary";
import type { LearnerDecision, LearnerIdentity, LearnerRun } from "./learnerDecision";

/*
 * Learner records for tests of the record's consumers (CSV, xAPI), built from the contract with the real
 * option ids, tags and effects of scenarios/ruined-hat, so a consumer is tested on the data it will get.
 * The reachable figures are the options' own effects: the consumers only carry them.
 */

type Option = { id: string; tags: TechniqueTag[]; mood: number; cost: number; label: string };

/** Three states of ruined-hat and the options open in each, as the scenario defines them. */
export const ruinedHatStates: Record<string, Option[]> = {
  "review-posted": [
    {
      id: "correct-in-public",
      tags: ["explains", "blames-customer"],
      mood: -6,
      cost: 3,
      label: "Merino must never go in a washing machine.",
    },
    {
      id: "call-before-replying",
      tags: ["listens"],
      mood: 8,
      cost: 8,
      label: "I'll call her and hear her out.",
    },
    { id: "report-the-review", tags: ["denies-emotion"], mood: -8, cost: 3, label: "I'll report it." },
    {
      id: "apologise-and-invite",
      tags: ["apologises", "acknowledges-emotion"],
      mood: 10,
      cost: 5,
      label: "I'm so sorry, \"that's not\" what you paid for, truly.",
    },
  ],
  "first-contact": [
    {
      id: "send-new-hat-now",
      tags: ["offers-solution", "over-gives"],
      mood: 12,
      cost: 29,
      label: "A new hat, now.",
    },
    {
      id: "ask-if-machine-washed",
      tags: ["blames-customer"],
      mood: -5,
      cost: 2,
      label: "Did you machine-wash it?",
    },
    {
      id: "acknowledge-the-anger",
      tags: ["acknowledges-emotion"],
      mood: 10,
      cost: 3,
      label: "I understand you're angry.",
    },
    { id: "ask-what-happened", tags: ["listens"], mood: 8, cost: 4, label: "What happened?" },
  ],
  "wash-story": [
    {
      id: "explain-without-blame",
      tags: ["explains", "acknowledges-emotion"],
      mood: 10,
      cost: 4,
      label: "Merino shrinks in a machine; many people don't know.",
    },
    {
      id: "blame-the-yarn-supplier",
      tags: ["blames-subcontractor"],
      mood: 6,
      cost: 0,
      label: "The yarn supplier changed.",
    },
    { id: "ask-for-photos", tags: ["listens"], mood: 4, cost: 4, label: "Could you send photos?" },
  ],
};

/** A decision in ruined-hat: `choice` taken in `stateId`, with every option open there. */
export function ruinedHatDecision(
  sessionId: string,
  stateId: string,
  choice: string,
  seq: number,
  at: number,
  role: LearnerDecision["role"] = "class-vote",
): LearnerDecision {
  const open = ruinedHatStates[stateId];
  const chosen = open?.find((o) => o.id === choice);
  if (!open || !chosen) throw new Error(`ruined-hat has no option ${choice} in ${stateId}`);
  const best = open.reduce((a, b) => (b.mood > a.mood ? b : a));
  const leastCost = Math.min(...open.map((o) => o.cost));
  return {
    sessionId,
    scenarioId: "ruined-hat",
    scenarioVersion: "a".repeat(64),
    customerType: "mistaken",
    stateId,
    seq,
    at,
    role,
    optionId: chosen.id,
    optionLabel: chosen.label,
    tags: chosen.tags,
    effect: { mood: chosen.mood, cost: chosen.cost },
    open: open.map((o) => ({
      optionId: o.id,
      tags: o.tags,
      reachable: { bestMood: o.mood, leastCost: o.cost },
    })),
    comparedWithBest: {
      moodGap: best.mood - chosen.mood,
      costGap: chosen.cost - leastCost,
      bestOptionId: best.id,
    },
  };
}

/** A run of ruined-hat through the three states with the given choices, one decision a minute. */
export function ruinedHatRun(
  sessionId: string,
  choices: readonly [string, string][],
  options: { startedAt?: number; firstSeq?: number; ended?: boolean; scaledScore?: number } = {},
): LearnerRun {
  const startedAt = options.startedAt ?? Date.UTC(2026, 11, 4, 9, 0);
  const firstSeq = options.firstSeq ?? 10;
  const decisions = choices.map(([stateId, choice], i) =>
    ruinedHatDecision(sessionId, stateId, choice, firstSeq + i * 3, startedAt + (i + 1) * 60_000),
  );
  const ended = options.ended ?? true;
  return {
    sessionId,
    scenarioId: "ruined-hat",
    scenarioVersion: "a".repeat(64),
    scenarioTitle: "The ruined hat",
    customerType: "mistaken",
    role: "class-vote",
    startedAt,
    ...(ended
      ? {
          endedAt: startedAt + (choices.length + 1) * 60_000,
          ending: { endingId: "kept-customer", outcome: "kept", title: "Kept, without fireworks" },
        }
      : {}),
    ...(options.scaledScore !== undefined ? { scaledScore: options.scaledScore } : {}),
    decisions,
  };
}

/** A learner of the group `g-sales`. */
export function learner(
  learnerId: string,
  displayName: string,
  extra: Partial<LearnerIdentity> = {},
): LearnerIdentity {
  return { learnerId, groupId: "g-sales", displayName, ...extra };
}
