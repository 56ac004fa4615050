import type { ScenarioTitle } from "@hotseat/shared";
import { antiPatterns, techniqueTags } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";

/** A technique tag as shown to people: a shape and a word, so colour is never the only signal. */
export type TagBadge = { tag: string; good: boolean; text: string; short: string };

/** The scenario's declared tags as the views carry them: kind and name in the viewer's language. */
export type DeclaredTagTexts = ScenarioTitle["tags"];

const antiSet = new Set<string>(antiPatterns);
const builtIn = new Set<string>(techniqueTags);

function declaredOf(tag: string, declared: DeclaredTagTexts) {
  return !builtIn.has(tag) && declared && Object.hasOwn(declared, tag) ? declared[tag] : undefined;
}

/** Whether a tag is a defence mechanism (an anti-pattern) rather than a good technique. */
export function isDefence(tag: string, declared?: DeclaredTagTexts): boolean {
  const own = declaredOf(tag, declared);
  return own ? !own.good : antiSet.has(tag);
}

/** A tag's name in the page's language: the catalogue for built-in tags, the scenario's label for its own. */
export function tagName(tag: string, declared?: DeclaredTagTexts): string {
  if (builtIn.has(tag)) return t(`tag.${tag}` as MessageKey);
  return declaredOf(tag, declared)?.label ?? tag;
}

/**
 * "✔ Technique: Listens" for good techniques, "✖ Defence mechanism: Denying the emotion" for anti-patterns;
 * `short` drops the kind where a heading or the space says it. A scenario's declared tags read the same.
 */
export function tagBadge(tag: string, declared?: DeclaredTagTexts): TagBadge {
  const good = !isDefence(tag, declared);
  const name = tagName(tag, declared);
  const kind = t(good ? "tag.kind.technique" : "tag.kind.defence");
  const mark = good ? "✔" : "✖";
  return { tag, good, text: `${mark} ${kind}: ${name}`, short: `${mark} ${name}` };
}

/** Badges for a list of tags, declared ones named by the scenario. */
export function tagBadges(tags: readonly string[], declared?: DeclaredTagTexts): TagBadge[] {
  return tags.map((tag) => tagBadge(tag, declared));
}

/**
 * The mark in front of a chosen answer: the warning sign when any of its tags is a defence mechanism (a
 * tick there would praise it), a tick when it uses a good technique, and a plain arrow when it has no tags.
 */
export function choiceMark(tags: readonly string[], declared?: DeclaredTagTexts): "⚠" | "✔" | "▸" {
  if (tags.some((tag) => isDefence(tag, declared))) return "⚠";
  return tags.length > 0 ? "✔" : "▸";
}
