import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import { isBuiltInCostItem, isBuiltInTag, knownCostItems, knownTags } from "./declaredVocabulary";
import { capitalize, describePath } from "./describePath";
import type { Diagnostic } from "./diagnostic";
import { suggestion } from "./didYouMean";
import { allActions, allBranches, allGuards } from "./scenarioWalk";

/**
 * Checks the scenario's words against the built-in vocabulary and its own `vocabulary:` section:
 * an unknown tag on an option or in a `said`/`notSaid` guard (HS017), an unknown cost item in an effect
 * (HS006), a declared tag or cost item that shadows a built-in one (HS021 error) or is never used
 * (HS021 warning).
 */
export function diagnoseVocabulary(context: CheckContext): Diagnostic[] {
  const { scenario } = context;
  const tags = knownTags(scenario.vocabulary);
  const tagSet = new Set(tags);
  const items = knownCostItems(scenario.vocabulary);
  const itemSet = new Set(items);
  const usedTags = new Set<string>();
  const usedItems = new Set<string>();
  const found: Diagnostic[] = [];
  const unknownTag = (tag: string, subject: string, path: (string | number)[]) => {
    const message =
      `${subject} uses the tag "${tag}", which is neither a built-in tag nor declared under vocabulary.tags. ` +
      `${suggestion(tag, tags)}(Fix the spelling, or declare it under vocabulary: tags:.)`;
    found.push(diagnosticAt(context, "HS017", "error", message, path, "value"));
  };

  for (const { branch, path } of allBranches(scenario)) {
    (branch.meta?.tags ?? []).forEach((tag, i) => {
      usedTags.add(tag);
      if (!tagSet.has(tag))
        unknownTag(tag, capitalize(describePath(path).subject), [...path, "meta", "tags", i]);
    });
  }
  for (const ref of allGuards(scenario)) {
    if (ref.name !== "said" && ref.name !== "notSaid") continue;
    const tag = ref.params["tag"];
    if (typeof tag !== "string") continue;
    usedTags.add(tag);
    if (!tagSet.has(tag))
      unknownTag(tag, capitalize(describePath(ref.path).subject), [...ref.paramsPath, "tag"]);
  }
  for (const ref of allActions(scenario)) {
    const cost = ref.name === "effect" ? ref.params["cost"] : undefined;
    if (cost === null || typeof cost !== "object") continue;
    for (const item of Object.keys(cost)) {
      usedItems.add(item);
      if (itemSet.has(item)) continue;
      const message =
        `${capitalize(describePath(ref.path).subject)} charges "${item}", which is neither a built-in cost item ` +
        `nor declared under vocabulary.costItems. ${suggestion(item, items)}` +
        `(Fix the spelling, or declare it under vocabulary: costItems:.)`;
      found.push(diagnosticAt(context, "HS006", "error", message, [...ref.paramsPath, "cost", item], "key"));
    }
  }
  found.push(...checkDeclared(context, "tags", isBuiltInTag, usedTags));
  found.push(...checkDeclared(context, "costItems", isBuiltInCostItem, usedItems));
  return found;
}

function checkDeclared(
  context: CheckContext,
  section: "tags" | "costItems",
  builtIn: (name: string) => boolean,
  used: Set<string>,
): Diagnostic[] {
  const what = section === "tags" ? "tag" : "cost item";
  return Object.keys(context.scenario.vocabulary?.[section] ?? {}).flatMap((name) => {
    const path = ["vocabulary", section, name];
    if (builtIn(name)) {
      const message =
        `The scenario declares the ${what} "${name}", but Hotseat already has a built-in ${what} of that name. ` +
        `Use the built-in one (remove this declaration), or give yours another name.`;
      return [diagnosticAt(context, "HS021", "error", message, path, "key")];
    }
    if (used.has(name)) return [];
    const message =
      `The scenario declares the ${what} "${name}", but no option uses it. ` +
      `Use it in ${section === "tags" ? "an option's tags" : "an effect's cost"}, or remove the declaration.`;
    return [diagnosticAt(context, "HS021", "warning", message, path, "key")];
  });
}
