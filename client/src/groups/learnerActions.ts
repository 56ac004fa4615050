import type { GroupRosterEntry } from "@hotseat/shared";
import { routePath } from "../app/route";
import { t } from "../i18n/t";
import { failureText } from "../net/refusal";
import { deleteLearner, exportLearner, renewLink } from "./groupsApi";
import { dateTimeText, esc } from "./groupText";

/*
 * The learner page's three actions: a renew link shown as a QR code (the QR library is loaded only when a
 * trainer asks for one, so no other page downloads it), the privacy export as a JSON file, and deleting
 * the learner after a confirm in the page's language.
 */

/** The QR code of `text` as an SVG, scaled by CSS. */
async function qrSvg(text: string): Promise<string> {
  const { default: qrcode } = await import("qrcode-generator");
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}

async function showRenew(out: HTMLElement, groupId: string, learner: GroupRosterEntry, key: string) {
  out.textContent = t("groups.working");
  const link = await renewLink(groupId, learner.learnerId, key);
  const svg = await qrSvg(link.renewUrl);
  out.innerHTML = `<figure class="gp-qr"><div class="gp-qr-code" role="img" aria-label="${esc(t("groups.qrLabel", { name: learner.displayName }))}">${svg}</div>
<figcaption><p>${esc(t("groups.renewHelp", { name: learner.displayName }))}</p>
<p><a href="${esc(link.renewUrl)}" class="gp-link-text">${esc(link.renewUrl)}</a></p>
<p>${esc(t("groups.renewExpires", { when: dateTimeText(link.expiresAt) }))}</p></figcaption></figure>`;
}

async function download(out: HTMLElement, groupId: string, learner: GroupRosterEntry, key: string) {
  const record = await exportLearner(groupId, learner.learnerId, key);
  const blob = new Blob([JSON.stringify(record, null, 2)], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `hotseat-learner-${learner.learnerId}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  out.textContent = t("groups.exported", { name: learner.displayName });
}

/** The confirm dialog for deleting `learner`; resolves true when the trainer confirms. */
function confirmDelete(learner: GroupRosterEntry): Promise<boolean> {
  const dialog = document.createElement("dialog");
  dialog.className = "gp-dialog";
  dialog.setAttribute("aria-labelledby", "gp-dialog-h");
  dialog.innerHTML = `<form method="dialog"><h2 id="gp-dialog-h">${esc(t("groups.deleteTitle", { name: learner.displayName }))}</h2>
<p>${esc(t("groups.deleteText"))}</p>
<div class="gp-actions"><button value="delete" class="danger" id="gp-delete-confirm">${esc(t("groups.deleteConfirm"))}</button>
<button value="cancel" class="secondary" id="gp-delete-cancel" autofocus>${esc(t("groups.cancel"))}</button></div></form>`;
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "delete");
      dialog.remove();
    });
    dialog.showModal();
  });
}

/** Wires the learner page's buttons. */
export function wireLearnerActions(
  main: HTMLElement,
  groupId: string,
  learner: GroupRosterEntry,
  key: string,
) {
  const out = main.querySelector<HTMLElement>("#gp-action-out");
  if (!out) return;
  const run = (action: () => Promise<void>) => () =>
    void action().catch((e: unknown) => {
      out.innerHTML = `<p class="gp-error">${esc(failureText(e))}</p>`;
    });
  main.querySelector("#gp-renew")?.addEventListener(
    "click",
    run(() => showRenew(out, groupId, learner, key)),
  );
  main.querySelector("#gp-export")?.addEventListener(
    "click",
    run(() => download(out, groupId, learner, key)),
  );
  main.querySelector("#gp-delete")?.addEventListener(
    "click",
    run(async () => {
      if (!(await confirmDelete(learner))) return;
      await deleteLearner(groupId, learner.learnerId, key);
      window.location.assign(`${routePath({ kind: "groups", groupId })}#deleted`);
    }),
  );
}
