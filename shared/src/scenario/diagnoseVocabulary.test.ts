import { describe, expect, it } from "vitest";
import type { Diagnostic, DiagnosticCode } from "./diagnostic";
import { diagnoseScenario } from "./diagnoseScenario";
import { diagnoseSchema } from "./diagnoseSchema";
import { broken, lateParcelYaml, positionOf } from "./loadFixtures";
import { parseScenarioText } from "./parseScenarioText";

function diagnose(text: string): Diagnostic[] {
  const parsed = parseScenarioText(text, "late.yaml");
  const { scenario, diagnostics } = diagnoseSchema(parsed.data, parsed.positions, "late.yaml");
  if (!scenario) throw new Error(`the fixture must stay schema-valid: ${JSON.stringify(diagnostics)}`);
  return diagnoseScenario(scenario, parsed.positions, "late.yaml");
}

function only(diagnostics: Diagnostic[], code: DiagnosticCode): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return found[0]!;
}

/** The late-parcel fixture with its own vocabulary section before `endings:`. */
export function withVocabulary(section: string, text = lateParcelYaml): string {
  return broken("endings:\n", `${section}endings:\n`, text);
}

const declared = `vocabulary:
  tags:
    checks-tracking:
      kind: good
      label: { en: Checks the tracking, pl: Sprawdza śledzenie }
      skill: informing
    promises-blindly:
      kind: defence
      label: { en: Promises blindly, pl: Obiecuje w ciemno }
  costItems:
    courier:
      label: { en: Private courier, pl: Kurier prywatny }
      unit: { en: one trip, pl: jeden kurs }
`;

describe("diagnoseVocabulary", () => {
  it("accepts declared tags and cost items used like built-in ones", () => {
    const text = withVocabulary(
      declared,
      broken(
        "tags: [listens]",
        "tags: [listens, checks-tracking, promises-blindly]",
        broken("cost: { staffTime: 2 }", "cost: { staffTime: 2, courier: 30 }"),
      ),
    );
    expect(diagnose(text)).toEqual([]);
  });

  it("HS017: an undeclared tag points at the tag and suggests the nearest known one, built-in or declared", () => {
    const text = broken("tags: [listens]", "tags: [listen]");
    const d = only(diagnose(text), "HS017");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "listen]") });
    expect(d.message).toMatch(/Option "ask-order" .* uses the tag "listen", which is neither a built-in tag/);
    expect(d.message).toMatch(/Did you mean "listens"\?/);
    const own = withVocabulary(
      declared,
      broken("tags: [listens]", "tags: [check-tracking, promises-blindly]"),
    );
    expect(only(diagnose(own), "HS017").message).toMatch(/Did you mean "checks-tracking"\?/);
  });

  it("HS017: a said guard about a tag nobody declared", () => {
    const text = broken(
      "{ type: moodBelow, params: { value: 30 } }",
      "{ type: said, params: { tag: lisens } }",
    );
    const d = only(diagnose(text), "HS017");
    expect(d).toMatchObject(positionOf(text, "lisens"));
    expect(d.message).toMatch(/Did you mean "listens"\?/);
  });

  it("HS006: an undeclared cost item, with a suggestion", () => {
    const text = withVocabulary(
      declared,
      broken("cost: { staffTime: 2 }", "cost: { staffTime: 2, courir: 30 }"),
    );
    const d = only(diagnose(text), "HS006");
    expect(d).toMatchObject({ severity: "error", ...positionOf(text, "courir") });
    expect(d.message).toMatch(
      /charges "courir", which is neither a built-in cost item nor declared.*Did you mean "courier"\?/,
    );
  });

  it("HS021: a declaration that shadows a built-in tag or cost item is an error; an unused one a warning", () => {
    const shadow = withVocabulary(`vocabulary:
  tags:
    listens: { kind: good, label: Listens well }
  costItems:
    refund: { label: Money back }
`);
    const found = diagnose(shadow).filter((d) => d.code === "HS021");
    expect(found.map((d) => d.severity)).toEqual(["error", "error"]);
    expect(found[0]).toMatchObject(positionOf(shadow, "listens: { kind"));
    expect(found[0]?.message).toMatch(/already has a built-in tag of that name/);
    const unused = diagnose(withVocabulary(declared)).filter((d) => d.code === "HS021");
    expect(unused.map((d) => [d.severity, d.message.match(/"([^"]+)"/)?.[1]])).toEqual([
      ["warning", "checks-tracking"],
      ["warning", "promises-blindly"],
      ["warning", "courier"],
    ]);
  });
});
