import { describe, expect, it } from "vitest";
import { filterRoster } from "./trainerRosterPanel";

const roster = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, name: `Trainee ${i + 1}` }));

describe("console roster with a large class", () => {
  it("draws the first rows and says how many there are in all", () => {
    const { shown, matching } = filterRoster(roster, "");
    expect(shown.length).toBe(150);
    expect(shown[0]?.name).toBe("Trainee 1");
    expect(matching).toBe(1000);
  });

  it("finds a trainee far down the list by part of the name, in any case", () => {
    const { shown, matching } = filterRoster([...roster, { id: "z", name: "Zofia Nowak" }], "  zOFIA ");
    expect(shown.map((r) => r.id)).toEqual(["z"]);
    expect(matching).toBe(1);
    expect(filterRoster(roster, "Trainee 999").shown.map((r) => r.name)).toEqual(["Trainee 999"]);
    expect(filterRoster(roster, "nobody").matching).toBe(0);
  });
});
