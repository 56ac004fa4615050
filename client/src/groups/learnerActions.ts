import { groupsPath } from "./groupPaths";
import type { GroupRosterEntry } from "@hotseat/shared";
import qrcode from "qrcode-generator";
import { gt } from "../i18n/groupStrings";
import { failureText } from "../net/refusal";
import { deleteLearner, exportLearner, renewLink } from "./groupsApi";
import { dateTimeText, esc } from "./groupText";

/*
 * The learner page's three actions: a renew link shown as a QR code (the QR library comes with this
 * chunk, which only a trainer's /groups pages load), the privacy export as a JSON file, and deleting
 * the learner after a confirm in the page's language.
 */

/** The QR code of `text` as an SVG, scaled by CSS. */
function qrSvg(text: string): string {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}

async function showRenew(out: HTMLElement, groupId: string, learner: GroupRosterEntry, key: string) {
  out.textContent = gt("groups.working");
  const link = await renewLink(groupId, learner.learnerId, key);
  const svg = qrSvg(link.renewUrl);
  out.innerHTML = `<figure class="gp-qr"><div class="gp-qr-code" role="img" aria-label="${esc(gt("groups.qrLabel", { name: learner.displayName }))}">${svg}</div>
<figcaption><p>${esc(gt("groups.renewHelp", { name: learner.displayName }))}</p>
<p><a href="${esc(link.renewUrl)}" class="gp-link-text">${esc(link.renewUrl)}</a></p>
<p>${esc(gt("groups.renewExpires", { when: dateTimeText(link.expiresAt) }))}</p></figcaption></figure>`;
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
  out.textContent = gt("groups.exported", { name: learner.displayName });
}

/** The confirm dialog for deleting `learner`; resolves true when the trainer confirms. */
function confirmDelete(learner: GroupRosterEntry): Promise<boolean> {
  const dialog = document.createElement("dialog");
  dialog.className = "gp-dialog";
  dialog.setAttribute("aria-labelledby", "gp-dialog-h");
  dialog.innerHTML = `<form method="dialog"><h2 id="gp-dialog-h">${esc(gt("groups.deleteTitle", { name: learner.displayName }))}</h2>
<p>${esc(gt("groups.deleteText"))}</p>
<div class="gp-actions"><button value="delete" class="danger" id="gp-delete-confirm">${esc(gt("groups.deleteConfirm"))}</button>
<button value="cancel" class="secondary" id="gp-delete-cancel" autofocus>${esc(gt("groups.cancel"))}</button></div></form>`;
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
      window.location.assign(`${groupsPath(groupId)}#deleted`);
    }),
  );
}
