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
});
