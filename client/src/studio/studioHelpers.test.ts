import { describe, expect, it } from "vitest";
import { blankScenario, loadScenario } from "@hotseat/shared";
import { completionsAt, stateIdsOf } from "./completionsAt";
import { diagnosticRange } from "./diagnosticRange";
import { mapMarks } from "./mapMarks";
import { stateAt, stateOutline } from "./stateOutline";

describe("the Studio's editor helpers", () => {
  it("underlines the whole misspelt word a diagnostic points at, on its line", () => {
    const text = "a: 1\n  target: calm-ned\nz: 2";
    const { from, to } = diagnosticRange(text, { line: 2, column: 11 });
    expect(text.slice(from, to)).toBe("calm-ned");
    // A position past the text (it changed since the check) stays inside it.
    const late = diagnosticRange(text, { line: 9, column: 40 });
    expect(late.to).toBeLessThanOrEqual(text.length);
  });

  it("puts HS003 of a misspelt target on the line of that target", () => {
    const text = blankScenario("typo").replace("target: calm-end", "target: calm-ned");
    const hs003 = loadScenario(text, "typo.yaml").diagnostics.find((d) => d.code === "HS003");
    expect(hs003).toBeDefined();
    const { from, to } = diagnosticRange(text, hs003!);
    expect(text.slice(from, to)).toBe("calm-ned");
  });

  it("offers the scenario's own state ids after target:, even while the file has errors", () => {
    const text = blankScenario("x").replace("target: calm-end", "target: ");
    const ids = stateIdsOf(text);
    expect(ids).toEqual(["opening", "calm-end", "lost-end"]);
    expect(completionsAt("          target: ca", ids)).toEqual({ from: 18, words: ids, kind: "target" });
    expect(completionsAt("      meta: { line: Hi, emotion: an", ids)?.words).toContain("anger");
    expect(completionsAt("            tags: [listens, ack", ids)).toMatchObject({ from: 28, kind: "tag" });
    expect(completionsAt("    title: A target: no", ids)).toBeUndefined();
    expect(completionsAt("  label: Hello", ids)).toBeUndefined();
  });

  it("marks the states no run reaches", () => {
    const text = blankScenario("x").replace(
      "    lost-end:",
      "    island:\n      type: final\n      meta: { line: Alone., emotion: calm, ending: calmed }\n    lost-end:",
    );
    const marks = mapMarks(loadScenario(text, "x.yaml").diagnostics);
    expect([...marks.unreachable]).toEqual(["island"]);
  });
});

describe("the outline of a scenario's states", () => {
  it("finds each state's key in the text and which state the cursor is in", () => {
    const text = blankScenario("x");
    const outline = stateOutline(text);
    expect(outline.map((s) => s.id)).toEqual(["opening", "calm-end", "lost-end"]);
    const calm = outline.find((s) => s.id === "calm-end")!;
    expect(text.slice(calm.from, calm.from + "calm-end".length)).toBe("calm-end");
    expect(stateAt(outline, text.indexOf("Thank you for listening"))).toBe("calm-end");
    expect(stateAt(outline, text.indexOf("argue:"))).toBe("opening");
    expect(stateAt(outline, 0)).toBeUndefined();
  });
});
