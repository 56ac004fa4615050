import {
  analyzePaths,
  choose,
  compileScenario,
  localize,
  optionsAt,
  scenarioSchema,
  startRun,
} from "@hotseat/shared";

/** The best path of a scenario by mood, as option labels in `locale`, with its final mood and cost. */
export type BestPath = { labels: string[]; mood: number; cost: number };

/**
 * Works out the scenario's best path (highest final mood) for the debrief's comparison, by analysing
 * the scenario the library serves; returns undefined when the scenario cannot be analysed.
 */
export function bestPathOf(scenarioJson: unknown, locale: string): BestPath | undefined {
  const parsed = scenarioSchema.safeParse(scenarioJson);
  if (!parsed.success) return undefined;
  const compiled = compileScenario(parsed.data);
  const best = analyzePaths(compiled, { limit: 50_000 }).best.byMood;
  if (!best) return undefined;
  let run = startRun(compiled);
  const labels: string[] = [];
  for (const id of best.path) {
    const option = optionsAt(compiled, run).find((o) => o.id === id);
    labels.push(option ? localize(option.label, locale) : id);
    run = choose(compiled, run, id);
  }
  return { labels, mood: best.mood, cost: best.cost };
}
