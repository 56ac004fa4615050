import { describe, expect, it } from "vitest";
import { en } from "./en";
import { catalogs, pickLocale, t, uiLocales } from "./t";

describe("i18n", () => {
  it("has every key in every language, none empty", () => {
    for (const locale of uiLocales) {
      const catalog = catalogs[locale];
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("keeps the same placeholders in every translation, so no value goes missing", () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const locale of uiLocales)
      for (const [key, text] of Object.entries(en))
        expect(holes(catalogs[locale][key as keyof typeof en]), `${locale} ${key}`).toEqual(holes(text));
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
