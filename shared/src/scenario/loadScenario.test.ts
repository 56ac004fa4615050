import { describe, expect, it } from "vitest";
import { broken, lateParcelYaml, positionOf } from "./loadFixtures";
import { loadScenario } from "./loadScenario";
import { parseScenarioText } from "./parseScenarioText";

const asJson = (yaml: string) => JSON.stringify(parseScenarioText(yaml, "x").data, null, 2);

describe("loadScenario", () => {
  it("loads the valid fixture into a runnable machine with no diagnostics", () => {
    const result = loadScenario(lateParcelYaml, "late.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.id).toBe("late-parcel");
    expect(result.compiled?.machine.config.initial).toBe("opening");
  });

  it("loads the same scenario written as JSON", () => {
    const json = asJson(lateParcelYaml);
    const result = loadScenario(json, "late.json");
    expect(result.diagnostics).toEqual([]);
    expect(result.compiled).toBeDefined();
  });

  it("points into JSON files too: an unknown target at its quoted value", () => {
    const json = broken('"target": "calm"', '"target": "clam"', asJson(lateParcelYaml));
    const result = loadScenario(json, "late.json");
    expect(result.compiled).toBeUndefined();
    expect(result.diagnostics.find((d) => d.code === "HS003")).toMatchObject({
      file: "late.json",
      ...positionOf(json, '"clam"'),
      message: expect.stringMatching(/Did you mean "calm"\?/) as unknown,
    });
  });

  it("stops at a syntax error without guessing at the rest of the file", () => {
    const result = loadScenario(broken('tydzień."', "tydzień."), "late.yaml");
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["HS001"]);
  });

  it("refuses a file from a newer Hotseat before checking anything else", () => {
    const text = broken("formatVersion: 1", "formatVersion: 2").replace("audience: B2C\n", "");
    const result = loadScenario(text, "late.yaml");
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "HS013",
        line: 1,
        column: 16,
        message: expect.stringMatching(/format 2/),
      }),
    ]);
  });

  it("keeps the scenario but gives no machine when a reference is broken", () => {
    const result = loadScenario(broken("initial: opening", "initial: openng"), "late.yaml");
    expect(result.scenario?.id).toBe("late-parcel");
    expect(result.compiled).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["HS015"]);
  });

  it("warns about an ending that no path reaches, and still compiles", () => {
    const text = broken("target: calm", "target: gone");
    const result = loadScenario(text, "late.yaml");
    expect(result.compiled).toBeDefined();
    const hs009 = result.diagnostics.find((d) => d.code === "HS009");
    expect(hs009).toMatchObject({ severity: "warning", ...positionOf(text, "calmed:") });
    expect(hs009?.message).toMatch(/No sequence of choices reaches the ending "calmed" \(named by "calm"\)/);
  });

  it("does not claim an ending is unreachable when the path check ran out of budget", () => {
    const text = broken("target: calm", "target: gone");
    const result = loadScenario(text, "late.yaml", { pathLimit: 1 });
    expect(result.compiled).toBeDefined();
    const hs009 = result.diagnostics.filter((d) => d.code === "HS009");
    expect(hs009).toHaveLength(1);
    expect(hs009[0]).toMatchObject({ severity: "info", ...positionOf(text, "endings:") });
    expect(hs009[0]?.message).toMatch(/more situations than the quick check explores while loading \(1\)/);
  });

  it("warns when a path pushes a meter past 100, naming the choices", () => {
    const text = broken("  mood: 40", "  mood: 95");
    const result = loadScenario(text, "late.yaml");
    expect(result.compiled).toBeDefined();
    const hs010 = result.diagnostics.filter((d) => d.code === "HS010");
    expect(hs010).toHaveLength(1);
    expect(hs010[0]).toMatchObject({ severity: "warning", ...positionOf(text, "ask-order:") });
    expect(hs010[0]?.message).toMatch(/Mood would reach 105 after the choices ask-order/);
  });

  it("lists diagnostics in file order", () => {
    const text = broken("initial: opening", "initial: openng").replace("target: calm", "target: clam");
    const lines = loadScenario(text, "late.yaml").diagnostics.map((d) => d.line);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
