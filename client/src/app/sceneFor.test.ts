import { describe, expect, it } from "vitest";
import { sceneFor } from "./sceneFor";

describe("the phase → scene router", () => {
  it("sends every role to the debrief when the scenario ends, and to its own scene otherwise", () => {
    for (const role of ["trainee", "projector", "trainer"] as const) {
      expect(sceneFor({ role, phase: "debrief" })).toBe("debrief");
      for (const phase of ["lobby", "deciding", "voting", "closed", "revealed"] as const)
        expect(sceneFor({ role, phase })).toBe(role);
    }
  });
});
