import type { TraineeView } from "@hotseat/shared";
import { routePath } from "../app/route";
import { t } from "../i18n/t";
import { learnerForSession } from "../net/learnerKeys";
import { esc } from "../ui/HtmlPanel";

const barId = "debrief-practice";

/**
 * At the debrief of a group's session, a phone that plays under its learner key gets a link to My
 * practice at the foot of the screen: the session just played is in the record now. A real link in the
 * page (the keyboard and screen readers reach it); solo practice has its own end bar there instead.
 * Returns whether the bar is shown, so the scene can leave room for it under its content.
 */
export function updatePracticeLinkBar(view: TraineeView, code: string | undefined): boolean {
  const shown = view.phase === "debrief" && view.style !== "solo" && code !== undefined;
  if (!shown || learnerForSession(code) === undefined) {
    removePracticeLinkBar();
    return false;
  }
  let el = document.getElementById(barId);
  if (!el) {
    el = document.createElement("nav");
    el.id = barId;
    el.style.cssText =
      "position:fixed;left:0;right:0;bottom:0;z-index:3;display:flex;justify-content:center;" +
      "padding:12px 12px calc(12px + env(safe-area-inset-bottom));background:#14213d;" +
      "box-shadow:0 -4px 16px rgba(0,0,0,.35);font:700 18px system-ui,sans-serif";
    (document.getElementById("overlay") ?? document.body).appendChild(el);
  }
  el.setAttribute("aria-label", t("practice.title"));
  const html = `<a id="debrief-practice-link" href="${esc(routePath({ kind: "my-practice" }))}" style="color:#ffd166;min-height:48px;display:inline-flex;align-items:center">${esc(t("practice.open"))}</a>`;
  if (el.innerHTML !== html) el.innerHTML = html;
  return true;
}

/** Takes the bar away (another scene, or not a learner's debrief). */
export function removePracticeLinkBar(): void {
  document.getElementById(barId)?.remove();
}
