import { describe, expect, it } from "vitest";
import { broken, lateParcelYaml, positionOf } from "./loadFixtures";
import { parseScenarioText } from "./parseScenarioText";

describe("parseScenarioText", () => {
  it("reads the valid YAML fixture into plain data with no diagnostics", () => {
    const parsed = parseScenarioText(lateParcelYaml, "late.yaml");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toMatchObject({ id: "late-parcel", machine: { initial: "opening" } });
  });

  it("maps a data path to the line and column of its key and of its value", () => {
    const parsed = parseScenarioText(lateParcelYaml, "late.yaml");
    const path = ["machine", "states", "checking", "on", "promise-friday", "target"];
    expect(parsed.positions.valueAt(path)).toEqual(positionOf(lateParcelYaml, "calm\n          actions"));
    expect(parsed.positions.keyAt(path)).toEqual(positionOf(lateParcelYaml, "target: calm"));
    const listItem = ["machine", "states", "opening", "on", "blame-courier", 1, "target"];
    expect(parsed.positions.valueAt(listItem)).toEqual(
      positionOf(lateParcelYaml, "checking\n            actions: [{"),
    );
  });

  it("falls back to the deepest written parent for a path that is not in the file", () => {
    const parsed = parseScenarioText(lateParcelYaml, "late.yaml");
    const missing = ["machine", "states", "calm", "meta", "narration"];
    expect(parsed.positions.keyAt(missing)).toEqual(
      positionOf(lateParcelYaml, "meta:\n        line: { en: Thank you."),
    );
  });

  it("reports an unclosed quote as HS001 where the quote opens", () => {
    const text = broken('tydzień."', "tydzień.");
    const { data, diagnostics } = parseScenarioText(text, "late.yaml");
    expect(data).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "HS001", severity: "error", file: "late.yaml" });
    expect(diagnostics[0]).toMatchObject(positionOf(text, '"Klient'));
    expect(diagnostics[0]?.message).toMatch(/quote that is never closed/);
  });

  it("reports bad indentation as HS001 at the first character of the misaligned line", () => {
    const text = broken("        emotion: anger", "          emotion: anger");
    const { diagnostics } = parseScenarioText(text, "late.yaml");
    expect(diagnostics[0]).toMatchObject({ code: "HS001", ...positionOf(text, "emotion: anger") });
    expect(diagnostics[0]?.message).toMatch(/indentation/);
  });

  it("reports a tab used for indentation and a name written twice", () => {
    const tab = broken("  name: Marek", "\tname: Marek");
    expect(parseScenarioText(tab, "f.yaml").diagnostics[0]).toMatchObject({
      code: "HS001",
      ...positionOf(tab, "\tname"),
      message: expect.stringMatching(/tab/) as unknown,
    });
    const twice = broken("currency: EUR\n", "currency: EUR\ncurrency: PLN\n");
    expect(parseScenarioText(twice, "f.yaml").diagnostics[0]).toMatchObject({
      code: "HS001",
      ...positionOf(twice, "currency: PLN"),
      message: expect.stringMatching(/appears twice/) as unknown,
    });
  });

  it("explains an unquoted ': ' inside a text and shows the line quoted, not bad indentation", () => {
    const text = broken(
      "line: { en: Thank you.",
      'line: { en: "Thank you." }\n        narration: Note: she smiles\n        x: { en: Thank you.',
    );
    const [d] = parseScenarioText(text, "late.yaml").diagnostics;
    expect(d).toMatchObject({ code: "HS001", line: positionOf(text, "narration:").line });
    expect(d?.message).toMatch(/contains ": " \(a colon followed by a space\)/);
    expect(d?.message).toContain('narration: "Note: she smiles"');
    expect(d?.message).not.toMatch(/indent/);
  });

  it("lists at most 20 syntax errors, then how many more lines are broken", () => {
    const { diagnostics } = parseScenarioText('a: "\n'.repeat(200).replace(/"/g, "'"), "f.yaml");
    expect(diagnostics.length).toBeLessThanOrEqual(21);
    expect(diagnostics[diagnostics.length - 1]?.message).toMatch(
      /\d+ more lines from here on cannot be read/,
    );
  });

  it("refuses text nested thousands of levels deep before parsing it", () => {
    const deep = parseScenarioText(`a: ${"[".repeat(5000)}`, "f.yaml").diagnostics;
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatchObject({ code: "HS001", line: 1, column: 54 });
    expect(deep[0]?.message).toMatch(/more than 50 levels deep/);
    const items = parseScenarioText(`${"- ".repeat(3000)}x`, "f.yaml").diagnostics;
    expect(items[0]?.message).toMatch(/nested items/);
    // Brackets inside quoted text are not nesting.
    const quoted = parseScenarioText(`a: "${"[".repeat(100)}"\n`, "f.yaml");
    expect(quoted.diagnostics).toEqual([]);
  });

  it("reads JSON, with positions, and explains malformed JSON in JSON terms", () => {
    const json = '{\n  "id": "x",\n  "machine": { "initial": "a" }\n}';
    const parsed = parseScenarioText(json, "x.json");
    expect(parsed.data).toEqual({ id: "x", machine: { initial: "a" } });
    expect(parsed.positions.valueAt(["machine", "initial"])).toEqual(positionOf(json, '"a"'));
    const bad = '{\n  "id": "x"\n  "title": "y"\n}';
    const { diagnostics } = parseScenarioText(bad, "x.json");
    expect(diagnostics[0]).toMatchObject({ code: "HS001", line: 3 });
    expect(diagnostics[0]?.message).toMatch(/JSON is not well-formed/);
  });
});

describe("parseScenarioText with references", () => {
  it("reports an alias to an undefined anchor at the alias, and alias bombs, as HS001", () => {
    const text = "a: &known 1\nb: *known\nc: *nope\n";
    const [d] = parseScenarioText(text, "f.yaml").diagnostics;
    expect(d).toMatchObject({ code: "HS001", ...positionOf(text, "*nope") });
    expect(d?.message).toMatch(/\*nope points to "&nope"/);
    const ten = (item: string) => Array<string>(10).fill(item).join(", ");
    const rows = [`a: &a [${ten("x")}]`, `b: &b [${ten("*a")}]`, `c: &c [${ten("*b")}]`, `d: [${ten("*c")}]`];
    const bomb = parseScenarioText(rows.join("\n"), "f.yaml");
    expect(bomb.data).toBeUndefined();
    expect(bomb.diagnostics[0]?.message).toMatch(/too many times/);
  });
});
