import { formatMessage, getLocale } from "../i18n/t";
import type { UiLocale } from "../i18n/t";
import { en, type StudioKey } from "./strings/en";
import { lt } from "./strings/lt";
import { pl } from "./strings/pl";
import { ro } from "./strings/ro";

// The Studio's words live in its own chunk, not in the app's catalogues: a trainee's phone never loads them.
// One file per language under strings/, as the groups pages' words are (i18n/groups/).

export type { StudioKey };

const catalogs: Record<UiLocale, Record<StudioKey, string>> = { en, pl, ro, lt };

/** The Studio's words in the UI language, with `{name}` placeholders filled. */
export function st(key: StudioKey, params: Record<string, string | number> = {}): string {
  const locale = getLocale();
  return formatMessage(catalogs[locale][key] ?? en[key], params, locale);
}
