import type { LearnerRecord } from "./learnerDecision";
import type { CustomerTypeResult, LearnerProfile } from "./learnerProfile";
import { learnerProfile } from "./learnerProfile";
import type { Skill } from "./skillRubric";
import { skills as allSkills } from "./skillRubric";

/*
 * The trainer's view of a group, from its learners' records: learners × skills (each learner's latest
 * score per skill), learners × customer types (the mean score of their runs against each type, as in
 * learnerProfile), and the trend over sessions (per session, the mean over the learners who played in it
 * of their mean score per skill in that session). `groupAverages` is the only part fit for the projector:
 * it names nobody.
 */

/** One learner's row. */
export type LearnerRow = {
  learnerId: string;
  displayName: string;
  /** Latest score per skill that was ever in play for them. */
  skills: Partial<Record<Skill, number>>;
  customerTypes: Record<string, CustomerTypeResult>;
  runs: number;
  profile: LearnerProfile;
};

/** The group's mean per skill in one session, over the learners who played in it. */
export type SessionTrend = {
  sessionId: string;
  /** When the session's first run started. */
  at: number;
  learners: number;
  skills: Partial<Record<Skill, number>>;
};

export type GroupMatrix = {
  rows: LearnerRow[];
  /** The skills in play for anyone, in the rubric's order. */
  skills: Skill[];
  /** The customer types anyone met, by name. */
  customerTypes: string[];
  trend: SessionTrend[];
};

const mean = (xs: readonly number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

/** Appends `value` to the list kept under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The group's matrix from every learner's record. */
export function groupMatrix(records: readonly LearnerRecord[]): GroupMatrix {
  const rows: LearnerRow[] = [];
  const sessionStart = new Map<string, number>();
  // session → skill → each learner's mean score for it in that session
  const perSession = new Map<string, Map<Skill, number[]>>();
  const sessionLearners = new Map<string, Set<string>>();
  for (const { learner, runs } of records) {
    const profile = learnerProfile({ learner, runs });
    const inSession = new Map<string, Map<Skill, number[]>>();
    for (const { run, report } of profile.runs) {
      sessionStart.set(run.sessionId, Math.min(sessionStart.get(run.sessionId) ?? Infinity, run.startedAt));
      const learners = sessionLearners.get(run.sessionId) ?? new Set<string>();
      learners.add(learner.learnerId);
      sessionLearners.set(run.sessionId, learners);
      const scores = inSession.get(run.sessionId) ?? new Map<Skill, number[]>();
      for (const s of report.skills) push(scores, s.skill, s.score);
      inSession.set(run.sessionId, scores);
    }
    for (const [sessionId, scores] of inSession) {
      const group = perSession.get(sessionId) ?? new Map<Skill, number[]>();
      for (const [skill, xs] of scores) push(group, skill, mean(xs));
      perSession.set(sessionId, group);
    }
    rows.push({
      learnerId: learner.learnerId,
      displayName: learner.displayName,
      skills: Object.fromEntries(profile.skills.map((s) => [s.skill, s.latest.score])),
      customerTypes: Object.fromEntries(profile.customerTypes.map((c) => [c.customerType, c])),
      runs: profile.runs.length,
      profile,
    });
  }
  const trend = [...perSession]
    .map(([sessionId, bySkill]) => ({
      sessionId,
      at: sessionStart.get(sessionId) ?? 0,
      learners: sessionLearners.get(sessionId)?.size ?? 0,
      skills: Object.fromEntries([...bySkill].map(([skill, xs]) => [skill, mean(xs)])),
    }))
    .sort((a, b) => a.at - b.at);
  const inPlay = new Set(rows.flatMap((r) => Object.keys(r.skills)));
  return {
    rows: rows.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    skills: allSkills.filter((s) => inPlay.has(s)),
    customerTypes: [...new Set(rows.flatMap((r) => Object.keys(r.customerTypes)))].sort(),
    trend,
  };
}

/** What the projector may show of a group: how many learners have played, and the mean of their latest scores. */
export type GroupAverages = { learners: number; skills: Partial<Record<Skill, number>> };

/** The group's averages, naming nobody. */
export function groupAverages(matrix: GroupMatrix): GroupAverages {
  const skills: Partial<Record<Skill, number>> = {};
  for (const skill of matrix.skills) {
    const xs = matrix.rows.flatMap((r) => (r.skills[skill] === undefined ? [] : [r.skills[skill]]));
    if (xs.length > 0) skills[skill] = mean(xs);
  }
  return { learners: matrix.rows.filter((r) => r.runs > 0).length, skills };
}
