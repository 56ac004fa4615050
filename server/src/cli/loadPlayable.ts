import type { CompiledScenario } from "@hotseat/shared";
import type { CliIo } from "./cliIo";
import { exitCodes } from "./command";
import { loadScenarioFile, printDiagnostics } from "./loadScenarioFile";
import type { LoadedScenarioFile } from "./loadScenarioFile";

/**
 * For commands that take exactly one scenario file and need it free of errors: loads it, or
 * explains what is wrong and returns the exit code to stop with.
 */
export function loadPlayable(
  command: string,
  positionals: readonly string[],
  io: CliIo,
): (LoadedScenarioFile & { compiled: CompiledScenario }) | number {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    io.err(`hotseat ${command}: give exactly one scenario file, e.g. scenarios/ruined-hat/scenario.yaml`);
    return exitCodes.usage;
  }
  const loaded = loadScenarioFile(file, io);
  if (!loaded) return exitCodes.problems;
  const { compiled } = loaded;
  if (!compiled) {
    printDiagnostics(
      io,
      loaded.diagnostics.filter((d) => d.severity === "error"),
      loaded.text,
    );
    io.err(`${file}: fix the errors above first (see "npm run hotseat -- check ${file}").`);
    return exitCodes.problems;
  }
  return { ...loaded, compiled };
}
