import { describe, expect, it } from "vitest";
import { compileScenario } from "./compileScenario";
import { toDot, toMermaid, toSvg } from "./scenarioMap";
import { hatScenario } from "./testFixtures";

const compiled = compileScenario(hatScenario());

// Enough XML checking for generated SVG: every tag closes in order and no raw `<` or `&` leaks out.
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose === "/") continue;
    if (close === "/") {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? "");
  }
  const text = svg.replace(/<[^>]*>/g, "");
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;|#39;)/.test(text) && !text.includes("<");
}

describe("scenario maps", () => {
  it("draws a Mermaid flowchart with the customer's lines, option labels and coloured endings", () => {
    const m = toMermaid(compiled);
    expect(m.startsWith("flowchart TD\n")).toBe(true);
    expect(m).toContain('n0["opening: “Your crap hat fell apart!”"]');
    expect(m).toContain('n0 -->|"Tell me what happened."| n1');
    expect(m).toContain('n0 -->|"The label says hand wash only. [mood #lt; 15]"| n8');
    expect(m).toContain('n4 -.->|"if mood ≥ 60"| n5');
    expect(m).toContain('n5(["delighted: “You are wonderful!”"])');
    expect(m).toContain("class n8 public_adversary");
  });

  it("uses the requested language", () => {
    expect(toMermaid(compiled, "pl")).toContain("Co się stało?");
  });

  it("escapes quotes and markup in labels", () => {
    const s = hatScenario();
    const opening = s.machine.states["opening"];
    if (opening !== undefined) opening.meta.line = 'She says "a <b>#1</b> | shop"';
    const c = compileScenario(s);
    const m = toMermaid(c);
    expect(m).toContain("#quot;a #lt;b#gt;#35;1#lt;/b#gt; #124; shop#quot;");
    expect(toDot(c)).toContain('She says \\"a <b>#1</b> | shop\\"');
    expect(toSvg(c)).toContain("She says &quot;a &lt;b&gt;#1&lt;/b&gt; | shop&quot;");
  });

  it("writes a DOT graph with dashed automatic checks", () => {
    const d = toDot(compiled);
    expect(d).toContain('"opening" -> "details" [label="Tell me what happened."];');
    expect(d).toContain('"check" -> "satisfied" [label="otherwise", style=dashed];');
  });

  it("draws a well-formed SVG with one box per state and one arrow per branch", () => {
    const svg = toSvg(compiled);
    expect(wellFormed(svg)).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(Object.keys(compiled.scenario.machine.states).length);
    expect(svg.match(/<path d=/g)).toHaveLength(13);
    expect(svg).toContain(">Tell me what happened.</text>");
  });
});
