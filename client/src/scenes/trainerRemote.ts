import type { ClientMessage, TrainerView } from "@hotseat/shared";
import { app } from "../app/services";
import { t } from "../i18n/t";
import { reportUrl } from "../net/mySessions";
import { esc } from "../ui/HtmlPanel";
import { teamPreviews } from "../viewModel/teamPreviewModel";
import { playStyleChoices } from "../viewModel/playStyles";
import { touchLabel, visibleControls, type TrainerModel } from "../viewModel/trainerModel";

/** Below this width (a phone) the console is a remote control: the laptop layout would be unreadably small. */
export const remoteMaxWidth = 800;

const remoteId = "trainer-remote";
let actions: ClientMessage[] = [];
let shownHtml = "";

function root(send: (m: ClientMessage) => void): HTMLElement {
  const found = document.getElementById(remoteId);
  if (found) return found;
  const el = document.createElement("div");
  el.id = remoteId;
  el.className = "hs-remote";
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", t("trainer.title"));
  // One listener for every button; each names the message it sends by its index.
  el.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-i]");
    const message = actions[Number(button?.dataset.i)];
    if (button && !button.disabled && message) send(message);
  });
  (document.getElementById("overlay") ?? document.body).appendChild(el);
  return el;
}

function button(
  label: string,
  message: ClientMessage,
  opts: { enabled?: boolean; secondary?: boolean; id?: string } = {},
): string {
  actions.push(message);
  const id = opts.id ? ` id="${esc(`remote-${opts.id}`)}"` : "";
  const cls = opts.secondary ? ` class="secondary"` : "";
  return `<button data-i="${actions.length - 1}"${id}${cls}${opts.enabled === false ? " disabled" : ""}>${esc(label)}</button>`;
}

/**
 * Fills the remote with what `build` writes (its buttons register their messages as it goes). The page is
 * replaced only when something shows differently, so a tap is not lost to a redraw between press and release.
 */
function render(send: (m: ClientMessage) => void, build: () => string[]): void {
  const el = root(send);
  actions = [];
  const html = build().join("");
  if (html !== shownHtml) el.innerHTML = html;
  shownHtml = html;
}

/**
 * The console on a phone: the join code, what is happening, the customer's line, each option with its
 * votes and (trainer only) effects, each team's standing in team play, and big buttons for every control
 * that applies now. The roster, uploads and rewinds to older steps stay on the laptop console.
 */
export function updateTrainerRemote(
  view: TrainerView,
  model: TrainerModel,
  send: (m: ClientMessage) => void,
): void {
  render(send, () => remoteParts(view, model));
}

function remoteParts(view: TrainerView, model: TrainerModel): string[] {
  const parts: string[] = [];
  parts.push(`<h1>${esc(view.scenario?.title ?? t("trainer.title"))}</h1>`);
  parts.push(`<p class="hs-remote-code">${esc(view.joinCode)}</p>`);
  parts.push(`<p class="hs-remote-status">${esc(model.status)}</p>`);
  if (view.phase === "lobby") {
    parts.push(`<h2>${esc(t("trainer.style"))}</h2><div class="hs-row">`);
    for (const { style, label } of playStyleChoices())
      parts.push(
        button(
          `${view.style === style ? "✔ " : ""}${label}`,
          { type: "trainer.setStyle", style },
          { secondary: view.style !== style, id: `style-${style}` },
        ),
      );
    parts.push(`</div>`);
  }
  // The controls first: revealing or moving on is what the trainer reaches for during play.
  parts.push(`<div class="hs-remote-controls">`);
  for (const c of visibleControls(view, model.controls))
    parts.push(button(touchLabel(c.label), c.message, { enabled: c.enabled, id: c.id.replace(/\./g, "-") }));
  parts.push(`</div>`);
  if (view.customer && view.style !== "teams")
    parts.push(`<blockquote>${esc(view.customer.line)}</blockquote>`);
  if (view.style === "teams" && view.phase !== "lobby") {
    for (const team of teamPreviews(view))
      parts.push(
        `<div class="hs-remote-option"><strong>${esc(team.name)}</strong> · ${esc(team.status)}<br><small>${esc(team.heading)} · ${esc(team.meters)}</small></div>`,
      );
  } else if (model.previews.length > 0) {
    parts.push(`<h2>${esc(t("trainer.effects"))}</h2>`);
    model.previews.forEach((p, i) =>
      parts.push(
        `<div class="hs-remote-option"><span class="hs-remote-votes">${p.votes}</span><strong>${i + 1}. ${esc(p.label)}</strong><br><small>${esc(p.effects)}${p.tags ? ` · ${esc(p.tags)}` : ""}</small></div>`,
      ),
    );
  }
  parts.push(`<p class="hs-remote-note">${esc(t("trainer.remoteNote"))}</p>`);
  return parts;
}

/**
 * The debrief on the trainer's phone: the full debrief is on the wall; the phone offers what the trainer
 * does next: rewind to any decision to try the other branch, go on to the next scenario, export the report.
 */
export function updateTrainerDebriefRemote(
  view: TrainerView,
  model: TrainerModel,
  send: (m: ClientMessage) => void,
  pages: { index: number; titles: string[] } = { index: 0, titles: [] },
): void {
  render(send, () => debriefParts(view, model, pages));
}

function debriefParts(
  view: TrainerView,
  model: TrainerModel,
  pages: { index: number; titles: string[] },
): string[] {
  const parts: string[] = [];
  parts.push(`<h1>${esc(t("debrief.title"))} · ${esc(view.scenario?.title ?? "")}</h1>`);
  if (view.ending) parts.push(`<p class="hs-remote-status">${esc(view.ending.title)}</p>`);
  // The wall shows the debrief page by page: the remote says which page is up and turns the pages.
  const count = pages.titles.length;
  const title = pages.titles[pages.index] ?? "";
  if (count > 1)
    parts.push(
      `<p class="hs-remote-status">${esc(t("debrief.pageStatus", { page: pages.index + 1, count, title }))}</p>`,
    );
  parts.push(`<div class="hs-remote-controls">`);
  if (count > 1) {
    parts.push(
      button(
        t("debrief.nextPage"),
        { type: "trainer.debriefPage", page: pages.index + 1 },
        { id: "debrief-nextPage", enabled: pages.index < count - 1 },
      ),
      button(
        t("debrief.prevPage"),
        { type: "trainer.debriefPage", page: Math.max(0, pages.index - 1) },
        { id: "debrief-prevPage", enabled: pages.index > 0, secondary: true },
      ),
    );
  }
  parts.push(
    button(
      t("trainer.nextScenario"),
      { type: "trainer.nextScenario" },
      { id: "ctl-nextScenario", enabled: view.controls.nextScenario },
    ),
  );
  parts.push(`</div><h2>${esc(t("trainer.history"))}</h2>`);
  for (const h of model.history)
    parts.push(
      `<div class="hs-remote-option">${esc(h.text)}${h.split ? `<br><small>${esc(h.split)}</small>` : ""}</div>`,
      button(h.rewindLabel, h.rewind, { secondary: true, id: h.id.replace(/\./g, "-") }),
    );
  parts.push(
    `<p><strong>${esc(t("debrief.export"))}:</strong> <a href="${esc(reportUrl(view.joinCode, "csv"))}" style="color:#ffd166">CSV</a> · <a href="${esc(reportUrl(view.joinCode, "json"))}" target="_blank" style="color:#ffd166">JSON</a></p>`,
  );
  return parts;
}

/** Takes the phone remote away (the window is wide enough for the full console, or the scene ended). */
export function removeTrainerRemote(): void {
  document.getElementById(remoteId)?.remove();
  shownHtml = "";
}

/** Whether this window is narrow enough to get the remote instead of the laptop console. */
export function wantsRemote(): boolean {
  return window.innerWidth < remoteMaxWidth && app().route.kind === "trainer";
}
