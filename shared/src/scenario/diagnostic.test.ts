import { describe, expect, it } from "vitest";
import { diagnosticSchema, hasErrors, sortDiagnostics } from "./diagnostic";
import type { Diagnostic } from "./diagnostic";
import { broken } from "./loadFixtures";
import { loadScenario } from "./loadScenario";

const at = (line: number, column: number, code: Diagnostic["code"] = "HS007"): Diagnostic => ({
  code,
  severity: "warning",
  message: `at ${line}:${column}`,
  file: "f.yaml",
  line,
  column,
});

describe("diagnostic", () => {
  it("orders diagnostics by line, then column, keeping the order of ties", () => {
    const sorted = sortDiagnostics([at(9, 1), at(2, 5, "HS011"), at(2, 5, "HS012"), at(2, 1)]);
    expect(sorted.map((d) => [d.line, d.column, d.code])).toEqual([
      [2, 1, "HS007"],
      [2, 5, "HS011"],
      [2, 5, "HS012"],
      [9, 1, "HS007"],
    ]);
  });

  it("tells errors from warnings", () => {
    expect(hasErrors([at(1, 1)])).toBe(false);
    expect(hasErrors([at(1, 1), { ...at(2, 2), severity: "error" }])).toBe(true);
  });

  it("describes every diagnostic the loader produces, so clients can validate them", () => {
    const texts = [
      broken('tydzień."', "tydzień."),
      broken("  mood: 40", "  mood: forty"),
      broken("target: calm", "target: clam"),
      broken("  pl: Dostawa w dwa dni\n", ""),
    ];
    const all = texts.flatMap((text) => loadScenario(text, "late.yaml").diagnostics);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const d of all) expect(diagnosticSchema.parse(d)).toEqual(d);
  });
});
