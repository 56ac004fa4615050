import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "./cliIo";
import { guideExample, useGuideScenario, useTempTrees } from "./cliTestFixtures";
import { pathsCommand } from "./pathsCommand";

describe("hotseat paths", () => {
  const example = useGuideScenario();
  const tree = useTempTrees();

  it("lists each ending with its outcome, path count and shortest path as labels", async () => {
    const io = memoryIo();
    expect(await pathsCommand.run([example.file], io)).toBe(0);
    const text = io.text();
    expect(text).toContain("7 distinct paths from the start to an ending; 8 states, 4 endings.");
    expect(text).toContain('angry-review — "A one-star review" (public-adversary): 1 path');
    expect(text).toContain('refund-only — "A refund and a lost customer" (lost-quietly): 2 paths');
    const review = text.slice(text.indexOf("angry-review —"));
    expect(review).toMatch(
      /shortest, 2 choices:\n +1\. Deliveries are the courier's job, not ours\. You'll have to call them\.\n +2\. I'm sorry\. Let me check your order after all\.\n +choices: \[blame-courier, apologise-and-check\]/,
    );
  });

  it("shows the best and worst outcomes for mood and for cost, and no loose ends", async () => {
    const io = memoryIo();
    await pathsCommand.run([example.file], io);
    const text = io.text();
    expect(text).toContain('Best for mood: mood 90/100, cost 19 EUR → "A party to remember" (ambassador)');
    expect(text).toContain(
      'Worst for mood: mood 10/100, cost 0 EUR → "A one-star review" (public-adversary)',
    );
    expect(text).toContain(
      'Most expensive: mood 35/100, cost 42 EUR → "A refund and a lost customer" (lost-quietly)',
    );
    expect(text).toContain("Endings never reached: none");
    expect(text).toContain("Dead ends (no response available): none");
  });

  it("warns when a path would push a meter past 100, naming the choices", async () => {
    const steep = guideExample("example-scenario").replace(
      "{ type: effect, params: { mood: 20, cost: { gift: 2 } } }",
      "{ type: effect, params: { mood: 40, cost: { gift: 2 } } }",
    );
    const dir = tree({ "s.yaml": steep });
    const io = memoryIo();
    expect(await pathsCommand.run([join(dir, "s.yaml")], io)).toBe(0);
    expect(io.text()).toContain(
      "The mood meter would reach 110 (it stops at 100) after: ask-order-number → send-express → add-card",
    );
  });

  it("names an ending no path reaches", async () => {
    const orphan = guideExample("example-scenario").replace(
      "endings:\n",
      "endings:\n  lost:\n    outcome: lost-quietly\n    title: Gone\n    debrief: She never came back.\n",
    );
    const dir = tree({ "s.yaml": orphan });
    const io = memoryIo();
    expect(await pathsCommand.run([join(dir, "s.yaml")], io)).toBe(0);
    expect(io.text()).toContain('lost — "Gone" (lost-quietly): 0 paths');
    expect(io.text()).toContain("Endings never reached: lost");
  });
});
