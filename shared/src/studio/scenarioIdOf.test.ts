import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario";
import { blankScenario } from "./blankScenario";
import { freeId, scenarioIdOf, withScenarioId } from "./scenarioIdOf";

describe("the Studio's scenario ids", () => {
  it("starts a blank scenario that loads without errors under the id it was given", () => {
    const result = loadScenario(blankScenario("my-first"), "blank.yaml");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.compiled?.scenario.id).toBe("my-first");
  });

  it("renames a copy and keeps every comment and the layout of the rest", () => {
    const source = "# the hat\nformatVersion: 1\nid: ruined-hat # was the original\ntitle: { en: Hat }\n";
    const renamed = withScenarioId(source, "ruined-hat-copy");
    expect(scenarioIdOf(renamed)).toBe("ruined-hat-copy");
    expect(renamed).toContain("# the hat");
    expect(renamed).toContain("title: { en: Hat }");
    expect(renamed.split("\n").length).toBe(source.split("\n").length);
  });

  it("leaves a text that does not parse as it was", () => {
    expect(withScenarioId("id: [unclosed", "x")).toBe("id: [unclosed");
    expect(scenarioIdOf("- a list")).toBeUndefined();
  });

  it("finds the first free id", () => {
    expect(freeId("hat", new Set())).toBe("hat");
    expect(freeId("hat", new Set(["hat", "hat-2"]))).toBe("hat-3");
  });
});
