import type { TechniqueTag } from "../scenario/vocabulary";

/**
 * The skills a learner's record is scored on, grounded in DOMAIN.md (the three source articles) and
 * in the usual de-escalation rubrics (listen, acknowledge, solve, set limits, inform, close well).
 */
export const skills = [
  /** Lets the customer tell the story before answering: "listening is the basis". */
  "listening",
  /** Names and accepts the soft matter (regret, anger, disappointment, fear). */
  "acknowledging",
  /** Solves the hard matter and owns it: a concrete fix, a decision, the right escalation. */
  "solving",
  /** Does not agree to everything: says no politely and with a reason. */
  "boundaries",
  /** Keeps the customer informed before the whole solution is ready: "silence kills". */
  "informing",
  /** Lets the customer win, at least symbolically, and never humiliates them. */
  "letting-win",
] as const;
export type Skill = (typeof skills)[number];

/** The four staff defence mechanisms of the material (article 002), the habits to unlearn. */
export const defenceMechanisms = [
  "denies-emotion",
  "over-gives",
  "blames-subcontractor",
  "blames-customer",
] as const satisfies readonly TechniqueTag[];
export type DefenceMechanism = (typeof defenceMechanisms)[number];

/** Whether a tag is one of the four defence mechanisms. */
export function isDefenceMechanism(tag: string): tag is DefenceMechanism {
  return (defenceMechanisms as readonly string[]).includes(tag);
}

/** What a tag says about one skill: evidence for it (`good`) or against it. */
export type SkillEvidence = { skill: Skill; good: boolean };

/**
 * Every technique tag maps to exactly one skill: good techniques count for it, anti-patterns against
 * it. The table is total over the vocabulary, so a new tag cannot be added without deciding its skill.
 */
export const skillOfTag: Record<TechniqueTag, SkillEvidence> = {
  listens: { skill: "listening", good: true },
  // Jumping to a fix before the customer was heard ("answer fast" is a myth) is a listening failure.
  "rushes-to-fix": { skill: "listening", good: false },
  "acknowledges-emotion": { skill: "acknowledging", good: true },
  apologises: { skill: "acknowledging", good: true },
  "denies-emotion": { skill: "acknowledging", good: false },
  "offers-solution": { skill: "solving", good: true },
  "takes-ownership": { skill: "solving", good: true },
  escalates: { skill: "solving", good: true },
  // "We chose the subcontractor, so we answer for it": blaming it is a failure to own the hard matter.
  "blames-subcontractor": { skill: "solving", good: false },
  "hides-behind-procedure": { skill: "solving", good: false },
  "sets-boundary": { skill: "boundaries", good: true },
  "over-gives": { skill: "boundaries", good: false },
  "keeps-informed": { skill: "informing", good: true },
  explains: { skill: "informing", good: true },
  "lets-customer-win": { skill: "letting-win", good: true },
  "blames-customer": { skill: "letting-win", good: false },
  humiliates: { skill: "letting-win", good: false },
};

/** A tag a scenario declares, as the rubric reads it: good or defence, and the skill it shows (if any). */
export type DeclaredTagEvidence = { kind: "good" | "defence"; skill?: Skill };

/**
 * What a tag says about a skill: the table for built-in tags; for a scenario's declared tag its declared
 * skill (for it when good, against it when a defence), or nothing when it names no skill.
 */
export function skillEvidenceOf(
  tag: string,
  declared?: Readonly<Record<string, DeclaredTagEvidence>>,
): SkillEvidence | undefined {
  if (Object.hasOwn(skillOfTag, tag)) return skillOfTag[tag as TechniqueTag];
  const own = declared !== undefined && Object.hasOwn(declared, tag) ? declared[tag] : undefined;
  return own?.skill === undefined ? undefined : { skill: own.skill, good: own.kind === "good" };
}

/** The skills a set of tags touches. */
export function skillsOf(
  tags: readonly string[],
  declared?: Readonly<Record<string, DeclaredTagEvidence>>,
): Set<Skill> {
  return new Set(tags.flatMap((tag) => skillEvidenceOf(tag, declared)?.skill ?? []));
}
