import { localize } from "@hotseat/shared";
import type { Localized } from "@hotseat/shared";
import { t } from "../i18n/t";
import type { UiLocale } from "../i18n/t";

/** A library scenario as the home page and the console list it. */
export type ScenarioChoice = {
  id: string;
  title?: Localized;
  estimatedMinutes?: number;
  languages?: readonly string[];
};

/**
 * The text of a scenario in a library list: its title in the page's language and, when the author gave
 * one, how long it takes, and its languages ("The ruined hat · about 20 min · EN PL LT"), so a trainer can
 * fit it into the session and the class's language.
 */
export function scenarioChoiceLabel(choice: ScenarioChoice, locale: UiLocale): string {
  const title = localize(choice.title ?? choice.id, locale);
  // Its languages, so a trainer sees before choosing whether the class can read it in theirs.
  const languages = choice.languages?.length
    ? ` · ${choice.languages.map((l) => l.toUpperCase()).join(" ")}`
    : "";
  if (choice.estimatedMinutes === undefined) return `${title}${languages}`;
  return `${title} · ${t("home.minutes", { minutes: choice.estimatedMinutes }, locale)}${languages}`;
}

const languageNames: Record<string, Record<string, string>> = {
  en: { en: "English", pl: "Polish", ro: "Romanian", lt: "Lithuanian" },
  pl: { en: "angielski", pl: "polski", ro: "rumuński", lt: "litewski" },
  ro: { en: "engleză", pl: "poloneză", ro: "română", lt: "lituaniană" },
  lt: { en: "anglų", pl: "lenkų", ro: "rumunų", lt: "lietuvių" },
};

/** A language's name in the page's language ("lt" on a Polish page: "litewski"); its code when unknown. */
export function languageName(code: string, locale: UiLocale): string {
  return languageNames[locale]?.[code] ?? code.toUpperCase();
}

/**
 * The warning to confirm before choosing a scenario written without the class's language (the page's):
 * its texts would fall back to its first language inside menus in another. Undefined when it has it.
 */
export function missingLanguageWarning(
  choice: { languages?: readonly string[] },
  locale: UiLocale,
): string | undefined {
  const languages = choice.languages ?? [];
  if (languages.length === 0 || languages.includes(locale)) return undefined;
  return t(
    "library.noLanguage",
    { language: languageName(locale, locale), fallback: languageName(languages[0] ?? "en", locale) },
    locale,
  );
}

/**
 * The scenario "Next scenario" moves to: the next playable one after `currentId` in id order, as the
 * server's library picks it. Undefined at the end of the library or when `currentId` is not in it.
 */
export function followingScenario<T extends ScenarioChoice & { playable?: boolean }>(
  list: readonly T[],
  currentId: string | undefined,
): T | undefined {
  if (currentId === undefined) return undefined;
  return [...list]
    .filter((s) => s.playable !== false)
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((s) => s.id.localeCompare(currentId) > 0);
}
