import type { LearnerRecord, LearnerProfile, Skill } from "@hotseat/shared";
import { learnerProfile } from "@hotseat/shared";

/*
 * What "My practice" shows, worked out from the learner's record without the page: the skills with first
 * and latest score, the customer types handled well and badly, and each session's path with the feedback,
 * newest first. Pure, so it is tested without a browser.
 */

/** One skill's line: first and latest score (equal after a single session). */
export type SkillLine = { skill: Skill; first: number; latest: number; runs: number };

/** One decision of a session's path, as the learner made it. */
export type PathStep = { label: string; feedback?: string; tags: readonly string[] };

/** One scenario played, newest first. */
export type SessionCard = {
  key: string;
  title: string;
  at: number;
  score?: number;
  ending?: { outcome: string; title: string };
  steps: PathStep[];
};

export type MyPracticeModel = {
  name: string;
  /** The groups the record comes from (several when this phone was seated in several). */
  groups: string[];
  skills: SkillLine[];
  well: { customerType: string; meanScore: number; runs: number }[];
  badly: { customerType: string; meanScore: number; runs: number }[];
  /** Types met but neither well nor badly handled yet: shown too, so every type played is on the page. */
  between: { customerType: string; meanScore: number; runs: number }[];
  sessions: SessionCard[];
};

/** A record and the name of the group it is kept in. */
export type GroupRecord = { groupName: string; record: LearnerRecord };

/**
 * One record from this phone's records in several groups (one learner key each): the trainee is one
 * person, so their skills run first to latest across every workshop they played, whichever group's.
 */
export function mergedRecord(records: readonly GroupRecord[]): { record: LearnerRecord; groups: string[] } {
  const [first] = records;
  if (first === undefined) throw new Error("mergedRecord needs at least one record");
  const names = [...new Set(records.map((r) => r.record.learner.displayName))];
  return {
    record: {
      learner: { ...first.record.learner, displayName: names.join(" / ") },
      runs: records.flatMap((r) => r.record.runs).sort((a, b) => a.startedAt - b.startedAt),
    },
    groups: records.map((r) => r.groupName),
  };
}

/** The page's model from a record (kept in `groups`). */
export function myPracticeModel(record: LearnerRecord, groups: string[] = []): MyPracticeModel {
  const profile: LearnerProfile = learnerProfile(record);
  const types = (handling: string) =>
    profile.customerTypes
      .filter((c) => c.handling === handling)
      .map(({ customerType, meanScore, runs }) => ({ customerType, meanScore, runs }));
  return {
    name: record.learner.displayName,
    groups,
    skills: profile.skills.map((s) => ({
      skill: s.skill,
      first: s.first.score,
      latest: s.latest.score,
      runs: s.runs,
    })),
    well: types("well"),
    badly: types("badly"),
    between: types("in-between"),
    sessions: [...profile.runs].reverse().map(({ run, score }) => ({
      key: `${run.sessionId}/${run.scenarioId}/${run.startedAt}`,
      title: run.scenarioTitle,
      at: run.startedAt,
      ...(score !== undefined ? { score } : {}),
      ...(run.ending ? { ending: { outcome: run.ending.outcome, title: run.ending.title } } : {}),
      steps: run.decisions.map((d) => ({
        label: d.optionLabel,
        ...(d.feedback !== undefined ? { feedback: d.feedback } : {}),
        tags: d.tags,
      })),
    })),
  };
}
