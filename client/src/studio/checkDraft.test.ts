import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "@hotseat/shared";
import { draftChecker } from "./checkDraft";

const flagship = readFileSync(
  join(import.meta.dirname, "../../../scenarios/ruined-hat/scenario.yaml"),
  "utf8",
);

describe("checking a draft on every keystroke", () => {
  it("reuses the path analysis while only a text changed, and says what loadScenario says", () => {
    const check = draftChecker("ruined-hat.yaml");
    const first = check(flagship);
    const typed = flagship.replace(/(\n\s+line:\n\s+en: ")/, "$1Well, ");
    expect(typed).not.toBe(flagship);
    const second = check(typed);
    expect(second.analysis).toBe(first.analysis);
    expect(second.diagnostics).toEqual(loadScenario(typed, "ruined-hat.yaml").diagnostics);
  });

  it("analyses again when a target, a guard or an effect changed", () => {
    const check = draftChecker("ruined-hat.yaml");
    const first = check(flagship);
    const moved = flagship.replace(/mood: (-?\d+)/, (_, n: string) => `mood: ${Number(n) + 1}`);
    expect(moved).not.toBe(flagship);
    const second = check(moved);
    expect(second.analysis).not.toBe(first.analysis);
    expect(second.diagnostics).toEqual(loadScenario(moved, "ruined-hat.yaml").diagnostics);
  });
});
