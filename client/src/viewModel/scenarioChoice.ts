import { localize } from "@hotseat/shared";
import type { Localized } from "@hotseat/shared";
import { t } from "../i18n/t";
import type { UiLocale } from "../i18n/t";

/** A library scenario as the home page and the console list it. */
export type ScenarioChoice = { id: string; title?: Localized; estimatedMinutes?: number };

/**
 * The text of a scenario in a library list: its title in the page's language and, when the author gave
 * one, how long it takes ("The ruined hat · about 20 min"), so a trainer can fit it into the session.
 */
export function scenarioChoiceLabel(choice: ScenarioChoice, locale: UiLocale): string {
  const title = localize(choice.title ?? choice.id, locale);
  if (choice.estimatedMinutes === undefined) return title;
  return `${title} · ${t("home.minutes", { minutes: choice.estimatedMinutes }, locale)}`;
}
