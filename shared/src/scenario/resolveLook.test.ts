import { describe, expect, it } from "vitest";
import { ageOf, genderOf, resolveLook } from "./resolveLook";

describe("resolveLook: a persona's look with defaults", () => {
  it("keeps every field the author wrote", () => {
    const look = resolveLook({
      persona: {
        name: "Marta",
        look: { hair: "bun", skin: "dark", glasses: "round", clothesColour: "teal" },
      },
    });
    expect(look).toMatchObject({ hair: "bun", skin: "dark", glasses: "round", clothesColour: "teal" });
  });

  it("gives the same persona the same look every time, and different names different looks", () => {
    const marta = { persona: { name: "Marta", description: "Bought a hat for herself." } };
    expect(resolveLook(marta)).toEqual(resolveLook(marta));
    const names = ["Marta", "Rimantas", "Robert", "Agnieszka", "Zbigniew", "Ioana", "Eglė", "Tomas"];
    const looks = new Set(names.map((name) => JSON.stringify(resolveLook({ persona: { name } }))));
    expect(looks.size).toBe(names.length);
  });

  it("takes the grammatical gender from the English description's pronouns, else the name's ending", () => {
    expect(genderOf("Alex", { en: "She chose the system and defended it.", pl: "Wybrała system." })).toBe(
      "feminine",
    );
    expect(genderOf("Kuba", "Proud of knowing his market; he is under pressure.")).toBe("masculine");
    expect(genderOf("Agnieszka")).toBe("feminine");
    expect(genderOf("Eglė")).toBe("feminine");
    expect(genderOf("Rimantas")).toBe("masculine");
    expect(resolveLook({ persona: { name: "Marta" } }).facialHair).toBe("none");
  });

  it("reads the age from the description, or from words such as retired", () => {
    expect(ageOf("Zbigniew", "A retired schoolteacher, 67, with a family plan.")).toBe("senior");
    expect(ageOf("Ola", "A student, 22, who bought her first laptop.")).toBe("young");
    expect(ageOf("Jan", "He is a 38-year-old plumber.")).toBe("adult");
    expect(ageOf("Jan", "Slept three hours in a 29-degree room; pays 180 EUR a night.")).not.toBe("young");
    expect(ageOf("Halina", "A pensioner who phones her grandchildren daily.")).toBe("senior");
    const senior = resolveLook({ persona: { name: "Zbigniew", description: "Retired, 67, proud." } });
    expect(senior.age).toBe("senior");
    expect(["grey", "white"]).toContain(senior.hairColour);
  });

  it("dresses a business client for business and a private customer casually", () => {
    const names = ["Robert", "Anna", "Piotr", "Ewa", "Darius", "Ioana"];
    for (const name of names) {
      expect(["suit", "blazer", "shirt"]).toContain(
        resolveLook({ persona: { name }, audience: "B2B" }).clothes,
      );
      expect(["suit", "blazer"]).not.toContain(resolveLook({ persona: { name }, audience: "B2C" }).clothes);
    }
  });
});
