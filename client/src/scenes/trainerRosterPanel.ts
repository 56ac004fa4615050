import type { ClientMessage, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import { t } from "../i18n/t";
import { esc, htmlPanel } from "../ui/HtmlPanel";

/** Where the setup panel starts and where the roster must end, in stage pixels (see trainerSetupPanel). */
const setupTop = 150;
const stageBottom = 1060;

/**
 * The console's roster: who is online, who voted what, rename in place, remove or let back, pass the
 * hot seat. Plain HTML over the canvas, so renaming uses a real text field.
 */
export function buildRosterPanel(
  scene: Phaser.Scene,
  view: TrainerView,
  send: (message: ClientMessage) => void,
): void {
  const lobby = view.phase === "lobby";
  const rows = view.roster
    .map(
      (r) => `<div class="hs-row" data-id="${esc(r.id)}" style="opacity:${r.removed ? 0.5 : 1}">
          <span style="min-width:24px" title="${r.connected ? "online" : "offline"}">${r.connected ? "●" : "○"}</span>
          <span style="min-width:36px">${view.votes[r.id] ? `✔${view.options.findIndex((o) => o.id === view.votes[r.id]) + 1}` : ""}</span>
          <input class="rename" value="${esc(r.name)}" aria-label="${esc(t("trainer.rename"))}" style="flex:1;min-width:0;min-height:40px;padding:6px">
          ${r.teamId ? `<span>${esc(view.teams.find((x) => x.id === r.teamId)?.name ?? r.teamId)}</span>` : ""}
          ${view.style === "hot-seat" ? `<button class="seat secondary" title="${esc(t("trainer.passHotSeat"))}" style="min-height:40px;padding:4px 10px">${view.hotSeat?.holderId === r.id ? "★" : "⇢"}</button>` : ""}
          <button class="remove secondary" style="min-height:40px;padding:4px 10px">${r.removed ? "↺" : esc(t("trainer.remove"))}</button>
        </div>`,
    )
    .join("");
  // In the lobby the roster starts below the setup panel as it is now tall (diagnostics, library), never under it.
  const setupHeight = document.getElementById("trainer-setup")?.offsetHeight ?? 400;
  const top = lobby ? setupTop + setupHeight + 20 : 190;
  const listHeight = Math.max(160, stageBottom - top - 44);
  const panel = htmlPanel(
    scene,
    { x: 40, y: top, w: 580 },
    `<strong>${esc(t("trainer.roster"))} (${view.roster.filter((r) => !r.removed).length})</strong>
       <div style="display:flex;flex-direction:column;gap:6px;max-height:${listHeight}px;overflow:auto;font-size:18px">${rows || esc(t("trainer.noTrainees"))}</div>`,
    "trainer-roster",
  );
  panel.querySelectorAll<HTMLElement>("[data-id]").forEach((row) => {
    const id = row.dataset["id"] ?? "";
    const entry = view.roster.find((r) => r.id === id);
    row.querySelector<HTMLInputElement>(".rename")?.addEventListener("change", (e) => {
      const name = (e.target as HTMLInputElement).value.trim();
      if (name) send({ type: "trainer.rename", traineeId: id, name });
    });
    row
      .querySelector(".remove")
      ?.addEventListener("click", () =>
        send(
          entry?.removed
            ? { type: "trainer.readmit", traineeId: id }
            : { type: "trainer.remove", traineeId: id },
        ),
      );
    row
      .querySelector(".seat")
      ?.addEventListener("click", () => send({ type: "trainer.passSeat", traineeId: id }));
  });
}
