import type { CompiledScenario } from "./compileScenario";
import { localize } from "./localized";
import { choose, optionsAt, startRun } from "./runScenario";

/**
 * The labels of the options along a path (option ids), as the trainee read them at each step.
 * Replaying is needed because a label can depend on which branch applies at that moment.
 */
export function labelsAlong(compiled: CompiledScenario, path: readonly string[], lang: string): string[] {
  let run = startRun(compiled);
  const labels: string[] = [];
  for (const id of path) {
    const option = optionsAt(compiled, run).find((o) => o.id === id);
    labels.push(option ? localize(option.label, lang) : id);
    run = choose(compiled, run, id);
  }
  return labels;
}
