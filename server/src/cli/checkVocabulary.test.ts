import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCommand } from "./checkCommand";
import { memoryIo } from "./cliIo";
import { guideExample, useTempTrees } from "./cliTestFixtures";
import { playCommand } from "./playCommand";

/** The README's example scenario with the README's vocabulary section, its words used by one option. */
function withOwnWords(tag = "checks-tracking"): string {
  return guideExample("example-scenario")
    .replace("endings:\n", `${guideExample("example-vocabulary")}endings:\n`)
    .replace("tags: [offers-solution, keeps-informed]", `tags: [offers-solution, keeps-informed, ${tag}]`)
    .replace("cost: { shipping: 15 }", "cost: { shipping: 15, courier: 30 }");
}

describe("hotseat check and play with a scenario's own vocabulary", () => {
  const tree = useTempTrees();

  it("passes the README's vocabulary example used by an option", async () => {
    const root = tree({ "late-parcel/scenario.yaml": withOwnWords() });
    const io = memoryIo();
    expect(await checkCommand.run([root], io)).toBe(0);
    expect(io.lines).toEqual([`${join(root, "late-parcel", "scenario.yaml")}: ok, 8 states, 4 endings`]);
  });

  it("fails on an undeclared tag with HS017 and the declared tag suggested", async () => {
    const text = withOwnWords("checks-trackng");
    const root = tree({ "late-parcel/scenario.yaml": text });
    const io = memoryIo();
    expect(await checkCommand.run([root], io)).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes("checks-trackng")) + 1;
    expect(io.text()).toMatch(new RegExp(`scenario\\.yaml:${line}:\\d+ +error HS017`));
    expect(io.text()).toContain('Did you mean "checks-tracking"?');
    expect(io.text()).toMatch(/warning HS021 .*"checks-tracking", but no option uses it/);
  });

  it("plays the declared tag and cost item by their labels", async () => {
    const root = tree({ "late-parcel/scenario.yaml": withOwnWords() });
    const io = memoryIo();
    const file = join(root, "late-parcel", "scenario.yaml");
    const path = "ask-order-number,send-express,1";
    expect(await playCommand.run([file, "--choices", path], io)).toBe(0);
    expect(io.text()).toContain("Checks the tracking");
  });
});
