import type { CompiledScenario } from "../scenario/compileScenario";
import type { Localized } from "../scenario/localized";
import { choose, optionsAt, startRun } from "../scenario/runScenario";
import { RunError } from "../scenario/runState";
import type { RunState } from "../scenario/runState";
import { modelOf } from "../scenario/scenarioModel";

/**
 * A run of the Studio's preview: the engine's run, the feedback of the last choice, and whether it was
 * played from the start (only such a run can become a test plan; a jump to a state no path reaches is not).
 */
export type PreviewRun = { run: RunState; feedback?: Localized; fromStart: boolean };

/** The preview's run after one more choice, with that option's feedback. */
export function previewChoose(compiled: CompiledScenario, at: PreviewRun, optionId: string): PreviewRun {
  const option = optionsAt(compiled, at.run).find((o) => o.id === optionId);
  const run = choose(compiled, at.run, optionId);
  return { run, fromStart: at.fromStart, ...(option?.feedback ? { feedback: option.feedback } : {}) };
}

/** A fresh run at the scenario's start. */
export function previewStart(compiled: CompiledScenario): PreviewRun {
  return { run: startRun(compiled), fromStart: true };
}

/**
 * Plays `choices` from the start on a (possibly edited) scenario. `complete` is false when a choice could
 * not be made any more; the run then stops before it, so the preview can say why it starts again.
 */
export function replayChoices(
  compiled: CompiledScenario,
  choices: readonly string[],
): { at: PreviewRun; complete: boolean } {
  let at = previewStart(compiled);
  for (const optionId of choices) {
    try {
      at = previewChoose(compiled, at, optionId);
    } catch (e) {
      if (e instanceof RunError) return { at, complete: false };
      throw e;
    }
  }
  return { at, complete: true };
}

// Breadth first over runs, so the first path found is a shortest one; `keyOf` says which runs count as the
// same. Bounded: a scenario whose guards make every context distinct cannot stall the page.
function search(
  compiled: CompiledScenario,
  target: string,
  keyOf: (run: RunState) => string,
  budget: number,
): string[] | undefined {
  const start = startRun(compiled);
  if (start.stateId === target) return [];
  const seen = new Set([keyOf(start)]);
  const queue: { run: RunState; path: string[] }[] = [{ run: start, path: [] }];
  for (let i = 0; i < queue.length && seen.size < budget; i++) {
    const { run, path } = queue[i]!;
    for (const option of optionsAt(compiled, run)) {
      const next = choose(compiled, run, option.id);
      const nextPath = [...path, option.id];
      if (next.stateId === target) return nextPath;
      const key = keyOf(next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ run: next, path: nextPath });
    }
  }
  return undefined;
}

/**
 * The fewest choices from the start that reach `stateId`, or undefined when none does. States are tried
 * first as places alone; when guards hide the way, again with what the run has said and learnt.
 */
export function pathToState(compiled: CompiledScenario, stateId: string): string[] | undefined {
  return (
    search(compiled, stateId, (run) => run.stateId, 10_000) ??
    search(
      compiled,
      stateId,
      (run) => JSON.stringify([run.stateId, run.said, run.facts, run.chosen, run.meters]),
      5_000,
    )
  );
}

/**
 * The preview moved to a state: played there from the start by the shortest way when there is one (so the
 * meters are real and the run can still be saved as a plan), else placed there with the starting meters.
 */
export function previewJump(compiled: CompiledScenario, stateId: string): PreviewRun {
  const path = pathToState(compiled, stateId);
  if (path !== undefined) return replayChoices(compiled, path).at;
  const state = modelOf(compiled).states.get(stateId);
  if (state === undefined) throw new Error(`Scenario '${compiled.scenario.id}' has no state '${stateId}'.`);
  const start = startRun(compiled);
  const run: RunState = {
    ...start,
    stateId,
    visited: [...start.visited, stateId],
    ended: state.final,
  };
  if (state.final && state.meta.ending !== undefined) run.endingId = state.meta.ending;
  return { run, fromStart: false };
}
