import { analyzePaths, labelsAlong, localize } from "@hotseat/shared";
import type { CompiledScenario, PathAnalysis, PathSummary } from "@hotseat/shared";
import type { CliIo } from "./cliIo";
import type { Command } from "./command";
import { exitCodes, parseCommandArgs, readLocale } from "./command";
import { formatMoney, plural } from "./format";
import { loadPlayable } from "./loadPlayable";

/** `hotseat paths`: every ending with its paths, the best and worst outcomes, and loose ends. */
export const pathsCommand: Command = {
  name: "paths",
  summary: "List every ending, how to reach it, and the best and worst outcomes",
  help: [
    "Usage: npm run hotseat -- paths <scenario-file> [--lang <code>]",
    "",
    "Walks every path through the conversation and shows, for each ending, its outcome, how many",
    "paths reach it and the shortest one (as the responses a trainee would pick). Then the best",
    "and worst path for the customer's mood and for the company's cost, and any ending that can",
    "never be reached or moment where the conversation gets stuck.",
    "",
    "Options:",
    "  --lang <code>   Language of the responses shown (default: the scenario's first language).",
    "",
    "Example:",
    "  npm run hotseat -- paths scenarios/ruined-hat/scenario.yaml --lang pl",
  ],
  async run(args, io) {
    const parsed = parseCommandArgs("paths", args, { lang: { type: "string" } }, io);
    if (!parsed) return exitCodes.usage;
    const locale = readLocale("paths", parsed.values.lang, io);
    if (locale === null) return exitCodes.usage;
    const loaded = loadPlayable("paths", parsed.positionals, io);
    if (typeof loaded === "number") return loaded;
    const { compiled } = loaded;
    const lang = locale ?? compiled.scenario.languages[0] ?? "en";
    // Loading already walked the paths with a budget; walk again with the full one only if it ran out.
    const analysis =
      loaded.analysis && !loaded.analysis.truncated
        ? loaded.analysis
        : analyzePaths(compiled, { graphCheck: false });
    return reportPaths(compiled, analysis, lang, io);
  },
};

function reportPaths(compiled: CompiledScenario, analysis: PathAnalysis, lang: string, io: CliIo): number {
  const { scenario } = compiled;
  const t = (text: Parameters<typeof localize>[0]) => localize(text, lang);
  const currency = scenario.currency;
  const pathCount = analysis.truncated
    ? `at least ${analysis.distinctPaths.toLocaleString("en")}`
    : analysis.distinctPaths.toLocaleString("en");
  io.out(`== ${t(scenario.title)} ==`);
  io.out(
    `${pathCount} distinct ${analysis.distinctPaths === 1 ? "path" : "paths"} from the start to an ending; ` +
      `${plural(Object.keys(scenario.machine.states).length, "state")}, ${plural(analysis.endings.length, "ending")}.`,
  );
  if (analysis.loops) {
    io.out(
      "Some responses lead back to an earlier moment; paths are counted without going round a loop twice.",
    );
  }
  if (analysis.truncated)
    io.out("The conversation has too many paths to walk them all; counts are lower bounds.");

  io.out("");
  io.out("Endings:");
  // Labels for the trainer to read, then the ids ready to paste into a plans.yaml.
  const numbered = (path: readonly string[], indent: string) => [
    ...labelsAlong(compiled, path, lang).map((label, i) => `${indent}${i + 1}. ${label}`),
    `${indent}choices: [${path.join(", ")}]`,
  ];
  for (const ending of analysis.endings) {
    const title = t(scenario.endings[ending.id]?.title ?? ending.id);
    io.out(`  ${ending.id} — "${title}" (${ending.outcome}): ${plural(ending.pathCount, "path")}`);
    if (ending.pathCount === 0) {
      io.out("      never reached");
      continue;
    }
    io.out(`    shortest, ${plural(ending.shortest.length, "choice")}:`);
    numbered(ending.shortest, "      ").forEach((line) => io.out(line));
  }

  const extreme = (heading: string, summary: PathSummary | null) => {
    io.out("");
    if (summary === null) {
      io.out(`${heading}: none (no path reaches an ending)`);
      return;
    }
    const ending = scenario.endings[summary.endingId];
    const reached = ending ? `"${t(ending.title)}" (${ending.outcome})` : summary.endingId;
    io.out(`${heading}: mood ${summary.mood}/100, cost ${formatMoney(summary.cost, currency)} → ${reached}`);
    numbered(summary.path, "    ").forEach((line) => io.out(line));
  };
  extreme("Best for mood", analysis.best.byMood);
  extreme("Worst for mood", analysis.worst.byMood);
  extreme("Cheapest", analysis.best.byCost);
  extreme("Most expensive", analysis.worst.byCost);

  io.out("");
  const list = (items: readonly string[]) => (items.length === 0 ? "none" : items.join(", "));
  io.out(`Endings never reached: ${list(analysis.unreachableEndings)}`);
  io.out(`Moments never reached: ${list(analysis.unreachableStates)}`);
  io.out(`Dead ends (no response available): ${list(analysis.deadEnds)}`);
  for (const excursion of analysis.meterExcursions) {
    io.out(
      `The ${excursion.meter} meter would reach ${excursion.value} (it stops at ${excursion.value < 0 ? 0 : 100}) after: ${excursion.path.join(" → ")}`,
    );
  }
  return exitCodes.ok;
}
