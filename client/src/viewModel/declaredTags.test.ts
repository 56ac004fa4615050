import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/t";
import { debriefModel } from "./debriefModel";
import { choiceMark, tagBadge } from "./tagBadge";

describe("a scenario's declared tags on the screens", () => {
  const declaredTags = {
    "checks-tracking": { good: true, label: "Sprawdza śledzenie" },
    "promises-blindly": { good: false, label: "Obiecuje w ciemno" },
  };

  it("reads like built-in tags in the debrief: ✔ for good ones, ✖ for defences, named by the scenario", () => {
    setLocale("pl");
    const m = debriefModel({
      path: [
        {
          stepIndex: 0,
          optionId: "track",
          label: "Sprawdzę śledzenie.",
          decidedBy: "majority",
          tags: ["checks-tracking", "listens", "promises-blindly"],
          moodAfter: 40,
          costAfter: 30,
        },
      ],
      currency: "EUR",
      locale: "pl",
      declaredTags,
    });
    expect(m.steps[0]?.tags.map((b) => b.short)).toEqual([
      "✔ Sprawdza śledzenie",
      "✔ Słucha",
      "✖ Obiecuje w ciemno",
    ]);
    expect(m.techniques.map((c) => c.name)).toContain("Sprawdza śledzenie");
    expect(m.defences).toEqual([{ name: "Obiecuje w ciemno", count: 1 }]);
    setLocale("en");
  });

  it("warns (⚠) on an answer with a declared defence, and never lets a declaration rename a built-in tag", () => {
    expect(choiceMark(["checks-tracking", "promises-blindly"], declaredTags)).toBe("⚠");
    expect(choiceMark(["checks-tracking"], declaredTags)).toBe("✔");
    setLocale("en");
    expect(tagBadge("listens", { listens: { good: false, label: "Shadow" } }).text).toBe(
      "✔ Technique: Listens",
    );
  });
});
