import { claimLearnerRequestSchema, learnerKeyResponseSchema, sessionRosterSchema } from "@hotseat/shared";
import type { SessionRoster } from "@hotseat/shared";
import { t } from "../i18n/t";
import { api } from "../net/api";
import { forgetLearnerKey, keepLearnerKey, learnerOfGroup, noteSessionGroup } from "../net/learnerKeys";
import { Refusal } from "../net/refusal";

/** The roster line that stands for "my name is not on the list" (open rosters). */
const newName = "__new__";

/** What the picker settled for a Join: the name to join with, or that nothing is picked yet. */
export type Picked = { kind: "anonymous" } | { kind: "learner"; name: string } | { kind: "missing" };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * The join form's roster picker for a group's session: the phone picks its name from the group's list (or
 * adds one to an open list) and keeps the learner key it gets, so this and later workshops count in the
 * same record; a phone that holds a key already just says who it plays as. A session of no group shows
 * nothing and joins as before.
 */
export class RosterPicker {
  private roster: SessionRoster | undefined;
  private code = "";
  private choosing = false;

  constructor(
    private readonly container: HTMLElement,
    /** The form's own name field, shown only where a typed name is wanted. */
    private readonly nameLabel: HTMLElement,
  ) {
    container.addEventListener("click", (e) => {
      if ((e.target as HTMLElement).closest("[data-action=not-you]")) {
        this.choosing = true;
        this.render();
      }
    });
    container.addEventListener("change", () => this.syncNameField());
  }

  /** Asks whether session `code` is a group's and draws its roster; anything else leaves the form as it is. */
  async load(code: string): Promise<void> {
    if (!code || code === this.code) return;
    this.code = code;
    try {
      this.roster = await api(sessionRosterSchema, `/api/sessions/${encodeURIComponent(code)}/roster`);
      noteSessionGroup(code, this.roster.groupId);
    } catch (e) {
      this.roster = undefined;
      if (e instanceof Refusal && e.code === "session.no-group") noteSessionGroup(code, undefined);
    }
    if (this.code === code) this.render();
  }

  /** The phone's key was refused (the learner was deleted or renewed elsewhere): forget it and pick again. */
  forget(): void {
    const roster = this.roster;
    if (!roster) return;
    forgetLearnerKey(roster.groupId);
    const code = this.code;
    this.code = "";
    void this.load(code);
  }

  /** Settles the name to join with: the kept learner, or the picked line claimed now (may throw a Refusal). */
  async pick(code: string): Promise<Picked> {
    const roster = this.roster;
    if (!roster || code !== this.code) return { kind: "anonymous" };
    const mine = learnerOfGroup(roster.groupId);
    if (mine && !this.choosing) return { kind: "learner", name: mine.displayName };
    const chosen = this.container.querySelector<HTMLInputElement>("input[name=roster-pick]:checked")?.value;
    if (chosen === undefined) return { kind: "missing" };
    const typed = (document.getElementById("join-name") as HTMLInputElement | null)?.value.trim() ?? "";
    if (chosen === newName && !typed) return { kind: "missing" };
    const body = claimLearnerRequestSchema.parse(
      chosen === newName ? { displayName: typed } : { learnerId: chosen },
    );
    const answer = await api(learnerKeyResponseSchema, `/api/sessions/${encodeURIComponent(code)}/learners`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    keepLearnerKey(answer);
    this.choosing = false;
    return { kind: "learner", name: answer.displayName };
  }

  private render(): void {
    const roster = this.roster;
    if (!roster) {
      this.container.replaceChildren();
      this.container.hidden = true;
      this.nameLabel.hidden = false;
      return;
    }
    this.container.hidden = false;
    const mine = learnerOfGroup(roster.groupId);
    if (mine && !this.choosing) {
      this.container.innerHTML = `<p class="hs-dom-roster-you">${escapeHtml(t("learn.you", { name: mine.displayName }))}</p>
        <button type="button" class="hs-dom-roster-link" data-action="not-you">${escapeHtml(t("learn.notYou"))}</button>`;
      this.nameLabel.hidden = true;
      return;
    }
    const line = (value: string, text: string, disabled: boolean) =>
      `<label class="hs-dom-roster-line"><input type="radio" name="roster-pick" value="${escapeHtml(value)}"${
        disabled ? " disabled" : ""
      } /><span>${escapeHtml(text)}</span></label>`;
    const lines = roster.learners.map((l) =>
      line(l.learnerId, l.claimed ? t("learn.taken", { name: l.displayName }) : l.displayName, l.claimed),
    );
    if (roster.openRoster) lines.push(line(newName, t("learn.notListed"), false));
    this.container.innerHTML = `<fieldset class="hs-dom-roster"><legend>${escapeHtml(
      `${t("learn.pickName")} · ${roster.groupName}`,
    )}</legend>${lines.join("")}</fieldset>`;
    this.syncNameField();
  }

  /** The typed name is wanted only for "my name is not on the list". */
  private syncNameField(): void {
    if (!this.roster) return;
    const chosen = this.container.querySelector<HTMLInputElement>("input[name=roster-pick]:checked")?.value;
    this.nameLabel.hidden = chosen !== newName;
  }
}
