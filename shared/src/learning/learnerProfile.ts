import type { DefenceMechanism, Skill } from "./skillRubric";
import { defenceMechanisms } from "./skillRubric";
import type { LearnerDecision, LearnerRecord, LearnerRun } from "./learnerDecision";
import type { ScoredChoice, SkillReport } from "./scoreSkills";
import { scoreSkills } from "./scoreSkills";

/*
 * A learner's profile, computed from their record alone (pure, so the phone, the trainer's pages and
 * the exports all show the same numbers). Formulas, as the README states them:
 * - A run's skill scores are scoreSkills over the run's decisions (0–100 per skill in play).
 * - A run's score is the mean of its skill scores, rounded; a run where no skill was in play has none.
 * - A skill's "first" is its score in the oldest run where it was in play, its "latest" in the newest.
 * - A customer type is handled well when the mean score of the runs against it is at least 70, badly
 *   when under 50, and in between otherwise; types with no scored run are left out.
 */

/** Where a customer type stands for a learner or a group. */
export type Handling = "well" | "in-between" | "badly";

/** Thresholds of `Handling`, on the 0–100 scale. */
export const handledWellFrom = 70;
export const handledBadlyUnder = 50;

/** One run's scores: per skill and overall. */
export type RunScores = { run: LearnerRun; report: SkillReport; score?: number };

/** A skill's first and latest score, with the run each came from. */
export type SkillProgress = {
  skill: Skill;
  first: { score: number; sessionId: string; at: number };
  latest: { score: number; sessionId: string; at: number };
  /** How many runs scored it. */
  runs: number;
};

/** How a learner (or a group) did against one customer type. */
export type CustomerTypeResult = {
  customerType: string;
  runs: number;
  meanScore: number;
  handling: Handling;
};

/** A learner's whole profile. */
export type LearnerProfile = {
  skills: SkillProgress[];
  customerTypes: CustomerTypeResult[];
  /** How often each defence mechanism was chosen, over all runs. */
  defences: Record<DefenceMechanism, number>;
  /** Every run, oldest first, with its scores. */
  runs: RunScores[];
};

/** The choice a decision was, as scoreSkills reads it. */
export function scoredChoice(decision: LearnerDecision): ScoredChoice {
  return { available: decision.open.map((o) => o.tags), chosen: decision.tags };
}

/** Scores one run: scoreSkills over its decisions, and the mean of the skill scores. */
export function scoreRun(run: LearnerRun): RunScores {
  const report = scoreSkills(run.decisions.map(scoredChoice), run.declaredTags);
  if (report.skills.length === 0) return { run, report };
  const mean = report.skills.reduce((sum, s) => sum + s.score, 0) / report.skills.length;
  return { run, report, score: Math.round(mean) };
}

/** Whether a mean score on the 0–100 scale is handled well, badly or in between. */
export function handlingOf(meanScore: number): Handling {
  if (meanScore >= handledWellFrom) return "well";
  return meanScore < handledBadlyUnder ? "badly" : "in-between";
}

/** Mean score per customer type over scored runs, most runs first. */
export function customerTypeResults(runs: readonly RunScores[]): CustomerTypeResult[] {
  const byType = new Map<string, number[]>();
  for (const { run, score } of runs) {
    if (run.customerType === undefined || score === undefined) continue;
    const scores = byType.get(run.customerType) ?? [];
    scores.push(score);
    byType.set(run.customerType, scores);
  }
  return [...byType]
    .map(([customerType, scores]) => {
      const meanScore = Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
      return { customerType, runs: scores.length, meanScore, handling: handlingOf(meanScore) };
    })
    .sort((a, b) => b.runs - a.runs || a.customerType.localeCompare(b.customerType));
}

/** The learner's profile from their record. */
export function learnerProfile(record: LearnerRecord): LearnerProfile {
  const runs = [...record.runs].sort((a, b) => a.startedAt - b.startedAt).map(scoreRun);
  const progress = new Map<Skill, SkillProgress>();
  for (const { run, report } of runs)
    for (const { skill, score } of report.skills) {
      const at = { score, sessionId: run.sessionId, at: run.startedAt };
      const known = progress.get(skill);
      progress.set(
        skill,
        known ? { ...known, latest: at, runs: known.runs + 1 } : { skill, first: at, latest: at, runs: 1 },
      );
    }
  const defences = Object.fromEntries(defenceMechanisms.map((d) => [d, 0])) as Record<
    DefenceMechanism,
    number
  >;
  for (const { report } of runs) for (const d of defenceMechanisms) defences[d] += report.defences[d];
  return { skills: [...progress.values()], customerTypes: customerTypeResults(runs), defences, runs };
}
