import type { Diagnostic } from "@hotseat/shared";
import { diagnosticRange } from "./diagnosticRange";
import { esc } from "./dom";
import { st } from "./studioStrings";

/** How many errors (which stop publishing) and warnings a check found. */
export function problemCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
  };
}

/**
 * The problems list's items: one button a diagnostic, carrying the offset in `source` it points at, or one
 * line saying there is nothing to fix (for a draft, that it has no problems; for a built-in, that it is clean).
 */
export function problemsHtml(diagnostics: readonly Diagnostic[], source: string, draft: boolean): string {
  if (diagnostics.length === 0)
    return `<li class="studio-empty">${esc(st(draft ? "editor.noProblems" : "editor.clean"))}</li>`;
  return diagnostics
    .map((d) => {
      const { from } = diagnosticRange(source, d);
      return `<li><button type="button" data-from="${from}" data-code="${d.code}"><span class="sev-${d.severity}">${d.code}</span><span class="where">${d.line}:${d.column}</span><span>${esc(d.message)}</span></button></li>`;
    })
    .join("");
}

/** The problems panel: shows a check's diagnostics and takes the text to the one clicked. */
export type ProblemsList = {
  /** Shows `diagnostics` of `source`; returns how many are errors. */
  show: (diagnostics: readonly Diagnostic[], source: string, draft: boolean) => number;
};

export function mountProblems(
  list: HTMLElement,
  counts: HTMLElement,
  jump: (offset: number) => void,
): ProblemsList {
  let shown: string | undefined;
  list.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-from]");
    if (button) jump(Number(button.dataset.from));
  });
  return {
    show: (diagnostics, source, draft) => {
      const { errors, warnings } = problemCounts(diagnostics);
      counts.textContent = st("editor.counts", { errors, warnings });
      const html = problemsHtml(diagnostics, source, draft);
      // Typing in a text usually leaves the list as it was: rebuilding it would only cost layout.
      if (html !== shown) list.innerHTML = shown = html;
      return errors;
    },
  };
}
