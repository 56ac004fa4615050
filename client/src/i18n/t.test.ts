import { describe, expect, it } from "vitest";
import { en, type Message } from "./en";
import { catalogs, pickLocale, t, uiLocales } from "./t";

/** Every sentence of a message: the message itself, or each of its plural forms. */
const forms = (message: Message): string[] =>
  typeof message === "string" ? [message] : Object.values(message);

describe("i18n", () => {
  it("has every key in every language, none empty", () => {
    for (const locale of uiLocales) {
      const catalog = catalogs[locale];
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(catalog))
        for (const text of forms(message)) expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("keeps the same placeholders in every translation and plural form, so no value goes missing", () => {
    const holes = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
    for (const locale of uiLocales)
      for (const [key, message] of Object.entries(en)) {
        const expected = holes(forms(message)[0] ?? "");
        for (const text of forms(catalogs[locale][key as keyof typeof en]))
          expect(holes(text), `${locale} ${key}`).toEqual(expected);
      }
  });

  it("gives a counted message the form each language's plural rules ask for", () => {
    for (const locale of uiLocales) {
      const rules = new Intl.PluralRules(locale);
      for (const [key, message] of Object.entries(catalogs[locale])) {
        if (typeof message === "string") continue;
        // Every category the language uses has its own form, and `other` is always there.
        for (const category of rules.resolvedOptions().pluralCategories)
          expect(message[category], `${locale} ${key} ${category}`).toBeDefined();
      }
    }
    expect(t("trainer.splitTeams", { count: 1 }, "en")).toBe("Split into 1 team");
    expect(t("trainer.splitTeams", { count: 3 }, "en")).toBe("Split into 3 teams");
    expect(t("trainee.members", { count: 2 }, "pl")).toBe("2 osoby");
    expect(t("trainee.members", { count: 5 }, "pl")).toBe("5 osób");
    expect(t("trainee.members", { count: 22 }, "pl")).toBe("22 osoby");
    expect(t("projector.members", { count: 21 }, "lt")).toBe("21 dalyvis");
    expect(t("projector.members", { count: 10 }, "lt")).toBe("10 dalyvių");
    expect(t("trainer.splitTeams", { count: 20 }, "ro")).toBe("Împarte în 20 de echipe");
  });

  it("fills placeholders and translates into the chosen language", () => {
    expect(t("projector.votes", { count: 3, total: 7 }, "en")).toBe("3 of 7 voted");
    expect(t("projector.votes", { count: 3, total: 7 }, "pl")).toBe("Zagłosowało 3 z 7");
  });

  it("picks the browser's language when supported and English otherwise", () => {
    expect(pickLocale(["ro-RO", "en"])).toBe("ro");
    expect(pickLocale(["de-DE", "lt"])).toBe("lt");
    expect(pickLocale(["de-DE"])).toBe("en");
  });
});
