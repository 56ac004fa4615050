import type { RefusalParams } from "@hotseat/shared";
import { en, type MessageKey } from "./en";
import { t, type UiLocale, getLocale } from "./t";

/** A refusal from the server as the page knows it: the stable code, its parameters, the server's English. */
export type RefusalLike = { code: string; params?: RefusalParams | undefined; message?: string | undefined };

/** The catalogue key of a code whose sentence depends on its parameters (who is meant). */
function keyFor(refusal: RefusalLike): string {
  const named = typeof refusal.params?.name === "string";
  if (refusal.code === "trainee.removed" && named) return "error.trainee.removedOther";
  if (refusal.code === "choice.not-yours" && named) return "error.choice.notYoursNamed";
  if (refusal.code === "rate.too-many-tries") return "error.too-many-tries";
  return `error.${refusal.code}`;
}

/**
 * A server refusal as a sentence in the page's language, filled with its parameters. A code this page
 * does not know (a newer server) still reads as a sentence, with the server's own words inside.
 */
export function refusalText(refusal: RefusalLike, locale: UiLocale = getLocale()): string {
  const key = keyFor(refusal);
  if (key in en) return t(key as MessageKey, refusal.params ?? {}, locale);
  return t("error.other", { reason: refusal.message ?? refusal.code }, locale);
}
