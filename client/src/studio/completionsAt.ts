import { isMap, parseDocument } from "yaml";
import { emotions, outcomes, techniqueTags } from "@hotseat/shared";

/** What the editor offers at the cursor: the words, and where in the line the word being typed starts. */
export type CompletionList = { from: number; words: readonly string[]; kind: string };

/** The state ids a text declares under `machine.states`, even when the rest of the file has errors. */
export function stateIdsOf(source: string): string[] {
  const states = parseDocument(source).getIn(["machine", "states"]);
  if (!isMap(states)) return [];
  return states.items.flatMap((pair) => {
    const key: unknown = isMap(pair.key) ? undefined : (pair.key as { value?: unknown } | null)?.value;
    return typeof key === "string" ? [key] : [];
  });
}

/**
 * The completions for the text of a line up to the cursor: state ids after `target:` or `initial:`,
 * emotions after `emotion:`, outcomes after `outcome:`, technique tags inside `tags: [...]` (the built-in
 * ones, then `declaredTags`, the scenario's own). `stateIds` is the scenario's own list ({@link stateIdsOf});
 * undefined when nothing fits where the cursor is.
 */
// A field is a key at a line's start (maybe a list item) or inside a flow map, never words in a sentence.
export function completionsAt(
  linePrefix: string,
  stateIds: readonly string[],
  declaredTags: readonly string[] = [],
): CompletionList | undefined {
  const field = /(?:^\s*(?:-\s+)?|[{,]\s*)(target|initial|emotion|outcome):\s*([a-z0-9-]*)$/.exec(linePrefix);
  if (field) {
    const [, name, typed = ""] = field;
    const words =
      name === "emotion" ? emotions : name === "outcome" ? outcomes : stateIds.filter((id) => id !== "");
    return {
      from: linePrefix.length - typed.length,
      words,
      kind: name === "initial" ? "target" : (name as string),
    };
  }
  const tags = /(?:^\s*|[{,]\s*)tags:\s*\[([^\]]*?)([a-z0-9-]*)$/.exec(linePrefix);
  if (tags) {
    const typed = tags[2] ?? "";
    return {
      from: linePrefix.length - typed.length,
      words: [...techniqueTags, ...declaredTags],
      kind: "tag",
    };
  }
  return undefined;
}
