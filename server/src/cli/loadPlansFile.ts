import { loadTestPlans, sortDiagnostics } from "@hotseat/shared";
import type { CompiledScenario, Diagnostic, TestPlansFile } from "@hotseat/shared";
import type { CliIo } from "./cliIo";
import { readText } from "./loadScenarioFile";

/** A plans file read from disk, with its text for excerpts. */
export type LoadedPlansFile = {
  file: string;
  text: string;
  plans?: TestPlansFile;
  diagnostics: Diagnostic[];
};

/**
 * Reads and checks a plans file. With the compiled scenario, choices that cannot be made and
 * unknown endings are reported too (HS018). A file that cannot be read gives `undefined`.
 */
export function loadPlansFile(
  file: string,
  compiled: CompiledScenario | undefined,
  io: CliIo,
): LoadedPlansFile | undefined {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const loaded = loadTestPlans(text, file, compiled);
  const result: LoadedPlansFile = { file, text, diagnostics: sortDiagnostics(loaded.diagnostics) };
  if (loaded.plans) result.plans = loaded.plans;
  return result;
}
