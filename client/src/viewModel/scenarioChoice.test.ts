import { describe, expect, it } from "vitest";
import { followingScenario, missingLanguageWarning, scenarioChoiceLabel } from "./scenarioChoice";

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

describe("followingScenario", () => {
  const list = [
    { id: "ruined-hat", languages: ["en", "lt"], playable: true },
    { id: "agency-client", languages: ["en", "pl", "ro", "lt"], playable: true },
    { id: "broken", languages: ["en"], playable: false },
    { id: "late-courier", languages: ["en", "pl"], playable: true },
  ];

  it("is the next playable scenario in id order, as the server moves on, and warns when it lacks the class's language", () => {
    expect(followingScenario(list, "agency-client")?.id).toBe("late-courier");
    expect(followingScenario(list, "late-courier")?.id).toBe("ruined-hat");
    expect(followingScenario(list, "ruined-hat")).toBeUndefined();
    expect(followingScenario(list, undefined)).toBeUndefined();
    const next = followingScenario(list, "agency-client")!;
    expect(missingLanguageWarning(next, "lt")).toMatch(/^Šis scenarijus/);
    expect(missingLanguageWarning(next, "lt")).not.toContain("{");
    expect(missingLanguageWarning(next, "pl")).toBeUndefined();
  });
});
