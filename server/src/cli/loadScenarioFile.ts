import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatDiagnosticInSource, loadScenario, sortDiagnostics } from "@hotseat/shared";
import type { CompiledScenario, Diagnostic, PathAnalysis, Scenario } from "@hotseat/shared";
import type { CliIo } from "./cliIo";

/** A scenario file read from disk and loaded by the engine, keeping its text for excerpts. */
export type LoadedScenarioFile = {
  file: string;
  text: string;
  scenario?: Scenario;
  compiled?: CompiledScenario;
  /** The path analysis loading already ran; complete unless `analysis.truncated`. */
  analysis?: PathAnalysis;
  diagnostics: Diagnostic[];
};

/**
 * Reads and loads one scenario file. A file that cannot be read is reported on `io` and gives
 * `undefined`; problems inside the file come back as diagnostics.
 */
export function loadScenarioFile(
  file: string,
  io: CliIo,
  cwd = process.cwd(),
): LoadedScenarioFile | undefined {
  const text = readText(file, io, cwd);
  if (text === undefined) return undefined;
  const result = loadScenario(text, file);
  return { file, text, diagnostics: sortDiagnostics(result.diagnostics), ...pick(result) };
}

/** Reads a text file, reporting (not throwing) when it cannot be read. */
export function readText(file: string, io: CliIo, cwd = process.cwd()): string | undefined {
  try {
    return readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    io.err(`${file}: cannot be read (${reason})`);
    return undefined;
  }
}

/** Prints each diagnostic with the source line it points at and a caret under the column. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    for (const line of formatDiagnosticInSource(d, text).split("\n")) io.out(line);
  }
}

function pick(result: ReturnType<typeof loadScenario>) {
  return {
    ...(result.scenario ? { scenario: result.scenario } : {}),
    ...(result.compiled ? { compiled: result.compiled } : {}),
    ...(result.analysis ? { analysis: result.analysis } : {}),
  };
}
