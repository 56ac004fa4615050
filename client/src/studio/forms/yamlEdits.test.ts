import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blankScenario, loadScenario } from "@hotseat/shared";
import { readForm } from "./formModel";
import { applyFormEdit, uniqueId } from "./scenarioEdits";
import type { Edited, FormEdit, NewTexts, Refusal } from "./scenarioEdits";

const texts: NewTexts = {
  line: "What the customer says next.",
  label: "A new response",
  title: "A new ending",
  debrief: "Why this ending happened.",
  endLine: "The customer's last words.",
};
const courier = readFileSync(join(__dirname, "../../../../scenarios/late-courier/scenario.yaml"), "utf8");
// A scenario with comments in every kind of place, and two languages.
const commented = blankScenario("commented")
  .replace("languages: [en]", "languages: [en, pl] # English first")
  .replace("    opening:\n", "    # The first thing the customer says.\n    opening:\n")
  .replace("          target: calm-end\n", "          target: calm-end # the happy path\n");

function edit(source: string, change: FormEdit): string {
  const result = applyFormEdit(source, change, texts);
  if ("refused" in result) throw new Error(`refused: ${result.refused}`);
  return result.source;
}

/** The line numbers (of the old text) that differ, after the common head and tail are taken off. */
function changedLines(before: string, after: string): { from: number; removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  return { from: head + 1, removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const codes = (source: string) =>
  loadScenario(source, "x.yaml")
    .diagnostics.map((d) => `${d.code} ${d.severity}`)
    .sort();
const lineOf = (source: string, text: string) => source.split("\n").findIndex((l) => l.includes(text)) + 1;
const branch = (state: string, option: string, ...rest: (string | number)[]) => [
  "machine",
  "states",
  state,
  "on",
  option,
  ...rest,
];

describe("form edits on the YAML text", () => {
  it("changes a text in place, keeping every comment and every other line", () => {
    const after = edit(commented, {
      kind: "text",
      path: branch("opening", "listen", "meta", "label"),
      locale: "en",
      text: "Tell me: what happened?",
    });
    const diff = changedLines(commented, after);
    expect(diff.removed).toEqual(["            label: Tell me what happened."]);
    expect(diff.added).toEqual(['            label: "Tell me: what happened?"']);
    expect(after).toContain("# The first thing the customer says.");
    expect(after).toContain("target: calm-end # the happy path");
    expect(loadScenario(after, "x.yaml").scenario?.machine.states["opening"]?.on?.["listen"]).toMatchObject({
      meta: { label: "Tell me: what happened?" },
    });
  });

  it("keeps a double-quoted or folded text's style, and changes only that text's lines", () => {
    const path = branch("opening", "ask-what-happened", "meta", "label");
    const after = edit(courier, { kind: "text", path, locale: "pl", text: "Proszę opowiedzieć." });
    const diff = changedLines(courier, after);
    expect(diff.added).toEqual(['              pl: "Proszę opowiedzieć."']);
    expect(diff.removed).toHaveLength(1);

    const debrief = edit(courier, {
      kind: "text",
      path: ["endings", "never-again", "debrief", "en"],
      locale: "en",
      text: "Marta did not make a scene. She will simply never order here again.",
    });
    const d = changedLines(courier, debrief);
    expect(d.from).toBe(lineOf(courier, "Marta did not make a scene"));
    expect(d.added).toEqual(["        Marta did not make a scene. She will simply never order here again."]);
    expect(loadScenario(debrief, "x.yaml").scenario?.endings["never-again"]?.debrief).toMatchObject({
      en: "Marta did not make a scene. She will simply never order here again.",
    });
  });

  it("turns a single text into one per language when another language is edited", () => {
    const path = ["machine", "states", "opening", "meta", "line"];
    const after = edit(commented, { kind: "text", path, locale: "pl", text: "Co się stało?" });
    expect(readForm(after)?.states[0]?.line).toEqual({
      en: "What the customer says first.",
      pl: "Co się stało?",
    });
    const diff = changedLines(commented, after);
    expect(diff.from).toBe(lineOf(commented, "What the customer says first."));
    expect(diff.removed).toHaveLength(1);
    expect(codes(after).filter((c) => c.endsWith("error"))).toEqual([]);
  });

  it("sets and clears effects, costs, tags and guards on their own lines", () => {
    const listen = branch("opening", "listen");
    let s = edit(commented, { kind: "meter", branch: listen, meter: "reputation", value: 5 });
    s = edit(s, { kind: "cost", branch: listen, item: "refund", value: 40 });
    expect(changedLines(commented, s).added).toEqual([
      "          actions: [{ type: effect, params: { mood: 20, reputation: 5, cost: { refund: 40 } } }]",
    ]);
    s = edit(s, { kind: "tags", branch: listen, tags: ["listens", "takes-ownership"] });
    s = edit(s, { kind: "guard", branch: listen, guard: { type: "moodAtLeast", params: { value: 10 } } });
    const compiled = loadScenario(s, "x.yaml");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.scenario?.machine.states["opening"]?.on?.["listen"]).toMatchObject({
      guard: { type: "moodAtLeast", params: { value: 10 } },
      actions: [{ type: "effect", params: { mood: 20, reputation: 5, cost: { refund: 40 } } }],
      meta: { tags: ["listens", "takes-ownership"] },
    });
    // Clearing every change removes the effect (an empty one is an error), and the guard.
    s = edit(s, { kind: "meter", branch: listen, meter: "mood", value: undefined });
    s = edit(s, { kind: "meter", branch: listen, meter: "reputation", value: undefined });
    s = edit(s, { kind: "cost", branch: listen, item: "refund", value: undefined });
    s = edit(s, { kind: "guard", branch: listen, guard: undefined });
    expect(s).not.toMatch(/listen:\n(.*\n)*?.*actions:.*\n.*argue/);
    expect(loadScenario(s, "x.yaml").scenario?.machine.states["opening"]?.on?.["listen"]).not.toHaveProperty(
      "actions",
    );
    expect(codes(s)).toEqual(codes(commented));
    // A branch with no effect gets one.
    s = edit(s, { kind: "meter", branch: listen, meter: "strain", value: 3 });
    expect(s).toContain("actions: [{ type: effect, params: { strain: 3 } }]");
  });

  it("adds and removes states, options, branches and endings with no new diagnostics", () => {
    const english = commented.replace(
      "languages: [en, pl] # English first",
      "languages: [en] # English first",
    );
    const before = codes(english);
    let s = edit(english, { kind: "insertState", branch: branch("opening", "listen") });
    expect(s).toContain("# The first thing the customer says.");
    const form = readForm(s)!;
    expect(form.states.map((st) => st.id)).toEqual(["opening", "state", "calm-end", "lost-end"]);
    expect(form.states[0]?.options[0]?.branches[0]?.target).toBe("state");
    expect(form.states[1]?.options[0]?.branches[0]?.target).toBe("calm-end");
    expect(codes(s)).toEqual(before);

    s = edit(s, { kind: "insertState", branch: branch("state", "option") });
    s = edit(s, { kind: "addOption", state: "state" });
    s = edit(s, { kind: "addEnding", branch: branch("state", "option-2") });
    s = edit(s, { kind: "addBranch", state: "opening", option: "argue" });
    expect(codes(s)).toEqual(before);
    const grown = readForm(s)!;
    expect(grown.states.map((st) => st.id)).toEqual([
      "opening",
      "state",
      "state-2",
      "calm-end",
      "lost-end",
      "ending",
    ]);
    expect(grown.endings.map((e) => e.id)).toEqual(["calmed", "walked-out", "ending"]);
    expect(grown.states[0]?.options[1]?.branches.map((b) => b.guard?.type)).toEqual(["moodBelow", undefined]);
    for (const id of [...grown.states.map((st) => st.id), ...grown.endings.map((e) => e.id)])
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(loadScenario(s, "x.yaml").compiled).toBeDefined();

    s = edit(s, { kind: "removeBranch", state: "opening", option: "argue", index: 0 });
    s = edit(s, { kind: "removeOption", state: "state", option: "option-2" });
    s = edit(s, { kind: "removeEnding", ending: "ending" });
    s = edit(s, { kind: "removeState", state: "state-2" });
    s = edit(s, { kind: "removeState", state: "state" });
    expect(codes(s)).toEqual(before);
    expect(readForm(s)?.states.map((st) => st.id)).toEqual(["opening", "calm-end", "lost-end"]);
    expect(s).toContain("# The first thing the customer says.");
    expect(s).toContain("languages: [en] # English first");
  });

  it("adds a state with the blank lines the file already puts between states", () => {
    const after = edit(courier, { kind: "insertState", branch: branch("opening", "blame-the-courier") });
    expect(after.split("\n").filter((l) => l === "          target: state")).toHaveLength(1);
    expect(after).toContain("\n\n    state:\n      meta:\n");
    expect(codes(after)).toEqual(codes(courier));
  });

  it("refuses what would break the scenario, with a reason", () => {
    const refused = (change: FormEdit) => (applyFormEdit(commented, change, texts) as Refusal).refused;
    expect(refused({ kind: "removeState", state: "opening" })).toBe("refused.initial");
    expect(refused({ kind: "removeState", state: "calm-end" })).toBe("refused.stillReached");
    expect(refused({ kind: "removeEnding", ending: "calmed" })).toBe("refused.stillReached");
    expect(refused({ kind: "removeBranch", state: "opening", option: "argue", index: 0 })).toBe(
      "refused.lastBranch",
    );
    expect((applyFormEdit("a: [", { kind: "addOption", state: "x" }, texts) as Refusal).refused).toBe(
      "refused.notYaml",
    );
    const one = edit(commented, { kind: "removeOption", state: "opening", option: "argue" });
    expect(
      (applyFormEdit(one, { kind: "removeOption", state: "opening", option: "listen" }, texts) as Refusal)
        .refused,
    ).toBe("refused.lastOption");
    expect((applyFormEdit(commented, { kind: "addOption", state: "opening" }, texts) as Edited).open).toBe(
      "opening",
    );
  });

  it("makes ids that are unique and valid", () => {
    expect(uniqueId("state", [])).toBe("state");
    expect(uniqueId("state", ["state", "state-2"])).toBe("state-3");
    expect(uniqueId("9 Bad Name!", [])).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("renames a state with everything that names it, and an ending with its final states", () => {
    const renamed = edit(commented, { kind: "renameState", state: "opening", to: "greeting" });
    expect(renamed).toContain("initial: greeting");
    expect(renamed).toContain("    # The first thing the customer says.\n    greeting:\n");
    expect(codes(renamed)).toEqual(codes(commented));
    const happy = edit(commented, { kind: "renameState", state: "calm-end", to: "thanked" });
    expect(happy).toContain("target: thanked # the happy path");
    expect(happy).not.toContain("calm-end");
    expect(codes(happy)).toEqual(codes(commented));
    const ending = edit(commented, { kind: "renameEnding", ending: "walked-out", to: "gone" });
    expect(ending).toContain("  gone:\n    outcome: lost-quietly");
    expect(ending).toContain("ending: gone }");
    expect(codes(ending)).toEqual(codes(commented));
    // Only the renamed key and the lines that name it change.
    const { removed } = changedLines(commented, ending);
    expect(removed.length).toBeLessThanOrEqual(
      commented.split("\n").findIndex((l) => l.includes("ending: walked-out")) -
        commented.split("\n").findIndex((l) => l.startsWith("  walked-out:")) +
        1,
    );
    const refused = (change: FormEdit) => (applyFormEdit(commented, change, texts) as Refusal).refused;
    expect(refused({ kind: "renameState", state: "opening", to: "lost-end" })).toBe("refused.idTaken");
    expect(refused({ kind: "renameState", state: "opening", to: "Opening 2" })).toBe("refused.badId");
    expect(refused({ kind: "renameEnding", ending: "calmed", to: "walked-out" })).toBe("refused.idTaken");
  });
});
