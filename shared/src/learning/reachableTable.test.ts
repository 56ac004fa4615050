import { describe, expect, it } from "vitest";
import { compileScenario } from "../scenario/compileScenario";
import type { CompiledScenario } from "../scenario/compileScenario";
import { generateScenario } from "../scenario/generateScenario";
import { choose, optionsAt, startRun } from "../scenario/runScenario";
import { hatScenario } from "../scenario/testFixtures";
import { seededRandom } from "../session/prng";
import { ReachableFinder } from "./reachable";
import { ReachableTable } from "./reachableTable";

// Walks `walks` random runs to their end and, at every step, asks both the table and the exhaustive
// search what each open option still reaches: the two must agree everywhere.
function compareAlongWalks(compiled: CompiledScenario, walks: number, seed: number): number {
  const table = ReachableTable.of(compiled);
  expect(table).toBeDefined();
  const search = new ReachableFinder(compiled);
  const random = seededRandom(seed);
  let compared = 0;
  for (let w = 0; w < walks; w++) {
    let run = startRun(compiled);
    for (let options = optionsAt(compiled, run); options.length > 0; options = optionsAt(compiled, run)) {
      for (const option of options) {
        expect(table?.afterOption(run, option.id), `${run.stateId} → ${option.id}`).toEqual(
          search.afterOption(run, option.id),
        );
        compared++;
      }
      run = choose(compiled, run, (options[Math.floor(random() * options.length)] ?? options[0])!.id);
    }
  }
  return compared;
}

describe("ReachableTable", () => {
  it("agrees with the exhaustive search on the hat scenario", () => {
    expect(compareAlongWalks(compileScenario(hatScenario()), 30, 1)).toBeGreaterThan(30);
  });

  // The search is the slow side (that is why the table exists): small scenarios, a generous timeout.
  it(
    "agrees with the exhaustive search on generated scenarios with mood, tag, fact and visit guards",
    { timeout: 30_000 },
    () => {
      for (const seed of [2, 7, 11]) {
        const compiled = compileScenario(generateScenario({ states: 20, seed, guardRate: 0.5 }));
        expect(compareAlongWalks(compiled, 20, seed)).toBeGreaterThan(40);
      }
    },
  );

  it("is built once per compiled scenario", () => {
    const compiled = compileScenario(hatScenario());
    expect(ReachableTable.of(compiled)).toBe(ReachableTable.of(compiled));
  });

  it("declines a scenario whose choices loop back, which the search then answers", () => {
    const s = hatScenario();
    const grudging = s.machine.states["grudging"];
    if (grudging?.on === undefined) throw new Error("fixture changed");
    grudging.on["apologise"] = { target: "details", meta: { label: "Sorry." } };
    expect(ReachableTable.of(compileScenario(s))).toBeUndefined();
  });
});
