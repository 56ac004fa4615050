import type { GroupDetail } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { failureText } from "../net/refusal";
import { addLearners } from "./groupsApi";
import { esc } from "./groupText";
import { parseRoster } from "./rosterText";
import type { RosterParse } from "./rosterText";

/** What is wrong with a roster line, in the page's language. */
export function rosterLineError(bad: Extract<RosterParse, { ok: false }>): string {
  const problem =
    bad.problem === "email"
      ? gt("groups.badEmail")
      : bad.problem === "name"
        ? gt("groups.badName")
        : gt("groups.badLength");
  return gt("groups.badLine", { line: bad.line, text: bad.text, problem });
}

/** The group page's "add learners" form (a closed list gets its late arrivals here). */
export function addLearnersHtml(): string {
  return `<form id="gp-add" class="gp-form gp-add" novalidate>
<div class="gp-field"><label for="gp-add-roster">${esc(gt("groups.addInput"))}</label><span class="gp-hint" id="gp-add-hint">${esc(gt("groups.rosterHint"))}</span>
<textarea id="gp-add-roster" rows="3" aria-describedby="gp-add-hint" spellcheck="false"></textarea></div>
<button type="submit" class="secondary">${esc(gt("groups.add"))}</button>
<p id="gp-add-error" class="gp-error" role="alert"></p></form>`;
}

/** Wires the form: checks the lines like the server, adds them, then `done` redraws the page. */
export function wireAddLearners(
  main: HTMLElement,
  groupId: string,
  key: string,
  done: (detail: GroupDetail) => Promise<void>,
): void {
  const form = main.querySelector<HTMLFormElement>("#gp-add");
  const input = main.querySelector<HTMLTextAreaElement>("#gp-add-roster");
  const error = main.querySelector<HTMLElement>("#gp-add-error");
  if (!form || !input || !error) return;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const roster = parseRoster(input.value);
    if (!roster.ok || roster.lines.length === 0) {
      error.textContent = roster.ok ? gt("groups.addNone") : rosterLineError(roster);
      input.focus();
      return;
    }
    error.textContent = "";
    // What was typed stays in the box until the server has taken it.
    addLearners(groupId, roster.lines, key).then(done, (err: unknown) => {
      error.textContent = gt("groups.addFailed", { reason: failureText(err) });
    });
  });
}
