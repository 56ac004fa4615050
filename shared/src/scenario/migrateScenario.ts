import type { Diagnostic } from "./diagnostic";
import { currentFormatVersion } from "./scenarioSchema";
import type { SourcePositions } from "./sourcePositions";

/** The oldest scenario format ever released; files below it never existed. */
export const firstFormatVersion = 1;

/** A scenario file's data as read from disk, before it is checked against the current schema. */
export type ScenarioDocument = Record<string, unknown>;

/** One upgrade step: turns a document of format N into one of format N + 1 (and sets formatVersion). */
export type Migration = (doc: ScenarioDocument) => ScenarioDocument;

/**
 * `migrations[n]` upgrades format n to n + 1. Format 1 is the first, so the table is empty;
 * the next format change adds its step here with its own test, and bumps `currentFormatVersion`.
 */
export const migrations: Record<number, Migration> = {};

/** The migrated document, or diagnostics saying why the file's format cannot be read. */
export type MigrationResult = { data?: ScenarioDocument; diagnostics: Diagnostic[] };

/**
 * Brings a parsed file up to the current format: refuses files from a newer Hotseat (HS013),
 * explains a missing or malformed formatVersion (HS002), and runs each upgrade step in order.
 */
export function migrateScenario(
  data: unknown,
  positions: SourcePositions,
  file: string,
  table: Record<number, Migration> = migrations,
  current: number = currentFormatVersion,
): MigrationResult {
  const fail = (code: Diagnostic["code"], message: string, at: { line: number; column: number }) => ({
    diagnostics: [{ code, severity: "error" as const, message, file, ...at, path: ["formatVersion"] }],
  });
  if (data === null || data === undefined) {
    return fail("HS002", 'The file is empty. Start it with "formatVersion: 1", then describe the scenario.', {
      line: 1,
      column: 1,
    });
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail(
      "HS002",
      "The file should describe one scenario as named fields (formatVersion, id, title, ...), but it is a list or a single value.",
      positions.valueAt([]),
    );
  }
  let doc = data as ScenarioDocument;
  const version = doc["formatVersion"];
  if (version === undefined) {
    return fail(
      "HS002",
      `The file does not say which format it is written in. Add "formatVersion: ${current}" as the first line.`,
      { line: 1, column: 1 },
    );
  }
  const at = positions.valueAt(["formatVersion"]);
  if (typeof version !== "number" || !Number.isInteger(version) || version < firstFormatVersion) {
    return fail(
      "HS002",
      `"formatVersion" should be a whole number from ${firstFormatVersion} to ${current}, such as "formatVersion: ${current}", but it is ${JSON.stringify(version)}.`,
      at,
    );
  }
  if (version > current) {
    return fail(
      "HS013",
      `This file was written for a newer Hotseat (format ${version}); this Hotseat reads up to format ${current}. Update Hotseat to open it.`,
      at,
    );
  }
  for (let from = version; from < current; from++) {
    const step = table[from];
    if (!step) {
      return fail(
        "HS013",
        `Hotseat cannot upgrade files of format ${from} to format ${from + 1}. Update Hotseat, or rewrite the file in format ${current}.`,
        at,
      );
    }
    doc = { ...step(doc), formatVersion: from + 1 };
  }
  return { data: doc, diagnostics: [] };
}
