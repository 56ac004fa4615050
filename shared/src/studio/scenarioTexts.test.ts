import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario";
import { lateParcelYaml } from "../scenario/loadFixtures";
import { scenarioTexts, setText } from "./scenarioTexts";
import { importTextsCsv, parseCsv, textsToCsv } from "./textsCsv";

// The fixture with comments, a plain text and a text missing its Polish, as trainers leave them.
const source = lateParcelYaml
  .replace("audience: B2C\n", "audience: B2C # who the customer is\n")
  .replace(
    "  hard:\n    en: The parcel before Friday\n    pl: Paczka przed piątkiem\n",
    "  # what he wants\n  hard: The parcel before Friday\n",
  )
  .replace(
    "debrief: { en: He will not order again., pl: Więcej nie zamówi. }",
    "debrief: { en: He will not order again. } # to translate",
  );

describe("scenarioTexts", () => {
  it("lists every text with its YAML path as id and its text per language", () => {
    const texts = scenarioTexts(source);
    const byId = new Map(texts.map((t) => [t.id, t]));
    expect(texts[0]).toMatchObject({ id: "title", texts: { en: "The late parcel", pl: "Spóźniona paczka" } });
    expect(byId.get("matter.hard")).toMatchObject({
      plain: true,
      texts: { en: "The parcel before Friday", pl: "The parcel before Friday" },
    });
    expect(byId.get("endings.lost.debrief")?.texts).toEqual({ en: "He will not order again." });
    expect(byId.get("machine.states.opening.meta.line")?.texts.pl).toBe("Gdzie jest moja paczka?");
    expect(byId.get("machine.states.opening.on.ask-order.meta.label")?.texts.en).toBe(
      "Let me check your order.",
    );
    expect(byId.has("values.0")).toBe(true);
  });
});

describe("setText", () => {
  it("writes one language of one text and keeps every comment and the rest of the file", () => {
    const next = setText(source, ["endings", "lost", "debrief"], "pl", "Więcej nie zamówi.");
    expect(next).toContain("# to translate");
    expect(next).toContain("audience: B2C # who the customer is");
    expect(next).toContain("  # what he wants");
    expect(scenarioTexts(next).find((t) => t.id === "endings.lost.debrief")?.texts).toEqual({
      en: "He will not order again.",
      pl: "Więcej nie zamówi.",
    });
    // Only that line differs.
    const changed = next.split("\n").filter((line, i) => line !== source.split("\n")[i]);
    expect(changed).toEqual([
      "    debrief: { en: He will not order again., pl: Więcej nie zamówi. } # to translate",
    ]);
  });

  it("edits a block map's line in place, and adds a missing language as a line at the same indent", () => {
    const retitled = setText(source, ["title"], "pl", "Paczka, która nie dotarła");
    const changed = retitled.split("\n").filter((line, i) => line !== source.split("\n")[i]);
    expect(changed).toEqual(['  pl: "Paczka, która nie dotarła"']);
    const missing = source.replace("  pl: Spóźniona paczka\n", "");
    expect(setText(missing, ["title"], "pl", "Spóźniona paczka")).toBe(source);
    // Clearing a text removes just its line.
    expect(setText(source, ["title"], "pl", "")).toBe(missing);
  });

  it("rewrites a folded block text in place, at its indent, and nothing else", () => {
    const folded = source.replace(
      '  pl: "Klient, którego paczka spóźnia się tydzień."\n',
      "  pl: >-\n    Klient, którego paczka\n    spóźnia się tydzień.\n",
    );
    const next = setText(folded, ["summary"], "pl", "Paczka klienta spóźnia się tydzień.");
    expect(next).toBe(
      folded.replace(
        "    Klient, którego paczka\n    spóźnia się tydzień.\n",
        "    Paczka klienta spóźnia się tydzień.\n",
      ),
    );
    const twoLines = setText(folded, ["summary"], "pl", "Pierwsza linia.\nDruga linia.");
    expect(twoLines).toContain("  pl: |-\n    Pierwsza linia.\n    Druga linia.\nlanguages:");
  });

  it("turns a plain text into a map that keeps it for the other languages", () => {
    const next = setText(source, ["matter", "hard"], "pl", "Paczka przed piątkiem");
    expect(scenarioTexts(next).find((t) => t.id === "matter.hard")).toMatchObject({
      plain: false,
      texts: { en: "The parcel before Friday", pl: "Paczka przed piątkiem" },
    });
    expect(next).toContain("  # what he wants");
    // The file still loads; the only note left is the debrief the fixture leaves untranslated.
    expect(loadScenario(next, "late.yaml").diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["HS011", next.split("\n").findIndex((l) => l.includes("to translate")) + 1],
    ]);
  });
});

describe("texts as CSV", () => {
  it("exports with a BOM, a header of languages, quoting where needed, and reads back the same cells", () => {
    const csv = textsToCsv(source);
    expect(csv.startsWith("\uFEFFid,en,pl\r\n")).toBe(true);
    expect(csv).toContain(
      'summary,A customer whose parcel is a week late.,"Klient, którego paczka spóźnia się tydzień."',
    );
    expect(csv).toContain("endings.lost.debrief,He will not order again.,\r\n");
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["id", "en", "pl"]);
    expect(rows.find((r) => r[0] === "summary")?.[2]).toBe("Klient, którego paczka spóźnia się tydzień.");
  });

  it("round-trips: importing the exported file changes nothing", () => {
    const result = importTextsCsv(source, textsToCsv(source));
    expect(result.changed).toEqual([]);
    expect(result.unknownIds).toEqual([]);
    expect(result.unknownLanguages).toEqual([]);
    expect(result.unchanged).toBeGreaterThan(20);
    expect(result.source).toBe(source);
  });

  it("writes the translator's changes and reports unknown ids and languages, keeping comments", () => {
    const csv = [
      "id;en;pl;de",
      'endings.lost.debrief;;"Więcej nie zamówi; nigdy."',
      'title;The late parcel;"Spóźniona ""paczka"""',
      "machine.states.nowhere.meta.line;x;y",
      "summary;A customer whose parcel is a week late.;",
    ].join("\n");
    const result = importTextsCsv(source, csv);
    expect(result.changed).toEqual([
      { id: "endings.lost.debrief", lang: "pl", to: "Więcej nie zamówi; nigdy." },
      { id: "title", lang: "pl", from: "Spóźniona paczka", to: 'Spóźniona "paczka"' },
    ]);
    expect(result.unchanged).toBe(2);
    expect(result.unknownIds).toEqual([{ row: 4, id: "machine.states.nowhere.meta.line" }]);
    expect(result.unknownLanguages).toEqual(["de"]);
    expect(result.source).toContain("# to translate");
    const texts = new Map(scenarioTexts(result.source).map((t) => [t.id, t.texts]));
    expect(texts.get("title")?.pl).toBe('Spóźniona "paczka"');
    expect(texts.get("endings.lost.debrief")?.pl).toBe("Więcej nie zamówi; nigdy.");
  });

  it("reads texts with line breaks, and refuses a file without an id column", () => {
    const csv = textsToCsv(setText(source, ["summary"], "en", 'Two lines,\nand a "quote".'));
    expect(importTextsCsv(source, csv).changed).toEqual([
      {
        id: "summary",
        lang: "en",
        from: "A customer whose parcel is a week late.",
        to: 'Two lines,\nand a "quote".',
      },
    ]);
    expect(importTextsCsv(source, "text,en\nx,y").problem).toBe("no-id-column");
    expect(importTextsCsv(source, "").problem).toBe("empty");
  });
});
