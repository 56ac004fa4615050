import { describe, expect, it } from "vitest";
import { firstFormatVersion, migrateScenario, migrations } from "./migrateScenario";
import type { Migration } from "./migrateScenario";
import { parseScenarioText } from "./parseScenarioText";
import { currentFormatVersion } from "./scenarioSchema";
import { positionOf } from "./loadFixtures";

function migrate(text: string, table?: Record<number, Migration>, current?: number) {
  const parsed = parseScenarioText(text, "f.yaml");
  return migrateScenario(parsed.data, parsed.positions, "f.yaml", table, current);
}

describe("migrateScenario", () => {
  it("passes a current-format file through unchanged", () => {
    expect(migrate("formatVersion: 1\nid: x\n")).toEqual({
      data: { formatVersion: 1, id: "x" },
      diagnostics: [],
    });
  });

  it("refuses a file from a newer Hotseat with HS013 at the version number", () => {
    const text = "id: x\nformatVersion: 7\n";
    const { data, diagnostics } = migrate(text);
    expect(data).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "HS013", severity: "error", ...positionOf(text, "7") }),
    ]);
    expect(diagnostics[0]?.message).toBe(
      "This file was written for a newer Hotseat (format 7); this Hotseat reads up to format 1. Update Hotseat to open it.",
    );
  });

  it("asks for a missing formatVersion (HS002) and explains a malformed one", () => {
    const missing = migrate("id: x\n").diagnostics[0];
    expect(missing).toMatchObject({ code: "HS002", line: 1, column: 1 });
    expect(missing?.message).toMatch(/Add "formatVersion: 1"/);
    const text = 'id: x\nformatVersion: "one"\n';
    expect(migrate(text).diagnostics[0]).toMatchObject({ code: "HS002", ...positionOf(text, '"one"') });
    expect(migrate("formatVersion: 0\n").diagnostics[0]?.message).toMatch(/whole number from 1 to 1/);
  });

  it("explains an empty file and a file that is a list instead of a scenario", () => {
    expect(migrate("").diagnostics[0]?.message).toMatch(/The file is empty/);
    expect(migrate("- a\n- b\n").diagnostics[0]).toMatchObject({ code: "HS002", line: 1, column: 1 });
  });

  it("runs each upgrade step in order and stamps the new version after each", () => {
    const seen: number[] = [];
    const table: Record<number, Migration> = {
      1: (doc) => (seen.push(Number(doc["formatVersion"])), { ...doc, name: doc["title"] }),
      2: (doc) => (
        seen.push(Number(doc["formatVersion"])),
        { ...doc, shout: String(doc["name"]).toUpperCase() }
      ),
    };
    const result = migrate("formatVersion: 1\ntitle: hat\n", table, 3);
    expect(seen).toEqual([1, 2]);
    expect(result.data).toEqual({ formatVersion: 3, title: "hat", name: "hat", shout: "HAT" });
  });

  it("says so when a step of the table is missing instead of loading a half-upgraded file", () => {
    const result = migrate("formatVersion: 1\n", {}, 2);
    expect(result.diagnostics[0]).toMatchObject({ code: "HS013" });
    expect(result.diagnostics[0]?.message).toMatch(/cannot upgrade files of format 1 to format 2/);
  });

  it("has a step for every released format older than the current one", () => {
    for (let v = firstFormatVersion; v < currentFormatVersion; v++)
      expect(migrations[v]).toBeTypeOf("function");
    expect(
      Object.keys(migrations)
        .map(Number)
        .every((v) => v < currentFormatVersion),
    ).toBe(true);
  });
});
