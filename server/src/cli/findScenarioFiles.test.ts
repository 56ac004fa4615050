import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findScenarioFiles } from "./findScenarioFiles";

describe("findScenarioFiles", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "hotseat-find-"));
    for (const [path, text] of [
      ["scenarios/ruined-hat/scenario.yaml", "x"],
      ["scenarios/ruined-hat/plans.yaml", "x"],
      ["scenarios/agency/scenario.json", "{}"],
      ["scenarios/agency/notes.yaml", "x"],
      ["scenarios/node_modules/pkg/scenario.yaml", "x"],
      ["loose.yaml", "x"],
      ["loose.plans.yaml", "x"],
    ] as const) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("finds every scenario file under a folder, with its plans, sorted and relative", () => {
    const { scenarios, problems } = findScenarioFiles(["scenarios"], root);
    expect(problems).toEqual([]);
    expect(scenarios).toEqual([
      { file: join("scenarios", "agency", "scenario.json") },
      {
        file: join("scenarios", "ruined-hat", "scenario.yaml"),
        plansFile: join("scenarios", "ruined-hat", "plans.yaml"),
      },
    ]);
  });

  it("takes a named file as it is and finds a loose file's plans by its name", () => {
    const { scenarios } = findScenarioFiles(["loose.yaml", "scenarios/ruined-hat/scenario.yaml"], root);
    expect(scenarios.map((s) => s.plansFile)).toEqual([
      "loose.plans.yaml",
      join("scenarios", "ruined-hat", "plans.yaml"),
    ]);
  });

  it("reports paths that do not exist and folders without scenarios", () => {
    mkdirSync(join(root, "empty"));
    const { scenarios, problems } = findScenarioFiles(["nowhere", "empty"], root);
    expect(scenarios).toEqual([]);
    expect(problems).toEqual([
      "nowhere: no such file or folder",
      "empty: no scenario.yaml, scenario.yml, scenario.json found in this folder",
    ]);
  });

  it("does not list the same scenario twice when named twice", () => {
    const { scenarios } = findScenarioFiles(["scenarios", "scenarios/agency"], root);
    expect(scenarios).toHaveLength(2);
  });
});
