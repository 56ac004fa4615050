import { describe, expect, it } from "vitest";
import type { Message } from "./en";
import { groupCatalogs, gt } from "./groupStrings";
import { setLocale, uiLocales } from "./t";

// The groups pages keep their words beside them (see groupStrings.ts): the same checks as the app's catalogues.
const forms = (message: Message): string[] =>
  typeof message === "string" ? [message] : Object.values(message);
const holes = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();

describe("the groups pages' words", () => {
  it("has every key in every language, none empty, with the same placeholders as English", () => {
    const en = groupCatalogs.en;
    for (const locale of uiLocales) {
      const catalog = groupCatalogs[locale];
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(catalog))
        for (const text of forms(message)) {
          expect(text.trim(), `${locale} ${key}`).not.toBe("");
          expect(holes(text), `${locale} ${key}`).toEqual(holes(forms(en[key as keyof typeof en])[0] ?? ""));
        }
    }
  });

  it("gives a counted message every plural form its language uses", () => {
    for (const locale of uiLocales) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(groupCatalogs[locale])) {
        if (typeof message === "string") continue;
        for (const category of categories)
          expect(message[category], `${locale} ${key} ${category}`).toBeDefined();
      }
    }
    setLocale("lt");
    expect(gt("groups.learnerCount", { count: 3 })).toBe("3 dalyviai");
    setLocale("pl");
    expect(gt("groups.learnerCount", { count: 5 })).toBe("5 uczestników");
    setLocale("en");
    expect(gt("groups.learnerCount", { count: 1 })).toBe("1 learner");
  });
});
