import type { LrsStatus } from "@hotseat/shared";
import { lrsConfigRequestSchema } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { failureText } from "../net/refusal";
import { groupCsvHref, lrsStatus, removeLrs, retryLrs, setLrs } from "./groupsApi";
import { esc } from "./groupText";

/*
 * The group page's LMS part (issue 11, item 5): the group's CSV for the LMS, and the LRS its xAPI
 * statements go to, with the outbox's state. The secret is typed here and never shown again (the server
 * does not send it back); statements wait in the outbox while the LRS is down.
 */

/** The panel's frame; its state is filled in by {@link wireLmsPanel}. */
export function lmsPanelHtml(groupId: string, key: string): string {
  return `<section class="gp-lms" aria-labelledby="gp-lms-h"><h2 id="gp-lms-h">${esc(gt("lms.heading"))}</h2>
<p><a id="gp-lms-csv" href="${esc(groupCsvHref(groupId, key))}" download>${esc(gt("lms.csv"))}</a></p>
<h3>${esc(gt("lms.lrsHeading"))}</h3>
<p id="gp-lrs-status" role="status" class="gp-hint">${esc(gt("groups.loading"))}</p>
<form id="gp-lrs" class="gp-form" novalidate>
<div class="gp-field"><label for="gp-lrs-endpoint">${esc(gt("lms.endpoint"))}</label><input id="gp-lrs-endpoint" type="url" autocomplete="off" spellcheck="false" placeholder="https://lrs.example.org/xapi/"></div>
<div class="gp-field"><label for="gp-lrs-key">${esc(gt("lms.key"))}</label><input id="gp-lrs-key" type="text" autocomplete="off" spellcheck="false"></div>
<div class="gp-field"><label for="gp-lrs-secret">${esc(gt("lms.secret"))}</label><input id="gp-lrs-secret" type="password" autocomplete="new-password"></div>
<div class="gp-actions"><button type="submit">${esc(gt("lms.save"))}</button>
<button type="button" class="secondary" id="gp-lrs-retry">${esc(gt("lms.retry"))}</button>
<button type="button" class="secondary" id="gp-lrs-stop">${esc(gt("lms.stop"))}</button></div>
<p id="gp-lrs-error" class="gp-error" role="alert"></p></form></section>`;
}

/** The outbox's state in a sentence (or two, when it waits for an LRS that is down). */
export function lrsStatusText(status: LrsStatus): string {
  if (!status.lrs) return gt("lms.none");
  const counts = gt("lms.counts", {
    endpoint: status.lrs.endpoint,
    key: status.lrs.key,
    sent: status.sent,
    queued: status.queued,
    rejected: status.rejected.length,
  });
  return status.lastError ? `${counts} ${gt("lms.waiting", { reason: status.lastError })}` : counts;
}

/** Wires the LRS form: shows the state, sets, stops and retries, each answer redrawing the state. */
export function wireLmsPanel(main: HTMLElement, groupId: string, key: string): void {
  const $ = <T extends HTMLElement>(id: string) => main.querySelector<T>(`#${id}`);
  const form = $<HTMLFormElement>("gp-lrs");
  const statusBox = $("gp-lrs-status");
  const error = $("gp-lrs-error");
  const endpoint = $<HTMLInputElement>("gp-lrs-endpoint");
  const lrsKey = $<HTMLInputElement>("gp-lrs-key");
  const secret = $<HTMLInputElement>("gp-lrs-secret");
  if (!form || !statusBox || !error || !endpoint || !lrsKey || !secret) return;
  const show = (status: LrsStatus) => {
    statusBox.textContent = lrsStatusText(status);
    if (status.lrs && endpoint.value === "") endpoint.value = status.lrs.endpoint;
    if (status.lrs && lrsKey.value === "") lrsKey.value = status.lrs.key;
  };
  const run = (call: Promise<LrsStatus>) =>
    call.then(
      (status) => {
        error.textContent = "";
        show(status);
      },
      (e: unknown) => (error.textContent = failureText(e)),
    );
  void run(lrsStatus(groupId, key));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const config = lrsConfigRequestSchema.safeParse({
      endpoint: endpoint.value.trim(),
      key: lrsKey.value.trim(),
      secret: secret.value,
    });
    if (!config.success) {
      const field = String(config.error.issues[0]?.path[0] ?? "endpoint");
      error.textContent = gt(field === "endpoint" ? "lms.badEndpoint" : "lms.missing");
      (field === "endpoint" ? endpoint : field === "key" ? lrsKey : secret).focus();
      return;
    }
    // The secret leaves the page once; what stays typed is only what the server shows back.
    void run(setLrs(groupId, config.data, key)).then(() => (secret.value = ""));
  });
  $("gp-lrs-retry")?.addEventListener("click", () => void run(retryLrs(groupId, key)));
  $("gp-lrs-stop")?.addEventListener("click", () => {
    endpoint.value = "";
    lrsKey.value = "";
    void run(removeLrs(groupId, key));
  });
}
