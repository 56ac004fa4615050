import { readFileSync } from "node:fs";
import { loadScenario } from "@hotseat/shared";
import { describe, expect, it } from "vitest";
import { bestPathOf } from "./bestPath";

describe("best path for the debrief", () => {
  it("lists the flagship's best path as labels a trainee recognises, ending with a good mood", () => {
    const file = new URL("../../../scenarios/ruined-hat/scenario.yaml", import.meta.url);
    const loaded = loadScenario(readFileSync(file, "utf8"), "scenario.yaml");
    const best = bestPathOf(loaded.scenario, "en");
    expect(best?.labels.length).toBeGreaterThan(1);
    expect(best?.labels.every((l) => l.length > 3 && !/^[a-z-]+$/.test(l))).toBe(true);
    expect(best?.mood).toBeGreaterThanOrEqual(60);
  });

  it("gives nothing for something that is not a scenario", () => {
    expect(bestPathOf({ nonsense: true }, "en")).toBeUndefined();
  });
});
