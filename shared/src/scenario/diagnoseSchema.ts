import type { Diagnostic, DiagnosticCode } from "./diagnostic";
import { issueDiagnostics, valueAt } from "./issueDiagnostics";
import { lookFields } from "./personaLook";
import { scenarioSchema } from "./scenarioSchema";
import type { Scenario } from "./scenarioSchema";
import type { SourcePositions } from "./sourcePositions";

// Fields whose allowed values are the fixed vocabulary (technique tags, emotions, ...): HS017.
const vocabularyFields = new Set<string>([
  "tags",
  "emotion",
  "outcome",
  "customerType",
  "soft",
  ...lookFields,
]);

/** The result of checking a file's shape: the typed scenario when it fits, otherwise diagnostics. */
export type SchemaResult = { scenario?: Scenario; diagnostics: Diagnostic[] };

/**
 * Checks parsed data against the scenario format: missing or wrongly typed fields (HS002),
 * unknown vocabulary such as a misspelt technique tag or emotion (HS017), a wrong formatVersion (HS013).
 */
export function diagnoseSchema(data: unknown, positions: SourcePositions, file: string): SchemaResult {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { scenario: result.data, diagnostics: [] };
  const diagnostics = issueDiagnostics(result.error.issues, {
    data,
    positions,
    file,
    schema: scenarioSchema,
    codeFor: (issue, path): DiagnosticCode => {
      if (valueAt(data, path) === undefined) return "HS002";
      const field = [...path].reverse().find((p) => typeof p === "string");
      if (field === "formatVersion" && issue.code === "invalid_value") return "HS013";
      if (issue.code === "invalid_value" && field !== undefined && vocabularyFields.has(field))
        return "HS017";
      return "HS002";
    },
  });
  return { diagnostics };
}
