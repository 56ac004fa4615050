import type { Diagnostic } from "@hotseat/shared";

/**
 * Where a diagnostic sits in the text, as offsets for the editor: from its line and column to the end of
 * the word there (a misspelt id is underlined whole), at least one character, never past the line's end.
 * Positions past the end of the text (a file edited since it was checked) are pulled back inside it.
 */
export function diagnosticRange(
  text: string,
  d: Pick<Diagnostic, "line" | "column">,
): { from: number; to: number } {
  let lineStart = 0;
  for (let line = 1; line < d.line; line++) {
    const next = text.indexOf("\n", lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  const newline = text.indexOf("\n", lineStart);
  const lineEnd = newline < 0 ? text.length : newline;
  const from = Math.min(lineStart + d.column - 1, lineEnd);
  const word = /^[^\s,:{}[\]#]+/.exec(text.slice(from, lineEnd));
  const to = Math.min(lineEnd, from + Math.max(1, word?.[0].length ?? 1));
  return { from, to: Math.max(from, to) };
}
