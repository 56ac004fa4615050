import type { TechniqueTag } from "../scenario/vocabulary";
import type { DefenceMechanism, Skill } from "./skillRubric";
import { defenceMechanisms, isDefenceMechanism, skillOfTag, skills } from "./skillRubric";

/** One decision a learner made on their own: the tags of every option open to them and of the one they chose. */
export type ScoredChoice = {
  /** The technique tags of each option available at that moment (the chosen one included). */
  available: readonly (readonly TechniqueTag[])[];
  /** The tags of the option the learner chose (voted for, answered, marked or played). */
  chosen: readonly TechniqueTag[];
};

/** Why one decision counted for a skill the way it did. */
export type SkillCredit = "used" | "missed" | "avoided-trap" | "fell-in";

/** A skill's score in one session (0–100), with the decisions behind it; absent when it was never in play. */
export type SkillScore = {
  skill: Skill;
  score: number;
  /** Decisions (indices into the scored list) where the skill was in play, with how each counted. */
  evidence: { decision: number; credit: SkillCredit }[];
};

/** A session's skills and the defence mechanisms chosen. */
export type SkillReport = {
  skills: SkillScore[];
  /** How often each of the four defence mechanisms was chosen. */
  defences: Record<DefenceMechanism, number>;
};

function creditFor(skill: Skill, choice: ScoredChoice): SkillCredit | undefined {
  const evidence = (tags: readonly TechniqueTag[], good: boolean) =>
    tags.some((tag) => skillOfTag[tag].skill === skill && skillOfTag[tag].good === good);
  const goodOffered = choice.available.some((tags) => evidence(tags, true));
  const trapOffered = choice.available.some((tags) => evidence(tags, false));
  if (!goodOffered && !trapOffered) return undefined;
  if (evidence(choice.chosen, false)) return "fell-in";
  if (evidence(choice.chosen, true)) return "used";
  return goodOffered ? "missed" : "avoided-trap";
}

/**
 * Scores each skill as the share of the decisions where it was in play that the learner got right.
 * A skill is in play at a decision when some option open then carries one of its tags. The decision
 * counts 1 when the chosen option shows the skill ("used") or, where the only options touching the
 * skill were traps, when the learner avoided them ("avoided-trap"); it counts 0 when the chosen option
 * is one of the skill's anti-patterns ("fell-in") or when a good option for it was open and not taken
 * ("missed"). Score = round(100 × counted / in play). Skills never in play get no score, not a zero.
 */
export function scoreSkills(choices: readonly ScoredChoice[]): SkillReport {
  const scored: SkillScore[] = [];
  for (const skill of skills) {
    const evidence = choices.flatMap((choice, decision) => {
      const credit = creditFor(skill, choice);
      return credit === undefined ? [] : [{ decision, credit }];
    });
    if (evidence.length === 0) continue;
    const right = evidence.filter((e) => e.credit === "used" || e.credit === "avoided-trap").length;
    scored.push({ skill, score: Math.round((100 * right) / evidence.length), evidence });
  }
  const defences = Object.fromEntries(defenceMechanisms.map((d) => [d, 0])) as Record<
    DefenceMechanism,
    number
  >;
  for (const choice of choices)
    for (const tag of new Set(choice.chosen)) if (isDefenceMechanism(tag)) defences[tag] += 1;
  return { skills: scored, defences };
}
