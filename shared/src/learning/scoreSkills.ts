import type { DeclaredTagEvidence, DefenceMechanism, Skill } from "./skillRubric";
import { defenceMechanisms, isDefenceMechanism, skillEvidenceOf, skills } from "./skillRubric";

/** One decision a learner made on their own: the tags of every option open to them and of the one they chose. */
export type ScoredChoice = {
  /** The technique tags of each option available at that moment (the chosen one included). */
  available: readonly (readonly string[])[];
  /** The tags of the option the learner chose (voted for, answered, marked or played). */
  chosen: readonly string[];
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

type Declared = Readonly<Record<string, DeclaredTagEvidence>> | undefined;
type Bits = { good: number; trap: number };

/**
 * Each tag as one bit: its skill's place in the rubric, kept apart for good techniques and traps. Built-in
 * tags come from the rubric's table, a scenario's declared tags from their declared skill; a lookup is
 * remembered per declaration, since sessions are scored by the thousand.
 */
function tagBits(declared: Declared): (tag: string) => { bit: number; good: boolean } | undefined {
  const known = new Map<string, { bit: number; good: boolean } | undefined>();
  return (tag) => {
    if (known.has(tag)) return known.get(tag);
    const e = skillEvidenceOf(tag, declared);
    const b = e === undefined ? undefined : { bit: 1 << skills.indexOf(e.skill), good: e.good };
    known.set(tag, b);
    return b;
  };
}
const builtInBits = tagBits(undefined);

/** The skills (as bits) that `tags` show good evidence for, and those they fall into. */
function bitsOf(tags: readonly string[], bitOf: ReturnType<typeof tagBits>): Bits {
  let good = 0;
  let trap = 0;
  for (const tag of tags) {
    const b = bitOf(tag);
    if (b === undefined) continue;
    if (b.good) good |= b.bit;
    else trap |= b.bit;
  }
  return { good, trap };
}

// The same rule for every skill at once, a bit per skill: sessions are scored by the thousand.
function creditFor(bit: number, offered: Bits, chosen: Bits): SkillCredit | undefined {
  const goodOffered = (offered.good & bit) !== 0;
  if (!goodOffered && (offered.trap & bit) === 0) return undefined;
  if ((chosen.trap & bit) !== 0) return "fell-in";
  if ((chosen.good & bit) !== 0) return "used";
  return goodOffered ? "missed" : "avoided-trap";
}

/**
 * Scores each skill as the share of the decisions where it was in play that the learner got right.
 * A skill is in play at a decision when some option open then carries one of its tags. The decision
 * counts 1 when the chosen option shows the skill ("used") or, where the only options touching the
 * skill were traps, when the learner avoided them ("avoided-trap"); it counts 0 when the chosen option
 * is one of the skill's anti-patterns ("fell-in") or when a good option for it was open and not taken
 * ("missed"). Score = round(100 × counted / in play). Skills never in play get no score, not a zero.
 * `declared` holds the pinned scenario's own tags (declared tag → its declared skill, or none).
 */
export function scoreSkills(choices: readonly ScoredChoice[], declared?: Declared): SkillReport {
  const bitOf = declared === undefined ? builtInBits : tagBits(declared);
  const evidenceOf = skills.map(() => [] as SkillScore["evidence"]);
  choices.forEach((choice, decision) => {
    const offered = { good: 0, trap: 0 };
    for (const tags of choice.available) {
      const b = bitsOf(tags, bitOf);
      offered.good |= b.good;
      offered.trap |= b.trap;
    }
    const chosen = bitsOf(choice.chosen, bitOf);
    skills.forEach((_, i) => {
      const credit = creditFor(1 << i, offered, chosen);
      if (credit !== undefined) evidenceOf[i]?.push({ decision, credit });
    });
  });
  const scored: SkillScore[] = [];
  for (const [i, skill] of skills.entries()) {
    const evidence = evidenceOf[i] ?? [];
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
