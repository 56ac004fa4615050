import { learnerKeyResponseSchema } from "@hotseat/shared";
import { announce } from "../a11y/announce";
import { t } from "../i18n/t";
import { api } from "../net/api";
import { keepLearnerKey } from "../net/learnerKeys";
import { failureText } from "../net/refusal";

/**
 * A renew link (`/#renew=<token>`, shown by the trainer as a QR code) gives this phone a learner's key: the
 * token is in the fragment, so it never reaches a server log, and it is taken out of the address at once so
 * a reload or a shared screenshot of the address cannot reuse it. The outcome is a banner on top of the page.
 */
export async function redeemRenewLink(): Promise<void> {
  const match = /^#renew=([A-Za-z0-9_-]{1,200})$/.exec(window.location.hash);
  if (!match?.[1]) return;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  const banner = document.createElement("p");
  banner.setAttribute("role", "status");
  banner.style.cssText =
    "position:fixed;top:0;left:0;right:0;margin:0;padding:14px 16px;background:#13233f;color:#fff;font:600 18px/1.4 system-ui,sans-serif;z-index:1000;text-align:center";
  banner.textContent = t("learn.renewing");
  document.body.append(banner);
  try {
    const answer = await api(learnerKeyResponseSchema, "/api/learning/renew", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: match[1] }),
    });
    keepLearnerKey(answer);
    banner.textContent = t("learn.renewed", { name: answer.displayName, group: answer.groupName });
  } catch (e) {
    banner.textContent = failureText(e);
  }
  announce(banner.textContent);
}
