import type { TechniqueTag } from "@hotseat/shared";
import { antiPatterns } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";

/** A technique tag as shown to people: a shape and a word, so colour is never the only signal. */
export type TagBadge = { tag: TechniqueTag; good: boolean; text: string; short: string };

const antiSet = new Set<string>(antiPatterns);

/** Whether a tag is a defence mechanism (an anti-pattern) rather than a good technique. */
export function isDefence(tag: TechniqueTag): boolean {
  return antiSet.has(tag);
}

/**
 * "✔ Technique: Listens" for good techniques, "✖ Defence mechanism: Denying the emotion" for anti-patterns;
 * `short` drops the kind where a heading or the space says it.
 */
export function tagBadge(tag: TechniqueTag): TagBadge {
  const good = !isDefence(tag);
  const name = t(`tag.${tag}` as MessageKey);
  const kind = t(good ? "tag.kind.technique" : "tag.kind.defence");
  const mark = good ? "✔" : "✖";
  return { tag, good, text: `${mark} ${kind}: ${name}`, short: `${mark} ${name}` };
}

/**
 * The mark in front of a chosen answer: the warning sign when any of its tags is a defence mechanism (a
 * tick there would praise it), a tick when it uses a good technique, and a plain arrow when it has no tags.
 */
export function choiceMark(tags: readonly TechniqueTag[]): "⚠" | "✔" | "▸" {
  if (tags.some(isDefence)) return "⚠";
  return tags.length > 0 ? "✔" : "▸";
}
