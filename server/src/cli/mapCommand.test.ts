import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "./cliIo";
import { guideExample, useGuideScenario, useTempTrees } from "./cliTestFixtures";
import { mapCommand } from "./mapCommand";

describe("hotseat map", () => {
  const example = useGuideScenario();
  const tree = useTempTrees();

  it("prints a Mermaid flowchart with every state and the responses as edges", async () => {
    const io = memoryIo();
    expect(await mapCommand.run([example.file], io)).toBe(0);
    const text = io.text();
    expect(text).toMatch(/^(flowchart|graph|stateDiagram)/);
    for (const state of ["opening", "upset", "checking", "relieved", "review", "refunded"]) {
      expect(text).toContain(state);
    }
    expect(text).toContain("Please calm down, madam.");
  });

  it("writes SVG and DOT files chosen by the extension of --out", async () => {
    const svg = join(example.root, "map.svg");
    const io = memoryIo();
    expect(await mapCommand.run([example.file, "--out", svg], io)).toBe(0);
    expect(io.lines).toEqual([`Wrote the svg map of ${example.file} to ${svg}.`]);
    expect(readFileSync(svg, "utf8")).toMatch(/<svg[\s\S]*<\/svg>/);

    const dot = join(example.root, "map.dot");
    expect(await mapCommand.run([example.file, "--out", dot], memoryIo())).toBe(0);
    expect(readFileSync(dot, "utf8")).toMatch(/digraph[\s\S]*opening[\s\S]*->/);

    const md = join(example.root, "map.md");
    expect(await mapCommand.run([example.file, "--out", md], memoryIo())).toBe(0);
    expect(readFileSync(md, "utf8")).toMatch(/^```mermaid\n[\s\S]*\n```\n$/);
  });

  it("refuses an unknown format without writing anything", async () => {
    const io = memoryIo();
    const out = join(example.root, "map.png");
    expect(await mapCommand.run([example.file, "--format", "png", "--out", out], io)).toBe(2);
    expect(io.errors[0]).toContain("--format must be one of mermaid, dot, svg");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an --out file whose extension it cannot write, listing the ones it can", async () => {
    const io = memoryIo();
    const out = join(example.root, "map.png");
    expect(await mapCommand.run([example.file, "--out", out], io)).toBe(2);
    expect(io.errors[0]).toContain('cannot write a ".png" file');
    for (const ext of [".svg", ".md", ".mmd", ".dot"]) expect(io.errors[0]).toContain(ext);
    expect(existsSync(out)).toBe(false);
  });

  it("keeps the guard note of a long option label, so two branches of one option differ", async () => {
    const long = "I am so sorry, that was not fair of me. Let me look up your order right now, after all.";
    const guarded = guideExample("example-scenario").replace(
      "I'm sorry. Let me check your order after all.",
      long,
    );
    const branches = tree({ "s/scenario.yaml": guarded });
    const io = memoryIo();
    expect(await mapCommand.run([join(branches, "s", "scenario.yaml")], io)).toBe(0);
    const apologies = io
      .text()
      .split("\n")
      .filter((l) => l.includes("I am so sorry"));
    expect(apologies).toHaveLength(2);
    expect(apologies.filter((l) => l.includes('… [mood #lt; 15]"|'))).toHaveLength(1);
  });
});
