import { en, type GroupKey } from "./groups/en";
import { lt } from "./groups/lt";
import { pl } from "./groups/pl";
import { ro } from "./groups/ro";
import type { Message } from "./en";
import { formatMessage, getLocale } from "./t";
import type { UiLocale } from "./t";

// The words of a trainer's groups pages (/groups, issue 11) live in their own chunk, beside the pages that
// use them and not in the app's catalogues, so a trainee's phone never downloads them (as studioStrings.ts
// does for the Studio), one file per language under groups/. The refusals and the home page's link stay in
// the app's catalogues.

export type { GroupKey };

/** Every language's words of the groups pages, for the pages and for the test that checks they agree. */
export const groupCatalogs: Record<UiLocale, Record<GroupKey, Message>> = { en, pl, ro, lt };

/**
 * The groups pages' words in the UI language, with `{name}` placeholders filled; a counted message takes
 * the form its language's plural rules give for `params.count`, English when a language lacks the key.
 */
export function gt(key: GroupKey, params: Record<string, string | number> = {}): string {
  const locale = getLocale();
  return formatMessage(groupCatalogs[locale][key] ?? en[key], params, locale);
}
