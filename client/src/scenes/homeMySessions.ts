import { routePath } from "../app/route";
import { t } from "../i18n/t";
import { mySessions } from "../net/mySessions";
import type { MySession } from "../net/mySessions";
import { failureText } from "../net/refusal";
import { esc } from "../ui/HtmlPanel";

function line(s: MySession): string {
  const title = s.scenario?.title ?? t("home.noScenario");
  if (s.status === "live") {
    const text = t("home.mySessionLive", { code: s.code, title, count: s.traineeCount ?? 0 });
    return `<li><a href="${esc(routePath({ kind: "trainer", code: s.code }))}" style="color:#ffd166">${esc(text)}</a></li>`;
  }
  const report = `/api/sessions/${encodeURIComponent(s.code)}/report.csv?token=${encodeURIComponent(s.trainerToken)}`;
  return `<li>${esc(t("home.mySessionFinished", { code: s.code, title }))} · <a href="${esc(report)}" style="color:#ffd166">${esc(t("home.report"))}</a></li>`;
}

/**
 * Fills `el` with the sessions this browser hosted (live ones open the console, finished ones link to
 * their report); stays empty when it hosted none. The server lists only sessions whose tokens it is shown.
 */
export function showMySessions(el: HTMLElement): void {
  mySessions()
    .then((sessions) => {
      if (sessions.length === 0) return;
      const items = sessions.slice(0, 10).map(line).join("");
      el.innerHTML = `<strong>${esc(t("home.mySessions"))}</strong><ul style="margin:4px 0 0;padding-left:20px">${items}</ul>`;
    })
    .catch((e: unknown) => {
      el.textContent = failureText(e);
    });
}
