import { describe, expect, it } from "vitest";
import { clampLines } from "./clampLines";

describe("clampLines", () => {
  it("cuts a long option label at a word and marks the cut with an ellipsis", () => {
    const lines = ["Sorry to hear that.", "Merino must never go in a", "washing machine."];
    expect(clampLines(lines, 2)).toEqual(["Sorry to hear that.", "Merino must never go in…"]);
  });

  it("leaves text that fits alone", () => {
    expect(clampLines(["Tell me more."], 2)).toEqual(["Tell me more."]);
    expect(clampLines(["One", "Two"], 2)).toEqual(["One", "Two"]);
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(clampLines(["I hear you, I", "really do."], 1)).toEqual(["I hear you…"]);
  });
});
