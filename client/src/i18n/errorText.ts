import { ApiError } from "../net/apiError";
import type { MessageKey } from "./en";
import { t } from "./t";

/** The server's refusal codes the UI says in the page's own language. */
const sentences: Record<string, MessageKey> = {
  "host.too-fast": "error.host.too-fast",
  "host.address-full": "error.host.address-full",
  "host.server-full": "error.host.server-full",
  "host.password": "error.host.password",
  "rate.too-many-tries": "error.too-many-tries",
};

/**
 * What went wrong, for the person in front of the page: a translated sentence for the refusals the UI
 * knows (by code; a join's 429 from the matchmaker comes as a numeric code), else the server's message.
 */
export function errorText(e: unknown): string {
  if (e instanceof ApiError && e.code !== undefined && e.code in sentences) {
    return t(sentences[e.code] as MessageKey, { seconds: e.retryAfterSeconds ?? 60 });
  }
  if ((e as { code?: unknown } | null)?.code === 429) return t("error.too-many-tries");
  return e instanceof Error ? e.message : String(e);
}
