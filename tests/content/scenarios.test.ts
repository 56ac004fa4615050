import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyzePaths,
  choose,
  formatDiagnostic,
  loadScenario,
  loadTestPlans,
  optionsAt,
  runTestPlans,
  startRun,
} from "@hotseat/shared";
import type { CompiledScenario } from "@hotseat/shared";

// Content checks over every shipped scenario: what a trainer relies on before a workshop.
const root = join(import.meta.dirname, "..", "..", "scenarios");
const ids = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const flagships = ["ruined-hat", "agency-client"];

function load(id: string): CompiledScenario {
  const file = join(root, id, "scenario.yaml");
  const result = loadScenario(readFileSync(file, "utf8"), file, { pathLimit: Infinity });
  const problems = result.diagnostics.filter((d) => d.severity !== "info").map(formatDiagnostic);
  expect(problems, `${id} should check clean`).toEqual([]);
  if (result.compiled === undefined) throw new Error(`${id} did not compile`);
  return result.compiled;
}

it("ships at least six scenarios, the two flagships among them", () => {
  expect(ids.length).toBeGreaterThanOrEqual(6);
  for (const id of flagships) expect(ids).toContain(id);
});

describe.each(ids)("scenario %s", (id) => {
  const compiled = load(id);
  const endings = Object.keys(compiled.scenario.endings);

  it("has a persona, hard and soft matter and at least three endings", () => {
    const s = compiled.scenario;
    expect(s.persona.name.length).toBeGreaterThan(0);
    expect(s.matter.soft.length).toBeGreaterThan(0);
    expect(endings.length).toBeGreaterThanOrEqual(3);
  });

  it("passes its test plans (at least two)", () => {
    const file = join(root, id, "plans.yaml");
    const loaded = loadTestPlans(readFileSync(file, "utf8"), file, compiled);
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    const plans = loaded.plans!;
    expect(plans.plans.length).toBeGreaterThanOrEqual(2);
    const failed = runTestPlans(compiled, plans).filter((r) => !r.passed);
    expect(failed.map((r) => `${r.name}: ${r.failures.join("; ")}`)).toEqual([]);
  });

  it("reaches every ending and has no dead end, by path analysis and by @xstate/graph", () => {
    const analysis = analyzePaths(compiled, { limit: Infinity });
    expect(analysis.truncated).toBe(false);
    expect(analysis.unreachableEndings).toEqual([]);
    expect(analysis.deadEnds).toEqual([]);
    expect(analysis.meterExcursions).toEqual([]);
    const reached = analysis.graphCheck!;
    expect(reached.error).toBeUndefined();
    expect(reached.reached.map((r) => r.endingId).sort()).toEqual([...endings].sort());
  });

  it("never offers a choice that leads nowhere: every shortest path replays to its ending", () => {
    const analysis = analyzePaths(compiled, { graphCheck: false, limit: Infinity });
    for (const ending of analysis.endings) {
      let run = startRun(compiled);
      for (const option of ending.shortest) {
        expect(optionsAt(compiled, run).map((o) => o.id)).toContain(option);
        run = choose(compiled, run, option);
      }
      expect(run.ended).toBe(true);
      expect(run.endingId).toBe(ending.id);
    }
  });
});

describe.each(flagships)("flagship %s", (id) => {
  const compiled = load(id);
  const states = Object.values(compiled.scenario.machine.states);
  const decisions = states.filter((s) => s.type !== "final" && Object.keys(s.on ?? {}).length > 0);

  it("is deep: 8+ decision points, 4 options on most, 5+ endings", () => {
    expect(decisions.length).toBeGreaterThanOrEqual(8);
    const withFour = decisions.filter((s) => Object.keys(s.on ?? {}).length >= 4);
    expect(withFour.length * 2).toBeGreaterThan(decisions.length);
    expect(Object.keys(compiled.scenario.endings).length).toBeGreaterThanOrEqual(5);
  });

  it("ships in English, Polish, Romanian and Lithuanian", () => {
    expect([...compiled.scenario.languages].sort()).toEqual(["en", "lt", "pl", "ro"]);
  });

  it("takes at least eight decisions on its longest path to an ending", () => {
    const analysis = analyzePaths(compiled, { graphCheck: false, limit: Infinity });
    const longest = Math.max(
      ...[analysis.best.byMood, analysis.worst.byMood, analysis.best.byCost, analysis.worst.byCost].map(
        (p) => p?.path.length ?? 0,
      ),
    );
    expect(longest).toBeGreaterThanOrEqual(8);
  });
});
