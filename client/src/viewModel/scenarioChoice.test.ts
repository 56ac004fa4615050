import { describe, expect, it } from "vitest";
import { scenarioChoiceLabel } from "./scenarioChoice";

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
});
