import type { ClientMessage, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import { getLocale, t } from "../i18n/t";
import { esc, htmlPanel } from "../ui/HtmlPanel";

/** Where the setup panel starts and where the roster must end, in stage pixels (see trainerSetupPanel). */
const setupTop = 150;
const stageBottom = 1060;
/** Rows drawn at once: a thousand live text fields would slow every update; the filter finds the rest. */
const rowLimit = 150;

/** The trainees whose name contains `filter` (any case): the first `limit` of them, and how many match. */
export function filterRoster<T extends { name: string }>(
  roster: readonly T[],
  filter: string,
  limit = rowLimit,
): { shown: T[]; matching: number } {
  const needle = filter.trim().toLocaleLowerCase();
  const matching = needle ? roster.filter((r) => r.name.toLocaleLowerCase().includes(needle)) : roster;
  return { shown: matching.slice(0, limit), matching: matching.length };
}

function rowHtml(view: TrainerView, r: TrainerView["roster"][number]): string {
  const vote = view.votes[r.id];
  const team = r.teamId ? (view.teams.find((x) => x.id === r.teamId)?.name ?? r.teamId) : "";
  return `<div class="hs-row" data-id="${esc(r.id)}" style="flex-wrap:nowrap;opacity:${r.removed ? 0.5 : 1}">
      <span style="min-width:24px" title="${esc(t(r.connected ? "trainer.online" : "trainer.offline"))}">${r.connected ? "●" : "○"}</span>
      <span style="min-width:36px">${vote ? `→${view.options.findIndex((o) => o.id === vote) + 1}` : ""}</span>
      <input class="rename" value="${esc(r.name)}" aria-label="${esc(t("trainer.rename"))}" style="flex:1;min-width:0;min-height:40px;padding:6px">
      ${team ? `<span>${esc(team)}</span>` : ""}
      ${view.style === "hot-seat" ? `<button class="seat secondary" title="${esc(t("trainer.passHotSeat"))}" style="min-height:40px;padding:4px 10px">${view.hotSeat?.holderId === r.id ? "★" : "⇢"}</button>` : ""}
      <button class="remove secondary" style="min-height:40px;padding:4px 10px">${r.removed ? "↺" : esc(t("trainer.remove"))}</button>
    </div>`;
}

/**
 * The console's roster: who is online, who voted what, rename in place, remove or let back, pass the
 * hot seat. Plain HTML over the canvas, so renaming uses a real text field. With a large class it shows
 * the first rows and a filter by name; updates keep the scroll position and the filter, and wait while
 * the trainer is typing a new name.
 */
export class RosterPanel {
  private el?: HTMLDivElement;
  private shellKey = "";
  private listKey = "";
  private view?: TrainerView;
  private filter = "";

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly send: (message: ClientMessage) => void,
  ) {}

  /** Shows `view`'s roster; cheap when nothing it shows has changed. */
  update(view: TrainerView): void {
    this.view = view;
    const lobby = view.phase === "lobby";
    // In the lobby the roster starts below the setup panel as it is now tall (diagnostics, library), never under it.
    const setupHeight = document.getElementById("trainer-setup")?.offsetHeight ?? 400;
    const top = lobby ? setupTop + setupHeight + 20 : 190;
    const shellKey = JSON.stringify([top, getLocale()]);
    if (shellKey !== this.shellKey || !this.el?.isConnected) {
      this.shellKey = shellKey;
      this.build(top);
    }
    this.render();
  }

  private build(top: number): void {
    const listHeight = Math.max(160, stageBottom - top - 100);
    const scrollTop = this.el?.querySelector(".roster-list")?.scrollTop ?? 0;
    const el = htmlPanel(
      this.scene,
      { x: 40, y: top, w: 580 },
      `<div class="hs-row" style="flex-wrap:nowrap"><strong class="roster-count" style="flex:none"></strong>
         <input id="roster-filter" type="search" placeholder="${esc(t("trainer.rosterFind"))}" aria-label="${esc(t("trainer.rosterFind"))}" style="flex:1;min-width:0;min-height:40px;padding:6px" value="${esc(this.filter)}"></div>
       <div class="roster-list" style="display:flex;flex-direction:column;gap:6px;max-height:${listHeight}px;overflow:auto;font-size:18px"></div>
       <div class="roster-more" style="font-size:16px;color:#c9d3e6"></div>`,
      "trainer-roster",
    );
    this.el = el;
    this.listKey = "";
    const list = el.querySelector<HTMLElement>(".roster-list");
    el.querySelector<HTMLInputElement>("#roster-filter")?.addEventListener("input", (e) => {
      this.filter = (e.target as HTMLInputElement).value;
      this.render();
      if (list) list.scrollTop = 0;
    });
    // One listener for all rows: rows are redrawn often and there may be hundreds.
    list?.addEventListener("change", (e) => {
      const input = e.target as HTMLElement;
      const id = input.closest<HTMLElement>("[data-id]")?.dataset["id"];
      const name = input instanceof HTMLInputElement ? input.value.trim() : "";
      if (id && name && input.classList.contains("rename"))
        this.send({ type: "trainer.rename", traineeId: id, name });
    });
    list?.addEventListener("click", (e) => {
      const button = (e.target as HTMLElement).closest("button");
      const id = button?.closest<HTMLElement>("[data-id]")?.dataset["id"];
      if (!button || !id) return;
      // The row's state now, not when it was drawn: a second click right after Remove lets them back.
      const entry = this.view?.roster.find((r) => r.id === id);
      if (button.classList.contains("seat")) this.send({ type: "trainer.passSeat", traineeId: id });
      else if (button.classList.contains("remove"))
        this.send(
          entry?.removed
            ? { type: "trainer.readmit", traineeId: id }
            : { type: "trainer.remove", traineeId: id },
        );
    });
    // Updates that waited for a rename to finish are drawn once the field loses focus.
    list?.addEventListener("focusout", () => setTimeout(() => this.render(), 0));
    if (list) list.scrollTop = scrollTop;
  }

  private render(): void {
    const view = this.view;
    const el = this.el;
    const list = el?.querySelector<HTMLElement>(".roster-list");
    if (!view || !el || !list) return;
    const key = JSON.stringify([
      view.roster,
      view.votes,
      view.options.map((o) => o.id),
      view.hotSeat?.holderId,
      view.style,
      view.teams.map((x) => x.name),
      this.filter,
    ]);
    if (key === this.listKey) return;
    // Never redraw under the trainer's fingers: a rename in progress would be lost.
    const active = document.activeElement;
    if (active instanceof HTMLInputElement && active.classList.contains("rename") && list.contains(active))
      return;
    this.listKey = key;
    const { shown, matching } = filterRoster(view.roster, this.filter);
    const scrollTop = list.scrollTop;
    list.innerHTML =
      shown.map((r) => rowHtml(view, r)).join("") ||
      esc(t(view.roster.length ? "trainer.rosterNoMatch" : "trainer.noTrainees"));
    list.scrollTop = scrollTop;
    const present = view.roster.filter((r) => !r.removed);
    const online = present.filter((r) => r.connected).length;
    const count = el.querySelector(".roster-count");
    if (count) count.textContent = `${t("trainer.roster")} (${present.length} · ● ${online})`;
    const more = el.querySelector<HTMLElement>(".roster-more");
    if (more) {
      more.hidden = matching <= shown.length;
      more.textContent = t("trainer.rosterShown", { shown: shown.length, total: matching });
    }
  }
}
