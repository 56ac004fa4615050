import type { Diagnostic } from "./diagnostic";

/** One trainer-readable line: `file:line:col  error HS003  message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity} ${d.code}  ${d.message}`;
}

/** The diagnostic followed by the offending line of `source`, with a caret under the column. */
export function formatDiagnosticInSource(d: Diagnostic, source: string): string {
  const head = formatDiagnostic(d);
  const line = source.split(/\r?\n/)[d.line - 1];
  if (line === undefined) return head;
  const gutter = String(d.line);
  const pad = " ".repeat(gutter.length);
  // Tabs keep their width under the caret so it lands under the right character.
  const lead = line.slice(0, d.column - 1).replace(/[^\t]/g, " ");
  return `${head}\n  ${gutter} | ${line}\n  ${pad} | ${lead}^`;
}

/** All diagnostics of a file, then a one-line count such as "2 errors, 1 warning". */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], source?: string): string {
  const count = (severity: Diagnostic["severity"], word: string) => {
    const n = diagnostics.filter((d) => d.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? "" : "s"}`];
  };
  const summary = [...count("error", "error"), ...count("warning", "warning"), ...count("info", "note")];
  const blocks = diagnostics.map((d) =>
    source === undefined ? formatDiagnostic(d) : formatDiagnosticInSource(d, source),
  );
  return [...blocks, summary.length > 0 ? summary.join(", ") : "No problems found."].join("\n\n");
}
