import { describe, expect, it } from "vitest";
import { missingLanguageWarning, scenarioChoiceLabel } from "./scenarioChoice";

const hat = {
  id: "ruined-hat",
  title: { en: "The ruined hat", pl: "Zniszczona czapka" },
  estimatedMinutes: 20,
};

describe("a scenario in the library list", () => {
  it("shows the title and the estimated duration in the page's language", () => {
    expect(scenarioChoiceLabel(hat, "en")).toBe("The ruined hat · about 20 min");
    expect(scenarioChoiceLabel(hat, "pl")).toBe("Zniszczona czapka · ok. 20 min");
    expect(scenarioChoiceLabel(hat, "ro")).toBe("The ruined hat · cca 20 min");
    expect(scenarioChoiceLabel(hat, "lt")).toBe("The ruined hat · apie 20 min.");
  });

  it("shows only the title when the author gave no duration, and the id when there is no title", () => {
    expect(scenarioChoiceLabel({ id: "x", title: "Plain" }, "en")).toBe("Plain");
    expect(scenarioChoiceLabel({ id: "untitled" }, "en")).toBe("untitled");
  });

  it("shows the scenario's languages and warns before one the class cannot read in its language", () => {
    const twoLanguages = { ...hat, languages: ["en", "pl"] };
    expect(scenarioChoiceLabel(twoLanguages, "en")).toBe("The ruined hat · about 20 min · EN PL");
    expect(missingLanguageWarning(twoLanguages, "pl")).toBeUndefined();
    expect(missingLanguageWarning(twoLanguages, "lt")).toBe(
      "Šis scenarijus neturi versijos kalba: lietuvių. Grupė jį skaitytų kalba: anglų. Vis tiek pasirinkti?",
    );
    expect(missingLanguageWarning({}, "lt")).toBeUndefined();
  });
});
