import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, suggestion } from "./didYouMean";

describe("didYouMean", () => {
  it("counts edits, with a swapped pair of letters as one", () => {
    expect(editDistance("calm", "calm")).toBe(0);
    expect(editDistance("calm", "clam")).toBe(1);
    expect(editDistance("listen", "listens")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests the closest name, ignoring letter case", () => {
    expect(didYouMean("clam", ["calm", "gone", "checking"])).toBe("calm");
    expect(didYouMean("Opening", ["opening", "closing"])).toBe("opening");
    expect(suggestion("efect", ["effect", "remember"])).toBe('Did you mean "effect"? ');
  });

  it("suggests nothing when no name is close", () => {
    expect(didYouMean("refund-everything", ["calm", "gone"])).toBeUndefined();
    expect(suggestion("xyz", [])).toBe("");
  });
});
