import { groupsPath, consolePath } from "./groupPaths";
import { scenarioListResponseSchema } from "@hotseat/shared";
import type { GroupSummary, ScenarioSummary } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { getLocale } from "../i18n/t";
import { api } from "../net/api";
import { Refusal, failureText } from "../net/refusal";
import { scenarioChoiceLabel } from "../viewModel/scenarioChoice";
import { allGroupKeys, groupKey, saveGroupKey } from "./groupKeys";
import { createGroup, hostForGroup, listGroups } from "./groupsApi";
import { dateText, esc } from "./groupText";
import { rosterLineError } from "./rosterAdd";
import { parseRoster } from "./rosterText";

/*
 * `/groups`: the groups whose keys this browser keeps, each with its page and a "host a session for it"
 * button, and the form that creates a group (name, roster, open or closed). A group's key never leaves
 * this browser but in the Authorization header of its own routes.
 */

function groupRow(g: GroupSummary): string {
  const roster = gt(g.openRoster ? "groups.openRoster" : "groups.closedRoster");
  return `<tr><th scope="row"><a href="${esc(groupsPath(g.groupId))}">${esc(g.name)}</a></th>
<td>${g.learnerCount}</td><td>${esc(roster)}</td><td>${esc(dateText(g.createdAt))}</td>
<td><button type="button" class="gp-host" data-group="${esc(g.groupId)}" aria-label="${esc(gt("groups.hostFor", { name: g.name }))}">${esc(gt("groups.host"))}</button></td></tr>`;
}

function listHtml(groups: readonly GroupSummary[], scenarios: readonly ScenarioSummary[]): string {
  if (groups.length === 0) return `<p class="gp-empty">${esc(gt("groups.none"))}</p>`;
  const options = scenarios
    .filter((s) => s.playable !== false)
    .map((s) => `<option value="${esc(s.id)}">${esc(scenarioChoiceLabel(s, getLocale()))}</option>`)
    .join("");
  const head = [
    gt("groups.name"),
    gt("groups.learnersHead"),
    gt("groups.rosterKind"),
    gt("groups.created"),
    "",
  ]
    .map(
      (h) => `<th scope="col">${h ? esc(h) : `<span class="gp-sr">${esc(gt("groups.actions"))}</span>`}</th>`,
    )
    .join("");
  return `<label class="gp-field gp-inline">${esc(gt("groups.scenario"))}<select id="gp-scenario">${options}</select></label>
<div class="gp-scroll"><table class="gp-table"><caption>${esc(gt("groups.mineCaption"))}</caption><thead><tr>${head}</tr></thead><tbody>${groups.map(groupRow).join("")}</tbody></table></div>
<p id="gp-host-error" class="gp-error" role="alert"></p>`;
}

const formHtml = () => `<form id="gp-create" class="gp-form" novalidate>
<label class="gp-field">${esc(gt("groups.name"))}<input id="gp-name" name="name" required maxlength="120" autocomplete="off"></label>
<div class="gp-field"><label for="gp-roster">${esc(gt("groups.rosterInput"))}</label><span class="gp-hint" id="gp-roster-hint">${esc(gt("groups.rosterHint"))}</span>
<textarea id="gp-roster" name="roster" rows="6" aria-describedby="gp-roster-hint" spellcheck="false"></textarea></div>
<label class="gp-check"><input type="checkbox" id="gp-open" name="open">${esc(gt("groups.openInput"))}</label>
<label class="gp-field" id="gp-password-field" hidden>${esc(gt("groups.password"))}<input id="gp-password" type="password" autocomplete="current-password"></label>
<button type="submit" id="gp-create-button">${esc(gt("groups.create"))}</button>
<p id="gp-create-error" class="gp-error" role="alert"></p>
</form>`;

/** Fills `main` with the groups list and wires its buttons. */
export async function showGroupsList(main: HTMLElement, notice = ""): Promise<void> {
  document.title = gt("groups.title");
  const keys = allGroupKeys();
  const [groups, scenarios] = await Promise.all([
    listGroups(Object.values(keys)),
    api(scenarioListResponseSchema, "/api/scenarios").then((a) => a.scenarios),
  ]);
  main.innerHTML = `<header class="gp-top"><h1>${esc(gt("groups.title"))}</h1><a href="/">${esc(gt("groups.home"))}</a></header>
<p class="gp-note">${esc(gt("groups.intro"))}</p>
<p id="gp-notice" role="status">${esc(notice)}</p>
<div class="gp-columns"><section aria-labelledby="gp-mine-h"><h2 id="gp-mine-h">${esc(gt("groups.mine"))}</h2>${listHtml(groups, scenarios)}</section>
<section aria-labelledby="gp-new-h"><h2 id="gp-new-h">${esc(gt("groups.new"))}</h2>${formHtml()}</section></div>`;
  const $ = <T extends HTMLElement>(id: string) => main.querySelector<T>(`#${id}`) as T;
  const flagship = scenarios.find((s) => s.id === "ruined-hat");
  if (flagship && groups.length > 0) $<HTMLSelectElement>("gp-scenario").value = flagship.id;
  for (const button of main.querySelectorAll<HTMLButtonElement>(".gp-host"))
    button.addEventListener("click", () => void host(main, button.dataset["group"] ?? ""));
  $<HTMLFormElement>("gp-create").addEventListener("submit", (e) => {
    e.preventDefault();
    void create(main);
  });
}

async function host(main: HTMLElement, groupId: string): Promise<void> {
  const error = main.querySelector<HTMLElement>("#gp-host-error");
  const scenarioId = main.querySelector<HTMLSelectElement>("#gp-scenario")?.value;
  const key = groupKey(groupId);
  if (!error || !key) return;
  const password = main.querySelector<HTMLInputElement>("#gp-password")?.value;
  try {
    const hosted = await hostForGroup({
      groupId,
      groupKey: key,
      ...(scenarioId ? { scenarioId } : {}),
      ...(password ? { password } : {}),
    });
    window.location.assign(consolePath(hosted.code));
  } catch (e) {
    if (e instanceof Refusal && e.code === "host.password") askPassword(main);
    error.textContent = gt("groups.hostFailed", { reason: failureText(e) });
  }
}

function askPassword(main: HTMLElement): void {
  const field = main.querySelector<HTMLElement>("#gp-password-field");
  if (field) field.hidden = false;
}

async function create(main: HTMLElement): Promise<void> {
  const $ = <T extends HTMLElement>(id: string) => main.querySelector<T>(`#${id}`) as T;
  const error = $("gp-create-error");
  const name = $<HTMLInputElement>("gp-name").value.trim();
  if (!name) {
    error.textContent = gt("groups.nameMissing");
    $("gp-name").focus();
    return;
  }
  const roster = parseRoster($<HTMLTextAreaElement>("gp-roster").value);
  if (!roster.ok) {
    error.textContent = rosterLineError(roster);
    $("gp-roster").focus();
    return;
  }
  const password = $<HTMLInputElement>("gp-password").value;
  error.textContent = "";
  try {
    const created = await createGroup({
      name,
      openRoster: $<HTMLInputElement>("gp-open").checked,
      roster: roster.lines,
      ...(password ? { password } : {}),
    });
    saveGroupKey(created.group.groupId, created.groupKey);
    await showGroupsList(main, gt("groups.createdNotice", { name: created.group.name }));
    main.querySelector<HTMLElement>(`.gp-host[data-group="${CSS.escape(created.group.groupId)}"]`)?.focus();
  } catch (e) {
    // The form keeps what was typed: nothing is lost to a refusal.
    if (e instanceof Refusal && e.code === "host.password") askPassword(main);
    error.textContent = gt("groups.createFailed", { reason: failureText(e) });
  }
}
