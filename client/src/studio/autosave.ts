import type { NoteKind } from "./editorShell";
import { byId, esc } from "./dom";
import { StudioApiError, saveOnLeave, studioApi } from "./studioClient";
import { reasonOf } from "./studioPage";
import { st } from "./studioStrings";

/** How long the text rests after an edit before it is saved as a new version. */
const saveDelayMs = 1200;

/** What autosave needs from the editor. */
export type AutosaveHost = {
  id: string;
  root: HTMLElement;
  /** The text as it stands. */
  text: () => string;
  /** Where the save state is shown ("Saved · version 3", "Unsaved changes"). */
  status: HTMLElement;
  note: (kind: NoteKind, html: string) => void;
  /** Puts the newest saved text in the editor (after a conflict or a restore). */
  replaceAll: (source: string) => void;
  /** Shows the save and publish state again. */
  showSaved: () => void;
};

export type Autosave = {
  /** Starts saving a draft opened at `version` (a built-in is never started: it is read-only). */
  start: (version: number) => void;
  /** The version the text was last saved as (or opened at). */
  version: () => number;
  /** Shows the save state; nothing for a built-in. */
  showStatus: () => void;
  /** The text changed: saves it once it rests. */
  changed: () => void;
  /** Saves what is pending (after a save under way); resolves when it is saved or refused. */
  save: () => Promise<void>;
  /** Saves at once; resolves to the version saved, or undefined when the text is not saved (a refusal). */
  settle: () => Promise<number | undefined>;
  /** Loads the newest version into the editor. */
  reload: () => Promise<void>;
  /** The trainer left the editor: saves what is pending and stops. */
  stop: () => Promise<void>;
};

/**
 * Saves a draft as numbered versions: the text once it rests after an edit, what is pending when the
 * trainer leaves the editor or closes the tab. Another tab's newer version stops it until the trainer
 * loads that version (nothing is saved over it).
 */
export function autosave(host: AutosaveHost): Autosave {
  const { id, status } = host;
  let started = false;
  let baseVersion = 0;
  let dirty = false;
  let saving: Promise<void> | undefined;
  let conflict = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let gone = false;

  const showStatus = () => {
    if (!started) return;
    status.textContent = dirty ? st("editor.unsaved") : st("editor.saved", { version: baseVersion });
  };

  const save = async (): Promise<void> => {
    if (saving) await saving;
    if (!dirty || conflict || !started) return;
    const source = host.text();
    dirty = false;
    status.textContent = st("editor.saving");
    saving = studioApi
      .save(id, baseVersion, source)
      .then((saved) => {
        baseVersion = saved.version;
        if (!gone) host.showSaved();
      })
      .catch((e: unknown) => {
        dirty = true;
        if (e instanceof StudioApiError && e.code === "studio.stale") {
          conflict = true;
          host.note(
            "bad",
            `${esc(st("editor.conflict", { head: e.params.head ?? "?" }))} <button type="button" id="studio-reload">${esc(st("editor.loadNewest"))}</button>`,
          );
          byId(host.root, "studio-reload").addEventListener("click", () => void reload());
          status.textContent = st("editor.unsaved");
          return;
        }
        status.textContent = st("editor.saveFailed", { reason: reasonOf(e) });
      })
      .finally(() => (saving = undefined));
    await saving;
  };

  const reload = async () => {
    const draft = await studioApi.draft(id);
    if (!started) return;
    conflict = false;
    baseVersion = draft.version;
    host.replaceAll(draft.source);
    dirty = false;
    host.note("", "");
    host.showSaved();
  };

  // Closing the tab mid-edit: the last keystrokes go out on a request the browser finishes after the page.
  const onPageHide = () => {
    if (!dirty || conflict || !started) return;
    saveOnLeave(id, baseVersion, host.text());
  };
  window.addEventListener("pagehide", onPageHide);

  return {
    start: (version) => {
      started = true;
      baseVersion = version;
    },
    version: () => baseVersion,
    showStatus,
    changed: () => {
      if (!started) return;
      dirty = true;
      host.showSaved();
      clearTimeout(timer);
      timer = setTimeout(() => void save(), saveDelayMs);
    },
    save,
    settle: async () => {
      clearTimeout(timer);
      await save();
      return conflict || dirty ? undefined : baseVersion;
    },
    reload,
    stop: () => {
      gone = true;
      clearTimeout(timer);
      window.removeEventListener("pagehide", onPageHide);
      return save();
    },
  };
}
