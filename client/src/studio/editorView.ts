import { EditorView } from "codemirror";
import { localize } from "@hotseat/shared";
import type { Diagnostic } from "@hotseat/shared";
import { getLocale } from "../i18n/t";
import { autosave } from "./autosave";
import { draftChecker } from "./checkDraft";
import { download, esc } from "./dom";
import { buildEditorShell, openScenario } from "./editorShell";
import type { Opened } from "./editorShell";
import { mapMarks } from "./mapMarks";
import { openHistory } from "./historyView";
import { mountEditorMap } from "./editorMap";
import type { MapDrawing } from "./editorMap";
import { mountProblems } from "./problemsList";
import { mountPublishBar } from "./publishBar";
import { stateAt, stateOutline } from "./stateOutline";
import type { OutlinedState } from "./stateOutline";
import { StudioApiError } from "./studioClient";
import type { StudioNav } from "./studioPage";
import { st } from "./studioStrings";
import { mountTranslations } from "./translationsView";
import { replaceText } from "./minimalChange";
import { mountRunPanels } from "./runPanels";
import { mountForms } from "./forms/formsPanel";
import type { Forms } from "./forms/formsPanel";
import { diagnosticMarks, yamlEditor } from "./yamlEditor";

/**
 * The longest the text rests before it is checked again (a check cheaper than `checkAtOnceMs`, the usual
 * keystroke inside a text, runs at once; a dearer one waits as long as it took, so typing faster than the
 * check can run waits for a pause).
 */
const checkDelayMs = 250;
const checkAtOnceMs = 50;
/**
 * The form beside the text reads the whole file again (a full YAML parse), so it follows typed text once
 * the typing rests rather than on the keystroke's path; its own edits redraw it at once.
 */
const formsFollowMs = 300;

/**
 * The editor of one scenario: its text with the engine's diagnostics underlined and listed as the trainer
 * types, the live map beside it, autosave as numbered versions, and publishing. A built-in opens read-only.
 * Returns what to do when the trainer leaves (save what is pending, stop the timers).
 */
export function showEditor(nav: StudioNav, id: string): () => void {
  const { root } = nav;
  const shell = buildEditorShell(root, id);
  const { $, note } = shell;
  const runPanels = mountRunPanels(root.querySelector<HTMLElement>(".studio-side")!);
  $("studio-back").addEventListener("click", (e) => {
    e.preventDefault();
    nav.go({});
  });
  const map = mountEditorMap(shell);
  // Which edit the diagnostics and the map show: `data-doc-rev` counts edits, `data-checked-rev` is the one
  // last checked and drawn. The keystroke benchmark (server/bench/studioKeystrokeBench.ts) waits on them.
  let docRev = 0;

  let view: EditorView | undefined;
  let opened: Opened | undefined;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let cursorTimer: ReturnType<typeof setTimeout> | undefined;
  let lastGood: MapDrawing | undefined;
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

  const showSaved = () => {
    saves.showStatus();
    publishBar.showPublished();
  };
  const saves = autosave({
    id,
    root,
    text,
    status: $("studio-save"),
    note,
    replaceAll: (source) =>
      view?.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } }),
    showSaved,
  });
  const publishBar = mountPublishBar({ id, nav, shell, settle: saves.settle, showSaved });
  const problems = mountProblems($("studio-problems"), $("studio-counts"), jump);

  const drawMap = () => {
    const stale = diagnostics.some((d) => d.severity === "error");
    map.draw(lastGood, stale, selected, (state) => {
      const found = outlineNow().find((s) => s.id === state);
      selected = state;
      drawMap();
      runPanels.selectState(state);
      forms?.open(state);
      if (found) jump(found.from);
    });
  };

  let lastCheckMs = 0;
  const underline = diagnosticMarks();
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
    underline(view, source, diagnostics);
    if (result.compiled) lastGood = { compiled: result.compiled, marks: mapMarks(diagnostics) };
    runPanels.update(result.compiled, result.analysis);
    if (result.scenario) $("studio-title").textContent = localize(result.scenario.title, getLocale());
    publishBar.allow(problems.show(diagnostics, source, opened?.kind === "draft"));
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

  const changed = () => {
    docRev += 1;
    root.dataset.docRev = String(docRev);
    saves.changed();
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

  $("studio-history").addEventListener("click", () =>
    openHistory({
      id,
      flush: saves.save,
      current: () => ({ version: saves.version(), source: text(), published: publishBar.publishedVersion() }),
      reload: saves.reload,
    }),
  );
  $("studio-download").addEventListener("click", () => download(`${id}.yaml`, text()));

  openScenario(id)
    .then((found) => {
      if (gone) return;
      opened = found;
      runPanels.open(found.kind === "draft" ? id : undefined);
      const readOnly = found.kind === "builtin";
      publishBar.open(found);
      if (found.kind === "draft") {
        saves.start(found.version);
        $("studio-history").hidden = false;
        showSaved();
      } else {
        note("warn", esc(st("editor.readOnly")));
      }
      view = yamlEditor($("studio-text"), {
        id,
        source: found.source,
        readOnly,
        // Typing and deleting move the outline along; anything else (a reload, a restore, undo) drops it.
        edited: (typed, moved) => {
          outline = typed
            ? outline?.map((s) => ({ ...s, from: moved(s.from, 1), to: moved(s.to, -1) }))
            : undefined;
          changed();
        },
        cursorMoved,
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
      else nav.fail(e, shell.notes);
    });

  return () => {
    gone = true;
    clearTimeout(checkTimer);
    clearTimeout(cursorTimer);
    clearTimeout(formsTimer);
    void saves.stop().finally(() => view?.destroy());
  };
}
