import { analyzePaths } from "./analyzePaths";
import type { PathAnalysis } from "./analyzePaths";
import type { CheckContext } from "./checkContext";
import { compileScenario } from "./compileScenario";
import type { CompiledScenario } from "./compileScenario";
import type { Diagnostic } from "./diagnostic";
import { hasErrors, sortDiagnostics } from "./diagnostic";
import { diagnosePaths } from "./diagnosePaths";
import { diagnoseScenario } from "./diagnoseScenario";
import { diagnoseSchema } from "./diagnoseSchema";
import { migrateScenario } from "./migrateScenario";
import { parseScenarioText } from "./parseScenarioText";
import type { ParsedText } from "./parseScenarioText";
import type { Scenario } from "./scenarioSchema";

// Callers that load a file usually print its diagnostics too.
export { formatDiagnostic } from "./formatDiagnostic";

/** What loading a scenario file gives: the scenario when its shape is valid, the machine when nothing is wrong. */
export type LoadResult = {
  scenario?: Scenario;
  /** Present exactly when there is no error-severity diagnostic. */
  compiled?: CompiledScenario;
  /** Sorted by line and column. */
  diagnostics: Diagnostic[];
  /** The path analysis the checks ran (without the @xstate/graph cross-check), for tools to reuse. */
  analysis?: PathAnalysis;
};

/** How thoroughly `loadScenario` walks the scenario's paths. */
export type LoadOptions = {
  /**
   * Most situations (state + what matters of the run so far) the path check explores; loading stays
   * around a second on big scenarios. Pass `Infinity` for a complete check (e.g. an authoring tool).
   */
  pathLimit?: number;
  /**
   * Runs the path analysis instead of `analyzePaths` (without the graph cross-check): an editor that checks
   * on every keystroke reuses the last analysis while only texts changed (client/src/studio/checkDraft.ts).
   */
  analyze?: (compiled: CompiledScenario, limit: number) => PathAnalysis;
  /** Reads the text instead of `parseScenarioText`: an editor patches its last parse (typedTextParser.ts). */
  parse?: (text: string, file: string) => ParsedText;
  /**
   * False stops after compiling, without the path check (its diagnostics are missing): a server that
   * already holds this text's full diagnostics from an earlier check (server/src/scenarioCheckCache.ts).
   */
  checkPaths?: boolean;
};

/** The default `pathLimit`: enough for every bundled scenario but the largest, in about a second. */
export const defaultPathLimit = 10_000;

/**
 * Loads a YAML or JSON scenario: parse → migrate → check the schema → check meaning → compile →
 * check every path. Stops at the first stage with errors, so each problem is reported once.
 */
export function loadScenario(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const parsed = (options.parse ?? parseScenarioText)(text, file);
  if (parsed.diagnostics.length > 0) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  const migrated = migrateScenario(parsed.data, parsed.positions, file);
  if (migrated.data === undefined) return { diagnostics: sortDiagnostics(migrated.diagnostics) };
  const checked = diagnoseSchema(migrated.data, parsed.positions, file);
  const scenario = checked.scenario;
  if (scenario === undefined) return { diagnostics: sortDiagnostics(checked.diagnostics) };
  const diagnostics = diagnoseScenario(scenario, parsed.positions, file);
  if (hasErrors(diagnostics)) return { scenario, diagnostics: sortDiagnostics(diagnostics) };
  const compiled = compileScenario(scenario);
  if (options.checkPaths === false) return { scenario, compiled, diagnostics: sortDiagnostics(diagnostics) };
  const context: CheckContext = { scenario, positions: parsed.positions, file };
  const limit = options.pathLimit ?? defaultPathLimit;
  const analysis = options.analyze
    ? options.analyze(compiled, limit)
    : analyzePaths(compiled, { graphCheck: false, limit });
  diagnostics.push(...diagnosePaths(context, { ...analysis, limit }, diagnostics));
  return { scenario, compiled, analysis, diagnostics: sortDiagnostics(diagnostics) };
}
