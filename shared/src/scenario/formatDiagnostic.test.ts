import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostic";
import { formatDiagnostic, formatDiagnosticInSource, formatDiagnostics } from "./formatDiagnostic";

const unknownTarget: Diagnostic = {
  code: "HS003",
  severity: "error",
  message: 'Option "x" in state "y" goes to "z", but there is no state called "z".',
  file: "scenarios/hat/scenario.yaml",
  line: 2,
  column: 13,
};

describe("formatDiagnostic", () => {
  it("writes file:line:col, severity, code and message on one line", () => {
    expect(formatDiagnostic(unknownTarget)).toBe(
      'scenarios/hat/scenario.yaml:2:13  error HS003  Option "x" in state "y" goes to "z", but there is no state called "z".',
    );
  });

  it("quotes the offending line with a caret under the column", () => {
    const source = "on:\n  x: { target: z }\n";
    expect(formatDiagnosticInSource(unknownTarget, source).split("\n").slice(1)).toEqual([
      "  2 |   x: { target: z }",
      "    |             ^",
    ]);
  });

  it("ends a list with a count of errors and warnings", () => {
    const warning: Diagnostic = { ...unknownTarget, code: "HS007", severity: "warning" };
    const text = formatDiagnostics([unknownTarget, warning, warning]);
    expect(text.split("\n\n")).toHaveLength(4);
    expect(text.endsWith("1 error, 2 warnings")).toBe(true);
    expect(formatDiagnostics([])).toBe("No problems found.");
  });
});
