import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "./cliIo";
import { guideExample, useTempTrees } from "./cliTestFixtures";
import { testCommand } from "./testCommand";

describe("hotseat test", () => {
  const tree = useTempTrees();

  it("passes every plan of the guide's example, with the ending and meters each one reached", async () => {
    const root = tree({
      "late-parcel/scenario.yaml": guideExample("example-scenario"),
      "late-parcel/plans.yaml": guideExample("example-plans"),
    });
    const io = memoryIo();
    expect(await testCommand.run([root], io)).toBe(0);
    expect(io.lines).toContain(
      "  ✓ Acknowledge, act, add a small gesture  (delighted, mood 90, reputation 50, cost 19 EUR)",
    );
    expect(io.lines.filter((l) => l.startsWith("  ✓"))).toHaveLength(3);
    expect(io.lines.at(-1)).toBe("3 plans: 3 passed, 0 failed.");
  });

  it("marks a failing plan with ✗ and its reasons, and exits 1", async () => {
    const plans = guideExample("example-plans")
      .replace("mood: { min: 80 }", "mood: { min: 95 }")
      .replace("choices: [calm-down, apologise-and-check, refund]", "choices: [calm-down, refund]");
    const root = tree({
      "late-parcel/scenario.yaml": guideExample("example-scenario"),
      "late-parcel/plans.yaml": plans,
    });
    const io = memoryIo();
    expect(await testCommand.run([root], io)).toBe(1);
    const text = io.text();
    expect(text).toContain("  ✗ Acknowledge, act, add a small gesture  (delighted, mood 90");
    expect(text).toContain("      - mood ended at 90, expected at least 95");
    expect(text).toContain("  ✓ Blaming the courier cannot be repaired");
    expect(text).toMatch(
      /✗ A refund loses her quietly[^\n]*\n +- after choice 1 'calm-down', there is no option 'refund' in 'upset'/,
    );
    expect(io.lines.at(-1)).toBe("3 plans: 1 passed, 2 failed.");
  });

  it("cannot run plans of a broken scenario and says why; notes scenarios without plans", async () => {
    const root = tree({
      "broken/scenario.yaml": guideExample("example-scenario").replace(
        "initial: opening",
        "initial: opneing",
      ),
      "broken/plans.yaml": guideExample("example-plans"),
      "untested/scenario.yaml": guideExample("example-scenario"),
    });
    const io = memoryIo();
    expect(await testCommand.run([root], io)).toBe(1);
    const text = io.text();
    expect(text).toContain("error HS015");
    expect(text).toContain(
      `✗ ${join(root, "broken", "scenario.yaml")}: the scenario has errors, so its plans cannot run`,
    );
    expect(text).toContain(
      `- ${join(root, "untested", "scenario.yaml")}: no plans.yaml beside it, nothing to test`,
    );
    expect(io.lines.at(-1)).toBe("0 plans: 0 passed, 0 failed, 1 file could not run.");
  });
});
