import type { EditorView } from "@codemirror/view";

/**
 * The one change that turns `from` into `to`: the common head and tail are left alone, so an
 * edit made by a form or a CSV import is one small change in the editor, keeps the cursor and
 * the undo history meaningful, and leaves the rest of the file (comments, layout) untouched.
 */
export function minimalChange(from: string, to: string): { from: number; to: number; insert: string } {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  )
    end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

/** Puts `next` into the editor as one undoable change, marked with the user event `event`. */
export function replaceText(view: EditorView, next: string, event = "input.form"): void {
  view.dispatch({ changes: minimalChange(view.state.doc.toString(), next), userEvent: event });
}
