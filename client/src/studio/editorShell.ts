import { byId, esc } from "./dom";
import { StudioApiError, studioApi } from "./studioClient";
import { st } from "./studioStrings";

/** A scenario as the editor opens it: a draft of this Studio (editable, versioned) or a built-in (read-only). */
export type Opened =
  | { kind: "draft"; version: number; publishedVersion?: number; source: string }
  | { kind: "builtin"; source: string };

/** The draft named `id`, or else the built-in of that name (a refusal of both is thrown). */
export async function openScenario(id: string): Promise<Opened> {
  try {
    const draft = await studioApi.draft(id);
    return {
      kind: "draft",
      version: draft.version,
      source: draft.source,
      ...(draft.publishedVersion !== undefined ? { publishedVersion: draft.publishedVersion } : {}),
    };
  } catch (e) {
    if (!(e instanceof StudioApiError) || e.code !== "studio.unknown") throw e;
    return { kind: "builtin", source: (await studioApi.builtin(id)).source };
  }
}

/** How a note above the text looks: plain, a warning, a refusal, or news of something done. */
export type NoteKind = "" | "warn" | "bad" | "good";

/** The editor's page as built, before anything is opened in it. */
export type EditorShell = {
  /** An element of the page by id. */
  $: (name: string) => HTMLElement;
  /** The line of notes above the text, where refusals are also shown. */
  notes: HTMLElement;
  /** Shows one note above the text (HTML, escaped by the caller), or none for "". */
  note: (kind: NoteKind, html: string) => void;
};

/**
 * Builds the editor's page in `root`: the bar (title, save state, publishing), the text, the form beside
 * it, and the side with the map and the problems. The buttons start hidden until the scenario is open.
 */
export function buildEditorShell(root: HTMLElement, id: string): EditorShell {
  root.innerHTML = `<header class="studio-bar">
      <a href="/studio" id="studio-back">← ${esc(st("editor.back"))}</a>
      <h1 id="studio-title">${esc(id)}</h1>
      <span id="studio-save" aria-live="polite"></span>
      <span class="studio-spacer"></span>
      <span id="studio-published"></span>
      <button type="button" class="secondary" id="studio-unpublish" title="${esc(st("unpublish.title"))}" hidden>${esc(st("unpublish.button"))}</button>
      <button type="button" class="secondary" id="studio-history" hidden>${esc(st("history.open"))}</button>
      <button type="button" class="secondary" id="studio-download">${esc(st("editor.download"))}</button>
      <button type="button" id="studio-publish" hidden>${esc(st("editor.publish"))}</button>
      <button type="button" id="studio-host" hidden>${esc(st("editor.host"))}</button>
    </header>
    <div class="studio-editor">
      <div class="studio-notes" id="studio-notes" role="status"></div>
      <section class="studio-text" id="studio-text" aria-label="YAML"></section>
      <section class="studio-forms" id="studio-forms" aria-label="Form"></section>
      <div class="studio-side">
        <section class="studio-panel studio-map">
          <h2>${esc(st("editor.map"))} <small id="studio-map-note">${esc(st("editor.mapHint"))}</small><span class="studio-zoom" id="studio-zoom"></span></h2>
          <div class="studio-panel-body" id="studio-map"></div>
          <div class="studio-legend" id="studio-legend">${legend()}</div>
        </section>
        <section class="studio-panel">
          <h2>${esc(st("editor.problems"))} <small id="studio-counts"></small></h2>
          <div class="studio-panel-body"><ul class="studio-problems" id="studio-problems"></ul></div>
        </section>
      </div>
    </div>`;
  const $ = (name: string) => byId(root, name);
  const notes = $("studio-notes");
  return {
    $,
    notes,
    note: (kind, html) => {
      notes.innerHTML = html === "" ? "" : `<p class="studio-note ${kind}">${html}</p>`;
    },
  };
}

/** The map's legend: the marks a state can carry beside its plain box. */
function legend(): string {
  return [
    `<span style="--swatch:#f5f7fb;--edge:#ff8c00">${esc(st("map.selected"))}</span>`,
    `<span style="--swatch:#f5f7fb;--edge:#b3261e">${esc(st("map.unreachable"))} / ${esc(st("map.stuck"))}</span>`,
  ].join("");
}
