import { describe, expect, it } from "vitest";
import { hostileTexts, normalTextOfSize } from "./hostileTexts";
import { loadScenario } from "./loadScenario";

// The largest text POST /api/scenarios/check and trainer.selectScenario accept.
const maxSize = 200_000;

function timed(text: string) {
  const start = Date.now();
  const result = loadScenario(text, "f.yaml");
  return { ms: Date.now() - start, result };
}

describe("checking hostile texts", { timeout: 180_000 }, () => {
  it("reads each one as a few clear errors, in about the time a normal scenario of the same size takes", () => {
    const normal = timed(normalTextOfSize(maxSize));
    expect(normal.result.compiled).toBeDefined();
    for (const [name, text] of Object.entries(hostileTexts(maxSize))) {
      expect(text.length, name).toBeLessThanOrEqual(maxSize);
      const hostile = timed(text);
      expect(hostile.result.compiled, name).toBeUndefined();
      expect(hostile.result.diagnostics.length, name).toBeGreaterThan(0);
      // Syntax and shape problems are capped (20 lines, 100 problems, plus a count of the rest).
      if (name !== "every target misspelt") {
        expect(hostile.result.diagnostics.length, name).toBeLessThanOrEqual(101);
      }
      // Before, 12 KB of 'a: ["' lines took 11 s; a linear check stays within a few normal checks.
      // Generous on purpose (the machine may be busy): it catches quadratic work, not small drifts.
      expect(hostile.ms, `${name}: ${hostile.ms.toFixed(0)} ms vs ${normal.ms.toFixed(0)} ms`).toBeLessThan(
        4 * normal.ms + 1000,
      );
    }
  });
});
