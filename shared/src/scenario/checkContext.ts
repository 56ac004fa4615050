import type { DataPath, Diagnostic, DiagnosticCode, DiagnosticSeverity } from "./diagnostic";
import type { Scenario } from "./scenarioSchema";
import type { SourcePositions } from "./sourcePositions";

/** What every semantic check reads: the schema-valid scenario and where each part of it is written. */
export type CheckContext = { scenario: Scenario; positions: SourcePositions; file: string };

/** A diagnostic pointing at the key (`"key"`) or the value (`"value"`) written at `path`. */
export function diagnosticAt(
  context: CheckContext,
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  message: string,
  path: DataPath,
  where: "key" | "value",
): Diagnostic {
  const position = where === "key" ? context.positions.keyAt(path) : context.positions.valueAt(path);
  return { code, severity, message, file: context.file, ...position, path };
}
