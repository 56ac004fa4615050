import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ScenarioLibrary } from "./scenarioLibrary";

const fixtures = join(import.meta.dirname, "..", "..", "tests", "server", "fixtures", "scenarios");
const good = readFileSync(join(fixtures, "short-call", "scenario.yaml"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "hotseat-library-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, text: string | undefined): void {
  mkdirSync(join(dir, name), { recursive: true });
  if (text !== undefined) writeFileSync(join(dir, name, "scenario.yaml"), text);
}

describe("scenario library", () => {
  it("loads every scenario folder, keeps the diagnostics, and compiles only the clean ones", async () => {
    folder("short-call", good);
    folder("half-written", "formatVersion: 1\nid: half-written\ntitle: Half\n");
    folder("notes-only", undefined);
    const library = await ScenarioLibrary.fromDirectory(dir, dir);
    expect(library.list().map((s) => [s.id, s.playable])).toEqual([
      ["half-written", false],
      ["short-call", true],
    ]);
    const half = library.list()[0]!;
    expect(half.diagnostics.errors).toBeGreaterThan(0);
    expect(library.get("half-written")?.file).toBe(join("half-written", "scenario.yaml"));
    expect(library.compiled("half-written")).toBeUndefined();
    expect(library.compiled("short-call")?.scenario.title).toEqual({
      en: "The short call",
      pl: "Krótka rozmowa",
    });
    expect(Object.keys(library.playable())).toEqual(["short-call"]);
  });

  it("hands the session core the same library object until a scenario is added", async () => {
    const library = await ScenarioLibrary.fromDirectory(dir, dir);
    const first = library.playable();
    expect(library.playable()).toBe(first);
    library.add(library.check(good.replace("id: short-call", "id: short-call-2"), "copy.yaml"));
    expect(library.playable()).not.toBe(first);
    expect(Object.keys(library.playable())).toEqual(["short-call", "short-call-2"]);
  });

  it("checks an uploaded text with the same loader without adding it", async () => {
    const library = await ScenarioLibrary.fromDirectory(dir, dir);
    const checked = library.check("formatVersion: 1\n  bad: [", "upload.yaml");
    expect(checked.compiled).toBeUndefined();
    expect(checked.diagnostics[0]).toMatchObject({ code: "HS001", file: "upload.yaml", severity: "error" });
    expect(library.get(checked.id)).toBeUndefined();
  });

  it("plays neither of two folders with the same id, and says so on both files (HS019)", async () => {
    const twins = mkdtempSync(join(tmpdir(), "hotseat-twins-"));
    try {
      for (const name of ["a-copy", "short-call"]) {
        mkdirSync(join(twins, name));
        writeFileSync(join(twins, name, "scenario.yaml"), good);
      }
      const library = await ScenarioLibrary.fromDirectory(twins, twins);
      expect(library.list().map((s) => [s.id, s.playable])).toEqual([["short-call", false]]);
      expect(library.playable()).toEqual({});
      const clashes = library.get("short-call")?.diagnostics.filter((d) => d.code === "HS019") ?? [];
      expect(clashes.map((d) => [d.file, d.severity])).toEqual([
        [join("a-copy", "scenario.yaml"), "error"],
        [join("short-call", "scenario.yaml"), "error"],
      ]);
      expect(clashes[0]?.message).toContain(
        `(${join("short-call", "scenario.yaml")}) has the same id "short-call"`,
      );
      expect(clashes[0]).toMatchObject({ line: good.split("\n").findIndex((l) => l.startsWith("id:")) + 1 });
    } finally {
      rmSync(twins, { recursive: true, force: true });
    }
  });

  it("is empty, not broken, when the folder does not exist", async () => {
    const library = await ScenarioLibrary.fromDirectory(join(dir, "missing"));
    expect(library.list()).toEqual([]);
  });
});
