import {
  draftVersionResponseSchema,
  draftVersionsResponseSchema,
  saveDraftResponseSchema,
} from "@hotseat/shared";
import type { DraftVersionsResponse, SaveDraftResponse } from "@hotseat/shared";
import { getLocale } from "../i18n/t";
import { esc } from "./dom";
import { lineChanges } from "./lineChanges";
import { StudioApiError, request } from "./studioClient";
import { reasonOf } from "./studioPage";
import { st } from "./studioStrings";

/** What the history needs from the editor it opens from. */
export type HistoryHost = {
  id: string;
  /** Saves what is typed and not saved yet, so the newest version is the text on screen. */
  flush: () => Promise<void>;
  current: () => { version: number; source: string; published?: number | undefined };
  /** Loads the newest version into the editor (after a restore, or to resolve a conflict). */
  reload: () => Promise<void>;
};

const id = (s: string) => encodeURIComponent(s);
const when = (ms: number) =>
  new Date(ms).toLocaleString(getLocale(), { dateStyle: "medium", timeStyle: "medium" });

/**
 * The draft's history as a dialog: every saved version with its number, time and published mark; the
 * text of the one picked (read-only) with how it differs from the current text; and restoring it, which
 * saves it again as the newest version (the server refuses when another tab saved meanwhile).
 */
export function openHistory(host: HistoryHost): void {
  const dialog = document.createElement("dialog");
  dialog.className = "studio-history";
  dialog.setAttribute("aria-labelledby", "studio-history-heading");
  dialog.innerHTML = `<header><h2 id="studio-history-heading">${esc(st("history.heading"))}</h2>
      <button type="button" class="secondary" data-close>${esc(st("history.close"))}</button></header>
    <div class="studio-history-body">
      <ol class="studio-history-list" aria-label="${esc(st("history.heading"))}"></ol>
      <section class="studio-history-view" aria-live="polite">
        <p class="studio-history-note">${esc(st("history.pick"))}</p>
        <button type="button" data-restore hidden></button>
        <pre tabindex="0"></pre>
      </section>
    </div>`;
  document.querySelector(".studio")?.append(dialog);
  const list = dialog.querySelector("ol") as HTMLOListElement;
  const note = dialog.querySelector(".studio-history-note") as HTMLElement;
  const restore = dialog.querySelector("[data-restore]") as HTMLButtonElement;
  const pre = dialog.querySelector("pre") as HTMLPreElement;
  let picked: number | undefined;
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  dialog.querySelector("[data-close]")?.addEventListener("click", close);
  dialog.addEventListener("close", () => dialog.remove());

  const showList = (versions: DraftVersionsResponse["versions"]) => {
    const { version: head, published } = host.current();
    list.innerHTML = versions
      .map(
        (v) => `<li><button type="button" data-version="${v.version}" aria-pressed="${v.version === picked}">
          <strong>${esc(st("history.version", { version: v.version }))}</strong>
          ${v.version === published ? `<span class="mark published">${esc(st("history.published"))}</span>` : ""}
          ${v.version === head ? `<span class="mark">${esc(st("history.current"))}</span>` : ""}
          <small>${esc(when(v.savedAt))} · ${esc(st("history.chars", { chars: v.chars }))}</small></button></li>`,
      )
      .join("");
  };
  const load = async () => {
    const { versions } = await request(
      draftVersionsResponseSchema,
      `/api/studio/drafts/${id(host.id)}/versions`,
    );
    showList(versions);
    return versions;
  };
  const pick = async (version: number) => {
    picked = version;
    for (const b of list.querySelectorAll<HTMLButtonElement>("button[data-version]"))
      b.setAttribute("aria-pressed", String(Number(b.dataset.version) === version));
    const found = await request(
      draftVersionResponseSchema,
      `/api/studio/drafts/${id(host.id)}/versions/${version}`,
    );
    if (picked !== version) return;
    pre.textContent = found.source;
    const changes = lineChanges(host.current().source, found.source);
    note.textContent =
      changes.added + changes.removed === 0 ? st("history.same") : st("history.diff", changes);
    restore.hidden = version === host.current().version;
    restore.textContent = st("history.restore", { version });
  };

  list.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-version]");
    if (button) void pick(Number(button.dataset.version)).catch(fail);
  });
  const fail = (e: unknown) => {
    note.textContent = st("error.any", { reason: reasonOf(e) });
  };
  restore.addEventListener("click", () => {
    if (picked === undefined) return;
    const version = picked;
    restore.disabled = true;
    void (async () => {
      try {
        await host.flush();
        const saved: SaveDraftResponse = await request(
          saveDraftResponseSchema,
          `/api/studio/drafts/${id(host.id)}/restore`,
          "POST",
          { version, baseVersion: host.current().version },
        );
        await host.reload();
        await load();
        restore.hidden = true;
        note.textContent = st("history.restored", { version, saved: saved.version });
      } catch (e) {
        if (e instanceof StudioApiError && e.code === "studio.stale") {
          note.innerHTML = `${esc(st("history.stale", { head: e.params.head ?? "?" }))} <button type="button" data-newest>${esc(st("editor.loadNewest"))}</button>`;
          note.querySelector("[data-newest]")?.addEventListener("click", () => {
            void host
              .reload()
              .then(load)
              .then(() => pick(version))
              .catch(fail);
          });
        } else fail(e);
      } finally {
        restore.disabled = false;
      }
    })();
  });

  dialog.showModal();
  void host
    .flush()
    .then(load)
    .then((versions) => versions[0] && pick(versions[0].version))
    .catch(fail);
}
