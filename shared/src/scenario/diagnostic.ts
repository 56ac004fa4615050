import { z } from "zod";

/** Every stable diagnostic code; the number never changes meaning once released. */
export const diagnosticCodes = [
  "HS001",
  "HS002",
  "HS003",
  "HS004",
  "HS005",
  "HS006",
  "HS007",
  "HS008",
  "HS009",
  "HS010",
  "HS011",
  "HS012",
  "HS013",
  "HS014",
  "HS015",
  "HS016",
  "HS017",
  "HS018",
  "HS019",
  "HS020",
  "HS021",
] as const;
/** A stable diagnostic code such as `HS003`. */
export type DiagnosticCode = (typeof diagnosticCodes)[number];

/** How bad a diagnostic is: errors stop a scenario from loading, warnings and infos do not. */
export const diagnosticSeverities = ["error", "warning", "info"] as const;
/** `error`, `warning` or `info`. */
export type DiagnosticSeverity = (typeof diagnosticSeverities)[number];

/** A problem found in an authored file, pointing at the exact line and column (both 1-based). */
export const diagnosticSchema = z.strictObject({
  code: z.enum(diagnosticCodes),
  severity: z.enum(diagnosticSeverities),
  message: z.string().min(1),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});
/** One problem found in a file; see `diagnosticSchema`. */
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** A path into the parsed data, e.g. `["machine", "states", "opening", "on", "ask", "target"]`. */
export type DataPath = (string | number)[];

/** True when any diagnostic is an error, i.e. the file must not be used. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics as a trainer reads the file: by line, then column; ties keep their order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}
