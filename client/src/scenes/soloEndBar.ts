import type { ClientMessage, TraineeView } from "@hotseat/shared";
import { t } from "../i18n/t";
import { esc } from "../ui/HtmlPanel";

const barId = "solo-end";
let shownHtml = "";

/**
 * What a solo player can do once their practice has ended, so the end is never a dead end: play the same
 * scenario again from the start, go back to one of their decisions and play on from there, or go home.
 * Real buttons in the page (a screen reader and the keyboard reach them), fixed at the foot of the screen.
 */
export function updateSoloEndBar(
  view: TraineeView,
  send: (m: ClientMessage) => void,
  home: () => void,
): void {
  if (view.style !== "solo" || view.phase !== "debrief") return removeSoloEndBar();
  let el = document.getElementById(barId);
  if (!el) {
    el = document.createElement("nav");
    el.id = barId;
    el.setAttribute("aria-label", t("solo.endActions"));
    el.style.cssText =
      "position:fixed;left:0;right:0;bottom:0;z-index:3;display:flex;flex-wrap:wrap;gap:10px;align-items:center;" +
      "justify-content:center;padding:12px 12px calc(12px + env(safe-area-inset-bottom));background:#14213d;" +
      "box-shadow:0 -4px 16px rgba(0,0,0,.35);font:18px system-ui,sans-serif;color:#f5f5f5";
    el.addEventListener("click", (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-act]");
      if (b?.dataset.act === "again") send({ type: "trainer.rewind", stepIndex: 0 });
      if (b?.dataset.act === "home") home();
      if (b?.dataset.act === "rewind") {
        const select = document.getElementById("solo-rewind-step") as HTMLSelectElement | null;
        send({ type: "trainer.rewind", stepIndex: Number(select?.value ?? 0) });
      }
    });
    (document.getElementById("overlay") ?? document.body).appendChild(el);
  }
  const html = soloEndHtml(view);
  if (html !== shownHtml) el.innerHTML = html;
  shownHtml = html;
}

const buttonStyle =
  "min-height:48px;padding:8px 18px;border-radius:10px;border:0;font:700 18px system-ui,sans-serif;cursor:pointer";

function soloEndHtml(view: TraineeView): string {
  const steps = view.path ?? [];
  const parts = [
    `<button data-act="again" id="solo-again" style="${buttonStyle};background:#ffd166;color:#14213d">↻ ${esc(t("solo.tryAgain"))}</button>`,
  ];
  if (steps.length > 0) {
    const options = steps
      .map(
        (s) =>
          `<option value="${s.stepIndex}">${esc(t("solo.decision", { step: s.stepIndex + 1 }))}: ${esc(cut(s.label))}</option>`,
      )
      .join("");
    parts.push(
      `<span style="display:inline-flex;gap:6px;align-items:center;max-width:100%">` +
        `<label for="solo-rewind-step" style="position:absolute;left:-9999px">${esc(t("solo.rewindWhich"))}</label>` +
        `<select id="solo-rewind-step" style="min-height:48px;max-width:52vw;font:16px system-ui,sans-serif;border-radius:8px">${options}</select>` +
        `<button data-act="rewind" id="solo-rewind" style="${buttonStyle};background:#e5e9f2;color:#14213d">⟲ ${esc(t("solo.rewind"))}</button></span>`,
    );
  }
  parts.push(
    `<button data-act="home" id="solo-home" style="${buttonStyle};background:transparent;color:#f5f5f5;border:2px solid #c9d3e6">⌂ ${esc(t("solo.home"))}</button>`,
  );
  return parts.join("");
}

function cut(label: string): string {
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** Takes the solo end's buttons away (the run goes on, or the scene ended). */
export function removeSoloEndBar(): void {
  document.getElementById(barId)?.remove();
  shownHtml = "";
}
