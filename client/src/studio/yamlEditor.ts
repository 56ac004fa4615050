import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import type { Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { basicSetup, EditorView } from "codemirror";
import type { Diagnostic } from "@hotseat/shared";
import { diagnosticRange } from "./diagnosticRange";
import { editorAssist } from "./editorAssist";

/** What the text editor tells the Studio's editor around it. */
export type YamlEditorHost = {
  /** The file's name is `<id>.yaml`: the text's label for a screen reader. */
  id: string;
  source: string;
  readOnly: boolean;
  /**
   * The text changed: `typed` when only typing and deleting changed it (not a reload, a restore or undo),
   * with `moved` to carry an offset of the text before across the change.
   */
  edited: (typed: boolean, moved: (at: number, side: -1 | 1) => number) => void;
  /** The cursor moved without the text changing. */
  cursorMoved: () => void;
};

/** The scenario's YAML in CodeMirror, with its highlighting, a gutter for diagnostics and field help. */
export function yamlEditor(parent: HTMLElement, host: YamlEditorHost): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: host.source,
      extensions: [
        basicSetup,
        yaml(),
        // Long texts (summaries, debriefs) wrap: a trainer never scrolls sideways to read a line.
        EditorView.lineWrapping,
        lintGutter(),
        editorAssist(),
        EditorState.readOnly.of(host.readOnly),
        EditorView.contentAttributes.of({ "aria-label": `${host.id}.yaml` }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            const typed = update.transactions.every(
              (tr) => tr.isUserEvent("input") || tr.isUserEvent("delete"),
            );
            host.edited(typed, (at, side) => update.changes.mapPos(at, side));
          } else if (update.selectionSet) host.cursorMoved();
        }),
      ],
    }),
  });
}

/** Underlines a check's diagnostics in the text, each marked with its code (`hs-diag-HS003`) for the tests. */
export function diagnosticMarks(): (
  view: EditorView,
  source: string,
  diagnostics: readonly Diagnostic[],
) => void {
  let markCount = 0;
  return (view, source, diagnostics) => {
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
  };
}
