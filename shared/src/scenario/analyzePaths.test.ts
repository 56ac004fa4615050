import { describe, expect, it } from "vitest";
import { analyzePaths } from "./analyzePaths";
import { compileScenario } from "./compileScenario";
import { generateScenario } from "./generateScenario";
import { choose, startRun } from "./runScenario";
import { totalCost } from "./runContext";
import type { Scenario } from "./scenarioSchema";
import { hatScenario } from "./testFixtures";

describe("analyzePaths on the hand-counted hat scenario", () => {
  const analysis = analyzePaths(compileScenario(hatScenario()));

  it("counts the paths to each ending and finds the shortest ones", () => {
    expect(analysis.endings.map((e) => [e.id, e.pathCount])).toEqual([
      ["ambassador", 2],
      ["kept", 1],
      ["neutral", 2],
      ["public", 3],
      ["lost", 0],
    ]);
    expect(analysis.distinctPaths).toBe(8);
    expect(analysis.endings.find((e) => e.id === "public")?.shortest).toEqual(["quote-the-label", "insist"]);
    expect(analysis.endings.find((e) => e.id === "kept")?.shortest).toEqual([
      "quote-the-label",
      "apologise",
      "acknowledge",
      "replace",
    ]);
  });

  it("reports the never-reached ending and no dead ends or unreachable states", () => {
    expect(analysis.unreachableEndings).toEqual(["lost"]);
    expect(analysis.unreachableStates).toEqual([]);
    expect(analysis.deadEnds).toEqual([]);
  });

  it("finds the best and worst outcomes by mood and by cost", () => {
    expect(analysis.best.byMood).toEqual({
      path: ["ask-what-happened", "acknowledge", "thank"],
      mood: 100,
      cost: 3,
      endingId: "ambassador",
    });
    expect(analysis.worst.byMood).toMatchObject({ path: ["quote-the-label", "insist"], mood: 0 });
    expect(analysis.best.byCost).toMatchObject({ path: ["quote-the-label", "insist"], cost: 0 });
    expect(analysis.worst.byCost).toEqual({
      path: ["ask-what-happened", "acknowledge", "refund"],
      mood: 45,
      cost: 63,
      endingId: "neutral",
    });
  });

  it("reports unclamped meter excursions with the choices that cause them", () => {
    expect(analysis.meterExcursions).toEqual([
      { meter: "mood", value: 110, path: ["ask-what-happened", "acknowledge", "thank"] },
      { meter: "mood", value: -30, path: ["quote-the-label", "apologise", "blame-courier", "insist"] },
    ]);
  });

  it("agrees with an independent @xstate/graph traversal of the machine", () => {
    const check = analysis.graphCheck;
    expect(check?.error).toBeUndefined();
    expect(check?.reached.map((r) => r.endingId).sort()).toEqual(["ambassador", "kept", "neutral", "public"]);
  });
});

function withDeadEnd(): Scenario {
  const s = hatScenario();
  const grudging = s.machine.states["grudging"];
  // Without `insist`, a trainee who visited details and then blamed the courier is stuck.
  if (grudging?.on !== undefined) delete grudging.on["insist"];
  return s;
}

describe("analyzePaths on flawed and looping scenarios", () => {
  it("names a state where some path leaves no option", () => {
    const a = analyzePaths(compileScenario(withDeadEnd()));
    expect(a.deadEnds).toEqual(["grudging"]);
  });

  it("counts paths without repeating a situation when choices loop back", () => {
    const s = hatScenario();
    const grudging = s.machine.states["grudging"];
    if (grudging?.on !== undefined)
      grudging.on["apologise"] = { target: "details", meta: { label: "Sorry." } };
    const a = analyzePaths(compileScenario(s));
    expect(a.loops).toBe(true);
    expect(a.distinctPaths).toBeGreaterThan(0);
    expect(a.unreachableEndings).toEqual(["lost"]);
  });
});

describe("analyzePaths when a loop keeps adding cost", () => {
  it("stops exploring, says so, and still finds the shortest path to each ending", () => {
    const s = hatScenario();
    const grudging = s.machine.states["grudging"];
    const offer = s.machine.states["offer"];
    if (grudging?.on === undefined || offer?.on === undefined) throw new Error("fixture changed");
    grudging.on["apologise"] = {
      target: "details",
      actions: [{ type: "effect", params: { cost: { staffTime: 1 } } }],
      meta: { label: "Sorry." },
    };
    offer.on["refund"] = { ...offer.on["refund"], guard: { type: "costAtMost", params: { value: 30 } } };
    const a = analyzePaths(compileScenario(s), { graphCheck: false });
    expect(a.truncated).toBe(true);
    expect(a.endings.map((e) => e.shortest.length)).toEqual([3, 4, 3, 2, 0]);
  });
});

describe("analyzePaths on generated scenarios", () => {
  it("matches path-by-path enumeration on a 40-state scenario", () => {
    const compiled = compileScenario(generateScenario({ states: 40, seed: 7, guardRate: 0.4 }));
    const dp = analyzePaths(compiled, { graphCheck: false });
    const walk = analyzePaths(compiled, { graphCheck: false, method: "enumerate" });
    expect(dp.endings).toEqual(walk.endings);
    expect(dp.distinctPaths).toBe(walk.distinctPaths);
    for (const k of ["best", "worst"] as const) {
      expect(dp[k].byMood?.mood).toBe(walk[k].byMood?.mood);
      expect(dp[k].byCost?.cost).toBe(walk[k].byCost?.cost);
    }
    expect(dp.meterExcursions.map((e) => e.value)).toEqual(walk.meterExcursions.map((e) => e.value));
  });

  it("reports paths that the run API reproduces exactly", () => {
    const compiled = compileScenario(generateScenario({ states: 60, seed: 3 }));
    const a = analyzePaths(compiled, { graphCheck: false });
    for (const summary of [a.best.byMood, a.worst.byMood, a.best.byCost, a.worst.byCost]) {
      expect(summary).not.toBeNull();
      if (summary === null) continue;
      const run = summary.path.reduce((r, option) => choose(compiled, r, option), startRun(compiled));
      expect([run.endingId, run.meters.mood, totalCost(run.ledger)]).toEqual([
        summary.endingId,
        summary.mood,
        summary.cost,
      ]);
    }
  });

  it(
    "analyses a 200-state scenario, with every reachable ending confirmed by @xstate/graph",
    { timeout: 60_000 },
    () => {
      const compiled = compileScenario(generateScenario({ states: 200 }));
      const a = analyzePaths(compiled);
      expect(a.truncated).toBe(false);
      expect(a.distinctPaths).toBeGreaterThan(1e6);
      const reached = a.endings.filter((e) => e.pathCount > 0).map((e) => e.id);
      expect(a.graphCheck?.error).toBeUndefined();
      expect(a.graphCheck?.reached.map((r) => r.endingId).sort()).toEqual([...reached].sort());
      for (const e of a.endings.filter((x) => x.pathCount > 0)) {
        const run = e.shortest.reduce((r, option) => choose(compiled, r, option), startRun(compiled));
        expect(run.endingId).toBe(e.id);
      }
    },
  );
});
