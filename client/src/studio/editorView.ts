import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import type { Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { basicSetup, EditorView } from "codemirror";
import { localize } from "@hotseat/shared";
import type { CompiledScenario, Diagnostic } from "@hotseat/shared";
import { getLocale } from "../i18n/t";
import { draftChecker } from "./checkDraft";
import { diagnosticRange } from "./diagnosticRange";
import { editorAssist } from "./editorAssist";
import { byId, download, esc } from "./dom";
import { mapMarks } from "./mapMarks";
import type { MapMarks } from "./mapMarks";
import { openHistory } from "./historyView";
import { mapZoom } from "./mapZoom";
import { stateAt, stateOutline } from "./stateOutline";
import type { OutlinedState } from "./stateOutline";
import { StudioApiError, studioApi } from "./studioClient";
import type { StudioNav } from "./studioPage";
import { reasonOf } from "./studioPage";
import { st } from "./studioStrings";
import { renderStudioMap } from "./studioMap";
import { mountTranslations } from "./translationsView";
import { replaceText } from "./minimalChange";
import { mountRunPanels } from "./runPanels";
import { mountForms } from "./forms/formsPanel";
import type { Forms } from "./forms/formsPanel";

/**
 * The longest the text rests before it is checked again (a check cheaper than `checkAtOnceMs`, the usual
 * keystroke inside a text, runs at once; a dearer one waits as long as it took, so typing faster than the
 * check can run waits for a pause), and how long it rests before it is saved.
 */
const checkDelayMs = 250;
const checkAtOnceMs = 50;
/**
 * The form beside the text reads the whole file again (a full YAML parse), so it follows typed text once
 * the typing rests rather than on the keystroke's path; its own edits redraw it at once.
 */
const formsFollowMs = 300;
const saveDelayMs = 1200;

type Opened =
  | { kind: "draft"; version: number; publishedVersion?: number; source: string }
  | { kind: "builtin"; source: string };

async function openScenario(id: string): Promise<Opened> {
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

/**
 * The editor of one scenario: its text with the engine's diagnostics underlined and listed as the trainer
 * types, the live map beside it, autosave as numbered versions, and publishing. A built-in opens read-only.
 * Returns what to do when the trainer leaves (save what is pending, stop the timers).
 */
export function showEditor(nav: StudioNav, id: string): () => void {
  const { root } = nav;
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
          <div class="studio-legend" id="studio-legend"></div>
        </section>
        <section class="studio-panel">
          <h2>${esc(st("editor.problems"))} <small id="studio-counts"></small></h2>
          <div class="studio-panel-body"><ul class="studio-problems" id="studio-problems"></ul></div>
        </section>
      </div>
    </div>`;
  const $ = (name: string) => byId(root, name);
  const runPanels = mountRunPanels(root.querySelector<HTMLElement>(".studio-side")!);
  const notes = $("studio-notes");
  const saveStatus = $("studio-save");
  const publishButton = $("studio-publish") as HTMLButtonElement;
  const hostButton = $("studio-host") as HTMLButtonElement;
  const unpublishButton = $("studio-unpublish") as HTMLButtonElement;
  $("studio-back").addEventListener("click", (e) => {
    e.preventDefault();
    nav.go({});
  });
  const zoom = mapZoom($("studio-map"), $("studio-zoom"), {
    zoomIn: st("zoom.in"),
    zoomOut: st("zoom.out"),
    fit: st("zoom.fit"),
    actual: st("zoom.actual"),
  });
  // Which edit the diagnostics and the map show: `data-doc-rev` counts edits, `data-checked-rev` is the one
  // last checked and drawn. The keystroke benchmark (server/bench/studioKeystrokeBench.ts) waits on them.
  let docRev = 0;
  const note = (kind: "" | "warn" | "bad" | "good", html: string) => {
    notes.innerHTML = html === "" ? "" : `<p class="studio-note ${kind}">${html}</p>`;
  };

  let view: EditorView | undefined;
  let opened: Opened | undefined;
  let baseVersion = 0;
  let dirty = false;
  let saving: Promise<void> | undefined;
  let conflict = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let cursorTimer: ReturnType<typeof setTimeout> | undefined;
  let lastGood: { compiled: CompiledScenario; marks: MapMarks } | undefined;
  let diagnostics: Diagnostic[] = [];
  let selected: string | undefined;
  let gone = false;
  let forms: Forms | undefined;

  const text = () => view?.state.doc.toString() ?? "";
  // Where each state's text lies, for the cursor's state on the map. Reading it parses the whole file, so it
  // is kept while the edits only change quoted texts (the check says so), its offsets moved with each edit.
  let outline: OutlinedState[] | undefined;
  const outlineNow = () => (outline ??= stateOutline(text()));
  const jump = (offset: number) => {
    if (!view) return;
    view.dispatch({
      selection: { anchor: offset },
      effects: EditorView.scrollIntoView(offset, { y: "center" }),
    });
    view.focus();
  };

  const drawMap = () => {
    const mapBox = $("studio-map");
    const mapNote = $("studio-map-note");
    if (!lastGood) {
      mapBox.innerHTML = `<p class="studio-empty">${esc(st("editor.mapEmpty"))}</p>`;
      return;
    }
    mapNote.textContent = diagnostics.some((d) => d.severity === "error")
      ? st("editor.mapStale")
      : st("editor.mapHint");
    renderStudioMap(
      mapBox,
      lastGood.compiled,
      lastGood.marks,
      selected,
      getLocale(),
      (state) => {
        const found = outlineNow().find((s) => s.id === state);
        selected = state;
        drawMap();
        runPanels.selectState(state);
        forms?.open(state);
        if (found) jump(found.from);
      },
      zoom,
    );
  };

  let problemsHtml: string | undefined;
  const showProblems = () => {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    $("studio-counts").textContent = st("editor.counts", { errors, warnings });
    const source = text();
    const html =
      diagnostics.length === 0
        ? `<li class="studio-empty">${esc(st(opened?.kind === "draft" ? "editor.noProblems" : "editor.clean"))}</li>`
        : diagnostics
            .map((d) => {
              const { from } = diagnosticRange(source, d);
              return `<li><button type="button" data-from="${from}" data-code="${d.code}"><span class="sev-${d.severity}">${d.code}</span><span class="where">${d.line}:${d.column}</span><span>${esc(d.message)}</span></button></li>`;
            })
            .join("");
    // Typing in a text usually leaves the list as it was: rebuilding it would only cost layout.
    if (html !== problemsHtml) $("studio-problems").innerHTML = problemsHtml = html;
    publishButton.disabled = opened?.kind !== "draft" || errors > 0;
    publishButton.title = errors > 0 ? st("editor.publishFirst") : "";
  };

  let lastCheckMs = 0;
  let markCount = 0;
  let formsTimer: ReturnType<typeof setTimeout> | undefined;
  const checkDraft = draftChecker(`${id}.yaml`);
  const check = () => {
    if (!view) return;
    const started = performance.now();
    const source = text();
    const result = checkDraft(source);
    if (!result.textOnly) outline = undefined;
    const loaded = performance.now();
    diagnostics = result.diagnostics;
    const marks: EditorDiagnostic[] = diagnostics.map((d) => ({
      ...diagnosticRange(source, d),
      severity: d.severity,
      message: `${d.code}: ${d.message}`,
      source: d.code,
      markClass: `hs-diag hs-diag-${d.code}`,
    }));
    // No marks before and none now (a clean scenario as the trainer types): nothing for the editor to redo.
    if (marks.length > 0 || markCount > 0) view.dispatch(setDiagnostics(view.state, marks));
    markCount = marks.length;
    if (result.compiled) lastGood = { compiled: result.compiled, marks: mapMarks(diagnostics) };
    runPanels.update(result.compiled, result.analysis);
    if (result.scenario) $("studio-title").textContent = localize(result.scenario.title, getLocale());
    showProblems();
    const listed = performance.now();
    drawMap();
    clearTimeout(formsTimer);
    formsTimer = setTimeout(() => forms?.refresh(), formsFollowMs);
    root.dataset.checkedRev = String(docRev);
    const ended = performance.now();
    lastCheckMs = ended - started;
    // The check's own cost, apart from waiting, and its parts: the keystroke benchmark reads them.
    performance.measure("studio-check", { start: started, end: ended });
    performance.measure("studio-check-load", { start: started, end: loaded });
    performance.measure("studio-check-lint", { start: loaded, end: listed });
    performance.measure("studio-check-map", { start: listed, end: ended });
  };

  const showSaved = () => {
    if (opened?.kind !== "draft") return;
    saveStatus.textContent = dirty ? st("editor.unsaved") : st("editor.saved", { version: baseVersion });
    const published = opened.publishedVersion;
    $("studio-published").textContent =
      published === undefined ? st("editor.notPublished") : st("editor.publishedAs", { version: published });
    unpublishButton.hidden = published === undefined;
  };

  const save = async (): Promise<void> => {
    if (saving) await saving;
    if (!dirty || conflict || opened?.kind !== "draft") return;
    const source = text();
    dirty = false;
    saveStatus.textContent = st("editor.saving");
    saving = studioApi
      .save(id, baseVersion, source)
      .then((saved) => {
        baseVersion = saved.version;
        if (!gone) showSaved();
      })
      .catch((e: unknown) => {
        dirty = true;
        if (e instanceof StudioApiError && e.code === "studio.stale") {
          conflict = true;
          note(
            "bad",
            `${esc(st("editor.conflict", { head: e.params.head ?? "?" }))} <button type="button" id="studio-reload">${esc(st("editor.loadNewest"))}</button>`,
          );
          byId(root, "studio-reload").addEventListener("click", () => void reload());
          saveStatus.textContent = st("editor.unsaved");
          return;
        }
        saveStatus.textContent = st("editor.saveFailed", { reason: reasonOf(e) });
      })
      .finally(() => (saving = undefined));
    await saving;
  };

  const reload = async () => {
    const draft = await studioApi.draft(id);
    if (!view || opened?.kind !== "draft") return;
    conflict = false;
    baseVersion = draft.version;
    opened = { ...opened, source: draft.source };
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: draft.source } });
    dirty = false;
    note("", "");
    showSaved();
  };

  const changed = () => {
    docRev += 1;
    root.dataset.docRev = String(docRev);
    if (opened?.kind === "draft") {
      dirty = true;
      showSaved();
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void save(), saveDelayMs);
    }
    clearTimeout(checkTimer);
    // A check cheaper than the gap between two keystrokes runs at once; a dearer one waits as long as it took,
    // so fast typing is not held up by checks of texts already replaced.
    // "At once" is right after the editor's own update, in the same task: the typed letter, its diagnostics
    // and its map then reach the screen in one frame, with no timer queued behind other work.
    if (lastCheckMs < checkAtOnceMs) {
      const rev = docRev;
      queueMicrotask(() => {
        if (rev === docRev && !gone) check();
      });
    } else checkTimer = setTimeout(check, Math.min(checkDelayMs, lastCheckMs));
  };
  const cursorMoved = () => {
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => {
      if (!view) return;
      const state = stateAt(outlineNow(), view.state.selection.main.head);
      if (state !== undefined && state !== selected) {
        selected = state;
        drawMap();
        forms?.open(state);
      }
    }, 150);
  };

  // Closing the tab mid-edit: the last keystrokes go out on a request the browser finishes after the page.
  const onPageHide = () => {
    if (!dirty || conflict || opened?.kind !== "draft") return;
    void fetch(`/api/studio/drafts/${encodeURIComponent(id)}`, {
      method: "PUT",
      keepalive: true,
      headers: {
        "content-type": "application/json",
        ...(sessionStorage.getItem("hotseat.studioPassword")
          ? { "x-hotseat-password": sessionStorage.getItem("hotseat.studioPassword") ?? "" }
          : {}),
      },
      body: JSON.stringify({ baseVersion, source: text() }),
    });
  };
  window.addEventListener("pagehide", onPageHide);

  $("studio-problems").addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-from]");
    if (button) jump(Number(button.dataset.from));
  });
  $("studio-history").addEventListener("click", () =>
    openHistory({
      id,
      flush: save,
      current: () => ({
        version: baseVersion,
        source: text(),
        published: opened?.kind === "draft" ? opened.publishedVersion : undefined,
      }),
      reload,
    }),
  );
  $("studio-download").addEventListener("click", () => download(`${id}.yaml`, text()));
  let publishedScenario: string | undefined;
  publishButton.addEventListener("click", () => {
    void (async () => {
      publishButton.disabled = true;
      publishButton.textContent = st("editor.publishing");
      try {
        clearTimeout(saveTimer);
        await save();
        if (conflict || dirty) return;
        const published = await studioApi.publish(id, baseVersion);
        if (opened?.kind === "draft") opened = { ...opened, publishedVersion: published.version };
        publishedScenario = published.scenarioId;
        hostButton.hidden = false;
        note("good", esc(st("editor.published", { version: published.version })));
        showSaved();
      } catch (e) {
        nav.fail(e, notes);
      } finally {
        publishButton.textContent = st("editor.publish");
        showProblems();
      }
    })();
  });
  // Withdrawing takes the scenario out of the library for new sessions; it can be published again.
  unpublishButton.addEventListener("click", () => {
    void (async () => {
      unpublishButton.disabled = true;
      unpublishButton.textContent = st("unpublish.working");
      try {
        await studioApi.unpublish(id);
        if (opened?.kind === "draft")
          opened = { kind: "draft", version: opened.version, source: opened.source };
        publishedScenario = undefined;
        hostButton.hidden = true;
        note("good", esc(st("unpublish.done")));
        showSaved();
      } catch (e) {
        nav.fail(e, notes);
      } finally {
        unpublishButton.disabled = false;
        unpublishButton.textContent = st("unpublish.button");
      }
    })();
  });
  hostButton.addEventListener("click", () => {
    if (!publishedScenario) return;
    void studioApi
      .host(publishedScenario)
      .then((hosted) => window.location.assign(`/trainer/${hosted.code}`))
      .catch((e: unknown) => nav.fail(e, notes));
  });

  $("studio-legend").innerHTML = [
    `<span style="--swatch:#f5f7fb;--edge:#ff8c00">${esc(st("map.selected"))}</span>`,
    `<span style="--swatch:#f5f7fb;--edge:#b3261e">${esc(st("map.unreachable"))} / ${esc(st("map.stuck"))}</span>`,
  ].join("");

  openScenario(id)
    .then((found) => {
      if (gone) return;
      opened = found;
      runPanels.open(found.kind === "draft" ? id : undefined);
      const readOnly = found.kind === "builtin";
      if (found.kind === "draft") {
        baseVersion = found.version;
        publishButton.hidden = false;
        $("studio-history").hidden = false;
        if (found.publishedVersion !== undefined) {
          publishedScenario = id;
          hostButton.hidden = false;
        }
        showSaved();
      } else {
        note("warn", esc(st("editor.readOnly")));
      }
      view = new EditorView({
        parent: $("studio-text"),
        state: EditorState.create({
          doc: found.source,
          extensions: [
            basicSetup,
            yaml(),
            // Long texts (summaries, debriefs) wrap: a trainer never scrolls sideways to read a line.
            EditorView.lineWrapping,
            lintGutter(),
            editorAssist(),
            EditorState.readOnly.of(readOnly),
            EditorView.contentAttributes.of({ "aria-label": `${id}.yaml` }),
            EditorView.updateListener.of((update) => {
              if (update.docChanged) {
                // Typing and deleting move the outline along; anything else (a reload, a restore, undo) drops it.
                const typed = update.transactions.every(
                  (tr) => tr.isUserEvent("input") || tr.isUserEvent("delete"),
                );
                const moved = (at: number, side: -1 | 1) => update.changes.mapPos(at, side);
                outline = typed
                  ? outline?.map((s) => ({ ...s, from: moved(s.from, 1), to: moved(s.to, -1) }))
                  : undefined;
                changed();
              } else if (update.selectionSet) cursorMoved();
            }),
          ],
        }),
      });
      forms = mountForms($("studio-forms"), {
        text,
        replace: (next) => view && replaceText(view, next),
        selected: (state) => {
          selected = state;
          drawMap();
        },
        readOnly,
      });
      check();
      mountTranslations(root, {
        id,
        text,
        readOnly,
        replace: (next) => view && replaceText(view, next, "input.translations"),
      });
    })
    .catch((e: unknown) => {
      if (e instanceof StudioApiError && e.code === "studio.unknown")
        note("bad", esc(st("error.unknown", { id })));
      else nav.fail(e, notes);
    });

  return () => {
    gone = true;
    clearTimeout(checkTimer);
    clearTimeout(cursorTimer);
    clearTimeout(formsTimer);
    clearTimeout(saveTimer);
    window.removeEventListener("pagehide", onPageHide);
    void save().finally(() => view?.destroy());
  };
}
