import { scenarioListResponseSchema } from "@hotseat/shared";
import type { GroupSummary, ScenarioSummary } from "@hotseat/shared";
import { routePath } from "../app/route";
import { getLocale, t } from "../i18n/t";
import { api } from "../net/api";
import { hostSession } from "../net/connection";
import { Refusal, failureText } from "../net/refusal";
import { scenarioChoiceLabel } from "../viewModel/scenarioChoice";
import { allGroupKeys, groupKey, saveGroupKey } from "./groupKeys";
import { createGroup, listGroups } from "./groupsApi";
import { dateText, esc } from "./groupText";
import { parseRoster } from "./rosterText";

/*
 * `/groups`: the groups whose keys this browser keeps, each with its page and a "host a session for it"
 * button, and the form that creates a group (name, roster, open or closed). A group's key never leaves
 * this browser but in the Authorization header of its own routes.
 */

function groupRow(g: GroupSummary): string {
  const roster = t(g.openRoster ? "groups.openRoster" : "groups.closedRoster");
  return `<tr><th scope="row"><a href="${esc(routePath({ kind: "groups", groupId: g.groupId }))}">${esc(g.name)}</a></th>
<td>${g.learnerCount}</td><td>${esc(roster)}</td><td>${esc(dateText(g.createdAt))}</td>
<td><button type="button" class="gp-host" data-group="${esc(g.groupId)}">${esc(t("groups.host"))}</button></td></tr>`;
}

function listHtml(groups: readonly GroupSummary[], scenarios: readonly ScenarioSummary[]): string {
  if (groups.length === 0) return `<p class="gp-empty">${esc(t("groups.none"))}</p>`;
  const options = scenarios
    .filter((s) => s.playable !== false)
    .map((s) => `<option value="${esc(s.id)}">${esc(scenarioChoiceLabel(s, getLocale()))}</option>`)
    .join("");
  const head = [t("groups.name"), t("groups.learnersHead"), t("groups.rosterKind"), t("groups.created"), ""]
    .map(
      (h) => `<th scope="col">${h ? esc(h) : `<span class="gp-sr">${esc(t("groups.actions"))}</span>`}</th>`,
    )
    .join("");
  return `<label class="gp-field gp-inline">${esc(t("groups.scenario"))}<select id="gp-scenario">${options}</select></label>
<div class="gp-scroll"><table class="gp-table"><caption>${esc(t("groups.mineCaption"))}</caption><thead><tr>${head}</tr></thead><tbody>${groups.map(groupRow).join("")}</tbody></table></div>
<p id="gp-host-error" class="gp-error" role="alert"></p>`;
}

const formHtml = () => `<form id="gp-create" class="gp-form" novalidate>
<label class="gp-field">${esc(t("groups.name"))}<input id="gp-name" name="name" required maxlength="120" autocomplete="off"></label>
<label class="gp-field">${esc(t("groups.rosterInput"))}<span class="gp-hint" id="gp-roster-hint">${esc(t("groups.rosterHint"))}</span>
<textarea id="gp-roster" name="roster" rows="6" aria-describedby="gp-roster-hint" spellcheck="false"></textarea></label>
<label class="gp-check"><input type="checkbox" id="gp-open" name="open">${esc(t("groups.openInput"))}</label>
<label class="gp-field" id="gp-password-field" hidden>${esc(t("groups.password"))}<input id="gp-password" type="password" autocomplete="current-password"></label>
<button type="submit" id="gp-create-button">${esc(t("groups.create"))}</button>
<p id="gp-create-error" class="gp-error" role="alert"></p>
</form>`;

const problemText = (problem: "email" | "name" | "too-long") =>
  t(problem === "email" ? "groups.badEmail" : problem === "name" ? "groups.badName" : "groups.badLength");

/** Fills `main` with the groups list and wires its buttons. */
export async function showGroupsList(main: HTMLElement, notice = ""): Promise<void> {
  document.title = t("groups.title");
  const keys = allGroupKeys();
  const [groups, scenarios] = await Promise.all([
    listGroups(Object.values(keys)),
    api(scenarioListResponseSchema, "/api/scenarios").then((a) => a.scenarios),
  ]);
  main.innerHTML = `<header class="gp-top"><h1>${esc(t("groups.title"))}</h1><a href="/">${esc(t("groups.home"))}</a></header>
<p class="gp-note">${esc(t("groups.intro"))}</p>
<p id="gp-notice" role="status">${esc(notice)}</p>
<div class="gp-columns"><section aria-labelledby="gp-mine-h"><h2 id="gp-mine-h">${esc(t("groups.mine"))}</h2>${listHtml(groups, scenarios)}</section>
<section aria-labelledby="gp-new-h"><h2 id="gp-new-h">${esc(t("groups.new"))}</h2>${formHtml()}</section></div>`;
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
    const hosted = await hostSession({
      groupId,
      groupKey: key,
      ...(scenarioId ? { scenarioId } : {}),
      ...(password ? { password } : {}),
    });
    window.location.assign(routePath({ kind: "trainer", code: hosted.code }));
  } catch (e) {
    if (e instanceof Refusal && e.code === "host.password") askPassword(main);
    error.textContent = t("groups.hostFailed", { reason: failureText(e) });
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
    error.textContent = t("groups.nameMissing");
    $("gp-name").focus();
    return;
  }
  const roster = parseRoster($<HTMLTextAreaElement>("gp-roster").value);
  if (!roster.ok) {
    error.textContent = t("groups.badLine", {
      line: roster.line,
      text: roster.text,
      problem: problemText(roster.problem),
    });
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
    await showGroupsList(main, t("groups.createdNotice", { name: created.group.name }));
    main.querySelector<HTMLElement>(`.gp-host[data-group="${CSS.escape(created.group.groupId)}"]`)?.focus();
  } catch (e) {
    // The form keeps what was typed: nothing is lost to a refusal.
    if (e instanceof Refusal && e.code === "host.password") askPassword(main);
    error.textContent = t("groups.createFailed", { reason: failureText(e) });
  }
}
