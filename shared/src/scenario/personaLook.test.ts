import { describe, expect, it } from "vitest";
import { diagnoseSchema } from "./diagnoseSchema";
import { broken, lateParcelYaml, positionOf } from "./loadFixtures";
import { parseScenarioText } from "./parseScenarioText";

const withLook = (look: string) =>
  broken("  customerType: anxious\n", `  customerType: anxious\n  look:\n${look}`);

function check(text: string) {
  const parsed = parseScenarioText(text, "late.yaml");
  expect(parsed.diagnostics).toEqual([]);
  return diagnoseSchema(parsed.data, parsed.positions, "late.yaml");
}

describe("persona.look in the scenario file", () => {
  it("is optional, and a full look is kept as written", () => {
    expect(check(lateParcelYaml).scenario?.persona.look).toBeUndefined();
    const text = withLook(
      [
        "    age: senior",
        "    gender: masculine",
        "    hair: balding",
        "    hairColour: grey",
        "    skin: olive",
        "    glasses: square",
        "    facialHair: moustache",
        "    clothes: cardigan",
        "    clothesColour: burgundy",
        "",
      ].join("\n"),
    );
    const result = check(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.persona.look).toEqual({
      age: "senior",
      gender: "masculine",
      hair: "balding",
      hairColour: "grey",
      skin: "olive",
      glasses: "square",
      facialHair: "moustache",
      clothes: "cardigan",
      clothesColour: "burgundy",
    });
  });

  it("flags a misspelt word as HS017 at the value and suggests the word meant", () => {
    const text = withLook("    hairColour: blond\n");
    const [d] = check(text).diagnostics;
    expect(d).toMatchObject({ code: "HS017", ...positionOf(text, "blond\n") });
    expect(d?.message).toMatch(/"blond" is not a known choice for "persona\.look\.hairColour"/);
    expect(d?.message).toMatch(/Did you mean "blonde"\?/);
    expect(d?.message).toMatch(/Use one of: black, dark-brown, brown, auburn, red, blonde, grey, white\./);
    const gender = withLook("    gender: female\n");
    expect(check(gender).diagnostics[0]).toMatchObject({ code: "HS017", ...positionOf(gender, "female") });
    expect(check(gender).diagnostics[0]?.message).toMatch(/Use one of: feminine, masculine\./);
  });

  it("explains a value of the wrong kind and an unknown field (HS002)", () => {
    const glasses = withLook("    glasses: true\n");
    expect(check(glasses).diagnostics[0]?.message).toMatch(
      /should be one of: none, round, square, but it is true/,
    );
    const typo = withLook("    facialhair: beard\n");
    const [d] = check(typo).diagnostics;
    expect(d).toMatchObject({ code: "HS002", ...positionOf(typo, "facialhair") });
    expect(d?.message).toMatch(
      /has a field "facialhair" that Hotseat does not know\. Did you mean "facialHair"\?/,
    );
    const notBlock = broken("  customerType: anxious\n", "  customerType: anxious\n  look: tall\n");
    expect(check(notBlock).diagnostics[0]).toMatchObject({ code: "HS002" });
    expect(check(notBlock).diagnostics[0]?.message).toMatch(
      /"persona\.look" should be a block of named fields/,
    );
  });
});
