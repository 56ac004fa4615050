import { describe, expect, it } from "vitest";
import { analyzePaths } from "./analyzePaths";
import { compileScenario } from "./compileScenario";
import { generateScenario } from "./generateScenario";
import { scenarioSchema } from "./scenarioSchema";

describe("generateScenario", () => {
  it("writes a valid scenario of the requested size, the same for the same seed", () => {
    const s = generateScenario({ states: 120, seed: 9 });
    expect(scenarioSchema.parse(s)).toEqual(s);
    expect(Object.keys(s.machine.states)).toHaveLength(120);
    expect(generateScenario({ states: 120, seed: 9 })).toEqual(s);
    expect(generateScenario({ states: 120, seed: 10 })).not.toEqual(s);
  });

  it("gives every moment 2 to 4 options and makes every state and ending reachable", () => {
    const s = generateScenario({ states: 80, seed: 4 });
    for (const state of Object.values(s.machine.states)) {
      if (state.type === "final") continue;
      const count = Object.keys(state.on ?? {}).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(4);
    }
    const a = analyzePaths(compileScenario(s), { graphCheck: false });
    expect(a.unreachableStates).toEqual([]);
    expect(a.unreachableEndings).toEqual([]);
    expect(a.deadEnds).toEqual([]);
  });
});
