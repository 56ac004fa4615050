import { describe, expect, it } from "vitest";
import { blankScenario, costItems } from "@hotseat/shared";
import { completionsAt } from "./completionsAt";
import { fieldCompletionsAt, scenarioWordsOf } from "./fieldCompletions";
import type { ScenarioWords } from "./fieldCompletions";
import { helpAt } from "./fieldDocs";
import { lineChanges } from "./lineChanges";

const words: ScenarioWords = {
  stateIds: ["opening", "calm-end"],
  optionIds: ["ask", "blame"],
  costItems: ["refund", "voucher"],
  facts: ["promised-callback"],
  declaredTags: ["offers-tea"],
};
const labels = (found: ReturnType<typeof fieldCompletionsAt>) => found?.items.map((i) => i.label);

describe("what the Studio's editor completes at a position", () => {
  it("reads state ids, option ids, used cost items and facts from a scenario's text", () => {
    const text = blankScenario("x").replace(
      "target: calm-end",
      "target: calm-end\n          actions:\n            - { type: effect, params: { cost: { voucher: 5 } } }\n            - { type: remember, params: { fact: said-sorry } }",
    );
    const read = scenarioWordsOf(text);
    expect(read.stateIds).toEqual(["opening", "calm-end", "lost-end"]);
    expect(read.optionIds.length).toBeGreaterThan(0);
    expect(read.costItems).toEqual(["voucher"]);
    expect(read.facts).toEqual(["said-sorry"]);
    const declared = scenarioWordsOf(
      `${text}\nvocabulary:\n  tags:\n    offers-tea: { kind: good, label: Offers tea }\n  costItems:\n    courier: { label: Courier }\n`,
    );
    expect(declared.declaredTags).toEqual(["offers-tea"]);
    expect(declared.costItems).toEqual(["voucher", "courier"]);
    expect(
      labels(fieldCompletionsAt("", "  guard: { type: chose, params: { tag: off", " } }", words)),
    ).toContain("offers-tea");
    expect(completionsAt("          tags: [listens, off", [], ["offers-tea"])?.words).toContain("offers-tea");
    // A file that does not parse as YAML gives empty lists, never an exception.
    expect(scenarioWordsOf("machine: [").stateIds).toEqual([]);
  });

  it("offers guard names after a guard's type:, bringing their params in a flow map", () => {
    const found = fieldCompletionsAt("", "          - guard: { type: mood", " }", words);
    expect(found?.kind).toBe("guard");
    expect(found?.from).toBe(27);
    const moodBelow = found?.items.find((i) => i.label === "moodBelow");
    expect(moodBelow?.detail).toContain("value");
    expect(moodBelow?.apply).toBe("moodBelow, params: { value: 10 }");
    // The editor's own closing `}` right after the cursor: the map still reads `{ ... } }`.
    const closed = fieldCompletionsAt("", "  guard: { type: moodB", "}", words);
    expect(closed?.items.find((i) => i.label === "moodBelow")?.apply).toBe(
      "moodBelow, params: { value: 10 } ",
    );
    // With params already written after the cursor, only the name is replaced.
    const named = fieldCompletionsAt("", "  guard: { type: mo", ", params: { value: 3 } }", words);
    expect(named?.items.find((i) => i.label === "moodBelow")?.apply).toBeUndefined();
  });

  it("offers action names under actions: and entry:, in block style too", () => {
    const block = fieldCompletionsAt("          actions:\n", "            - type: ", "", words);
    expect(block?.kind).toBe("action");
    expect(labels(block)).toEqual(["effect", "remember", "forget"]);
    const entry = fieldCompletionsAt("      entry:\n", "        - { type: ", " }", words);
    expect(entry?.kind).toBe("action");
    // The nearest list decides: an action line after a guard line is an action.
    const mixed = fieldCompletionsAt(
      "  - guard: { type: said }\n    actions:\n",
      "      - { type: ",
      "",
      words,
    );
    expect(mixed?.kind).toBe("action");
    // `type:` with neither above (a state's `type: final`) offers nothing here.
    expect(fieldCompletionsAt("    opening:\n", "      type: ", "", words)).toBeUndefined();
  });

  it("offers a guard's or action's params where a param name goes, not after its colon", () => {
    const found = fieldCompletionsAt("", "  - { type: effect, params: { mood: 5, ", "", words);
    expect(labels(found)).toEqual(["mood", "reputation", "strain", "cost"]);
    expect(labels(fieldCompletionsAt("", "  guard: { type: said, params: { ", "", words))).toEqual(["tag"]);
  });

  it("offers option ids, states, facts and tags as a guard's param values", () => {
    expect(labels(fieldCompletionsAt("", "guard: { type: chose, params: { option: b", "", words))).toEqual([
      "ask",
      "blame",
    ]);
    expect(fieldCompletionsAt("", "guard: { type: chose, params: { option: b", "", words)?.from).toBe(40);
    expect(labels(fieldCompletionsAt("", "{ type: visited, params: { state: ", "", words))).toEqual(
      words.stateIds,
    );
    expect(labels(fieldCompletionsAt("", "{ type: remembers, params: { fact: ", "", words))).toEqual(
      words.facts,
    );
    expect(labels(fieldCompletionsAt("", "{ type: said, params: { tag: ", "", words))).toContain("listens");
  });

  it("offers the built-in cost items and the scenario's own inside a cost map", () => {
    const flow = fieldCompletionsAt("", "  - { type: effect, params: { cost: { refund: 5, st", "", words);
    expect(labels(flow)).toEqual([...costItems, "voucher"]);
    expect(flow?.items.find((i) => i.label === "voucher")?.detail).toContain("used in this scenario");
    const block = fieldCompletionsAt("        cost:\n          refund: 5\n", "          ", "", words);
    expect(block?.kind).toBe("cost");
    // After an item's colon an amount goes, not a name.
    expect(fieldCompletionsAt("", "{ cost: { refund: ", "", words)).toBeUndefined();
  });

  it("offers nothing in a sentence", () => {
    expect(fieldCompletionsAt("", "        line: The type: of thing", "", words)).toBeUndefined();
  });
});

describe("the hover help of the Studio's editor", () => {
  it("explains a key under the pointer, in a block or a flow map", () => {
    const help = helpAt("          target: calm-end", 12);
    expect(help).toMatchObject({ from: 10, to: 16, title: "target" });
    expect(help?.text).toContain("next state");
    expect(helpAt("  meta: { line: Hi, emotion: fear }", 22)?.title).toBe("emotion");
  });

  it("explains a guard or an action named after type:, with its params", () => {
    const help = helpAt("  - guard: { type: moodBelow, params: { value: 15 } }", 22);
    expect(help?.title).toBe("moodBelow (guard; params: value)");
    expect(helpAt("  - { type: effect, params: { mood: 5 } }", 13)?.title).toContain("action");
  });

  it("gives no help for a value or a word in a text", () => {
    expect(helpAt("          target: calm-end", 20)).toBeUndefined();
    expect(helpAt("        line: the target of it", 20)).toBeUndefined();
    expect(helpAt("    unknownKey: 1", 6)).toBeUndefined();
  });
});

describe("the history's summary of how a version differs", () => {
  it("counts the lines added and removed, and nothing for the same text", () => {
    expect(lineChanges("a\nb\nc", "a\nb\nc")).toEqual({ added: 0, removed: 0 });
    expect(lineChanges("a\nb\nc", "a\nx\nc\nd")).toEqual({ added: 2, removed: 1 });
    // A repeated line counts each time it appears.
    expect(lineChanges("a\na", "a")).toEqual({ added: 0, removed: 1 });
  });
});
