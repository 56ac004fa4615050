import { analyzePaths, loadScenario, typedTextParser } from "@hotseat/shared";
import type { CompiledScenario, LoadResult, PathAnalysis } from "@hotseat/shared";

// The texts the path analysis never reads: the customer's line, narration, an option's label and feedback.
// `meta` keeps `tags` (guards test them) and `ending`; a state that happens to be named "meta" has options.
const textKeys = new Set(["line", "narration", "label", "feedback"]);
function structureOf(compiled: CompiledScenario): string {
  const { machine, endings, meters } = compiled.scenario;
  return JSON.stringify(
    { machine, endings: Object.entries(endings).map(([id, e]) => [id, e.outcome]), meters },
    function (this: unknown, key: string, value: unknown) {
      const holder = this as Record<string, unknown>;
      const isMeta = typeof holder === "object" && holder !== null && "meta" in holder && key === "meta";
      if (isMeta && value && typeof value === "object" && !("on" in value) && !("always" in value))
        return Object.fromEntries(Object.entries(value).filter(([k]) => !textKeys.has(k)));
      return value;
    },
  );
}

/**
 * Checks a draft as `loadScenario` does, for an editor that checks on every keystroke: while an edit changes
 * only texts (the usual typing), the path analysis of the previous check, which reads none of them, is
 * reused instead of exploring every path again, and an edit inside one quoted text patches the last parse
 * instead of reading the whole file. One checker per open draft.
 */
export function draftChecker(file: string): (source: string) => LoadResult & { textOnly: boolean } {
  let last: { key: string; limit: number; analysis: PathAnalysis } | undefined;
  const analyze = (compiled: CompiledScenario, limit: number): PathAnalysis => {
    const key = structureOf(compiled);
    if (last && last.key === key && last.limit === limit) return last.analysis;
    const analysis = analyzePaths(compiled, { graphCheck: false, limit });
    last = { key, limit, analysis };
    return analysis;
  };
  // While only a quoted text changes, the last parse is patched rather than the whole file read again.
  // `textOnly`: the edit since the last check changed one quoted text and nothing else (no id, no key).
  const parse = typedTextParser(file);
  let patched = false;
  return (source) => {
    const result = loadScenario(source, file, {
      analyze,
      parse: (text) => {
        const parsed = parse(text);
        patched = parsed.patched;
        return parsed;
      },
    });
    return { ...result, textOnly: patched };
  };
}
