import { describe, expect, it } from "vitest";
import { diagnoseSchema } from "./diagnoseSchema";
import { broken, lateParcelYaml, positionOf } from "./loadFixtures";
import { parseScenarioText } from "./parseScenarioText";
import { antiPatterns, goodTechniques } from "./vocabulary";

function schemaDiagnostics(text: string) {
  const parsed = parseScenarioText(text, "late.yaml");
  expect(parsed.diagnostics).toEqual([]);
  return diagnoseSchema(parsed.data, parsed.positions, "late.yaml").diagnostics;
}

describe("diagnoseSchema", () => {
  it("accepts the valid fixture and returns the typed scenario", () => {
    const parsed = parseScenarioText(lateParcelYaml, "late.yaml");
    const result = diagnoseSchema(parsed.data, parsed.positions, "late.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.endings["calmed"]?.outcome).toBe("kept");
  });

  it("points a missing required field at the block that lacks it (HS002)", () => {
    const text = broken("        emotion: fear\n", "");
    const [d] = schemaDiagnostics(text);
    expect(d).toMatchObject({ code: "HS002", ...positionOf(text, "meta:\n        line: { en: Where") });
    expect(d?.message).toBe(
      '"meta" of state "opening" is missing "emotion". Pick one of: regret, anger, disappointment, fear, calm, pleased, delighted, contempt.',
    );
  });

  it("reports a missing top-level field at the start of the file", () => {
    const [d] = schemaDiagnostics(broken("audience: B2C\n", ""));
    expect(d).toMatchObject({ code: "HS002", line: 1, column: 1 });
    expect(d?.message).toMatch(/missing "audience"\. Write B2C .* or B2B/);
  });

  it("points a wrongly typed value at the value and says what it should be (HS002)", () => {
    const text = broken("  mood: 40", "  mood: forty");
    const [d] = schemaDiagnostics(text);
    expect(d).toMatchObject({ code: "HS002", ...positionOf(text, "forty") });
    expect(d?.message).toBe('"meters.mood" should be a number, but it is the text "forty".');
  });

  it("explains a text given as a list as needing text or a map of languages", () => {
    const text = broken("  name: Marek", "  name: [Marek]");
    const [d] = schemaDiagnostics(text);
    expect(d).toMatchObject({ code: "HS002", ...positionOf(text, "[Marek]") });
    expect(d?.message).toMatch(/"persona\.name" should be text/);
  });

  it("names an unknown field at its key and suggests the field meant (HS002)", () => {
    const text = broken("- target: checking", "- targt: checking");
    const [d] = schemaDiagnostics(text);
    expect(d).toMatchObject({ code: "HS002", ...positionOf(text, "targt") });
    expect(d?.message).toMatch(/Option "blame-courier" \(branch 2\) in state "opening" has a field "targt"/);
    expect(d?.message).toMatch(/Did you mean "target"\?/);
  });

  it('says where an option written outside "on:" belongs', () => {
    const text = broken(
      "        ending: calmed\n",
      "        ending: calmed\n      thank-you:\n        target: gone\n",
    );
    const [d] = schemaDiagnostics(text);
    expect(d).toMatchObject({ code: "HS002", ...positionOf(text, "thank-you") });
    expect(d?.message).toMatch(
      /State "calm" has a field "thank-you".* it belongs under "on:" of its state\./,
    );
  });

  it("knows the techniques of the myths: taking ownership, rushing to fix, hiding behind procedure", () => {
    const text = broken("tags: [listens]", "tags: [takes-ownership, rushes-to-fix, hides-behind-procedure]");
    expect(schemaDiagnostics(text)).toEqual([]);
    expect(antiPatterns).toEqual(expect.arrayContaining(["rushes-to-fix", "hides-behind-procedure"]));
    expect(goodTechniques).toContain("takes-ownership");
  });

  // Tags may be declared by the scenario, so an unknown tag is diagnoseVocabulary's HS017 (see its tests).
  it("flags an unknown emotion as HS017 with a suggestion", () => {
    const listed = broken("emotion: contempt", "emotion: [contempt]");
    expect(schemaDiagnostics(listed)[0]?.message).toBe(
      '"meta.emotion" of state "gone" should be one of: regret, anger, disappointment, fear, calm, pleased, delighted, contempt, but it is a list.',
    );
    const emotion = broken("emotion: contempt", "emotion: contemptuous");
    expect(schemaDiagnostics(emotion)[0]).toMatchObject({
      code: "HS017",
      ...positionOf(emotion, "contemptuous"),
    });
  });

  it("explains a text split by an unquoted comma in a language map", () => {
    const text = broken(
      "title:\n  en: The late parcel\n  pl: Spóźniona paczka",
      "title: { en: The late parcel, pl: Zła, spóźniona paczka }",
    );
    const [d] = schemaDiagnostics(text);
    expect(d).toMatchObject({ code: "HS002", ...positionOf(text, "spóźniona paczka") });
    expect(d?.message).toMatch(/put the whole text in quotes/);
  });
});
