import { describe, expect, it } from "vitest";
import { capitalize, describeWhere } from "./describePath";

describe("describeWhere", () => {
  it("names options, branches, automatic checks, states and endings the way the file shows them", () => {
    const state = ["machine", "states", "opening"];
    expect(describeWhere([...state, "on", "ask", "target"])).toBe(
      '"target" of option "ask" in state "opening"',
    );
    expect(describeWhere([...state, "on", "ask", 1, "actions", 0, "params", "mood"])).toBe(
      '"actions[1].params.mood" of option "ask" (branch 2) in state "opening"',
    );
    expect(describeWhere([...state, "always", 0, "guard"])).toBe(
      '"guard" of automatic check 1 of state "opening"',
    );
    expect(describeWhere([...state, "meta", "line"])).toBe('"meta.line" of state "opening"');
    expect(describeWhere(["endings", "kept", "debrief"])).toBe('"debrief" of ending "kept"');
    expect(describeWhere(["values", 2])).toBe('"values[3]"');
    expect(describeWhere([])).toBe("the file");
  });

  it("starts a sentence with a capital letter", () => {
    expect(capitalize(describeWhere(["machine", "states", "x"]))).toBe('State "x"');
  });
});
