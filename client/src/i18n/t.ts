import { en, type Message, type MessageKey } from "./en";
import { lt } from "./lt";
import { pl } from "./pl";
import { ro } from "./ro";

/** The UI languages, in the order the language switch shows them. */
export const uiLocales = ["en", "pl", "ro", "lt"] as const;
export type UiLocale = (typeof uiLocales)[number];

/** Every language's messages, keyed by locale. */
export const catalogs: Record<UiLocale, Record<MessageKey, Message>> = { en, pl, ro, lt };

/** Each language's own name, so a lost user can find theirs. */
export const localeNames: Record<UiLocale, string> = {
  en: "English",
  pl: "Polski",
  ro: "Română",
  lt: "Lietuvių",
};

let current: UiLocale = "en";

/** True when `code` is one of the UI languages. */
export function isUiLocale(code: string): code is UiLocale {
  return (uiLocales as readonly string[]).includes(code);
}

/** Picks the best UI language from a list of browser preferences such as `["pl-PL", "en"]`. */
export function pickLocale(preferences: readonly string[]): UiLocale {
  for (const pref of preferences) {
    const base = pref.toLowerCase().split("-")[0] ?? "";
    if (isUiLocale(base)) return base;
  }
  return "en";
}

/** Sets the language `t` translates into. */
export function setLocale(locale: UiLocale): void {
  current = locale;
}

/** The language `t` currently translates into. */
export function getLocale(): UiLocale {
  return current;
}

/**
 * Translates a key into the current language, filling `{name}` placeholders; a counted message takes the
 * form its language's plural rules give for `params.count`. Falls back to English
 * (then to the key itself) so a missing translation shows something readable, never a blank.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale = current): string {
  return formatMessage(catalogs[locale][key] ?? en[key] ?? key, params, locale);
}

/**
 * A message in `locale` with its `{name}` placeholders filled and, when counted, the form its plural rules
 * give for `params.count`: the one formatter of the app's, the Studio's and the groups pages' catalogues.
 */
export function formatMessage(
  message: Message,
  params: Record<string, string | number>,
  locale: UiLocale,
): string {
  const text = typeof message === "string" ? message : pluralForm(message, Number(params.count), locale);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const pluralRules = new Map<UiLocale, Intl.PluralRules>();

/** The form of a counted message for `count` by the language's plural rules ("1 team", "2 zespoły", "5 zespołów"). */
function pluralForm(forms: Exclude<Message, string>, count: number, locale: UiLocale): string {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(Number.isFinite(count) ? count : 0)] ?? forms.other;
}
