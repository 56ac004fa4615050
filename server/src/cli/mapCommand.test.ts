import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "./cliIo";
import { guideExample, tempTree } from "./cliTestFixtures";
import { mapCommand } from "./mapCommand";

describe("hotseat map", () => {
  let root: string;
  let file: string;
  beforeAll(() => {
    root = tempTree({ "late-parcel/scenario.yaml": guideExample("example-scenario") });
    file = join(root, "late-parcel", "scenario.yaml");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("prints a Mermaid flowchart with every state and the responses as edges", async () => {
    const io = memoryIo();
    expect(await mapCommand.run([file], io)).toBe(0);
    const text = io.text();
    expect(text).toMatch(/^(flowchart|graph|stateDiagram)/);
    for (const state of ["opening", "upset", "checking", "relieved", "review", "refunded"]) {
      expect(text).toContain(state);
    }
    expect(text).toContain("Please calm down, madam.");
  });

  it("writes SVG and DOT files chosen by the extension of --out", async () => {
    const svg = join(root, "map.svg");
    const io = memoryIo();
    expect(await mapCommand.run([file, "--out", svg], io)).toBe(0);
    expect(io.lines).toEqual([`Wrote the svg map of ${file} to ${svg}.`]);
    expect(readFileSync(svg, "utf8")).toMatch(/<svg[\s\S]*<\/svg>/);

    const dot = join(root, "map.dot");
    expect(await mapCommand.run([file, "--out", dot], memoryIo())).toBe(0);
    expect(readFileSync(dot, "utf8")).toMatch(/digraph[\s\S]*opening[\s\S]*->/);

    const md = join(root, "map.md");
    expect(await mapCommand.run([file, "--out", md], memoryIo())).toBe(0);
    expect(readFileSync(md, "utf8")).toMatch(/^```mermaid\n[\s\S]*\n```\n$/);
  });

  it("refuses an unknown format without writing anything", async () => {
    const io = memoryIo();
    const out = join(root, "map.png");
    expect(await mapCommand.run([file, "--format", "png", "--out", out], io)).toBe(2);
    expect(io.errors[0]).toContain("--format must be one of mermaid, dot, svg");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an --out file whose extension it cannot write, listing the ones it can", async () => {
    const io = memoryIo();
    const out = join(root, "map.png");
    expect(await mapCommand.run([file, "--out", out], io)).toBe(2);
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
    const branches = tempTree({ "s/scenario.yaml": guarded });
    try {
      const io = memoryIo();
      expect(await mapCommand.run([join(branches, "s", "scenario.yaml")], io)).toBe(0);
      const apologies = io
        .text()
        .split("\n")
        .filter((l) => l.includes("I am so sorry"));
      expect(apologies).toHaveLength(2);
      expect(apologies.filter((l) => l.includes('… [mood #lt; 15]"|'))).toHaveLength(1);
    } finally {
      rmSync(branches, { recursive: true, force: true });
    }
  });
});
