import type { Diagnostic } from "@hotseat/shared";

/** A scenario file whose id is known (it loaded far enough to have one). */
export type IdentifiedFile = { id: string; file: string; text: string };

/**
 * HS019 for every file whose scenario `id` another file also has: the server could host only one of
 * them, and which one would depend on folder names. Each file's diagnostic names the others.
 */
export function duplicateIdDiagnostics(files: readonly IdentifiedFile[]): Diagnostic[] {
  const byId = new Map<string, IdentifiedFile[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return [...byId.values()]
    .filter((same) => same.length > 1)
    .flatMap((same) =>
      same.map((f): Diagnostic => {
        const others = same.filter((o) => o !== f).map((o) => o.file);
        const message =
          `Another scenario file (${others.join(", ")}) has the same id "${f.id}", so Hotseat cannot tell them apart ` +
          `and plays neither. Give each scenario its own id (and rename its folder to match).`;
        return {
          code: "HS019",
          severity: "error",
          message,
          file: f.file,
          ...idPosition(f.text),
          path: ["id"],
        };
      }),
    );
}

// Where `id:` (or `"id":`) is written at the top level of the file.
function idPosition(text: string): { line: number; column: number } {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s{0,2}"?id"?\s*:\s*)\S/.exec(lines[i] ?? "");
    if (match) return { line: i + 1, column: (match[1]?.length ?? 0) + 1 };
  }
  return { line: 1, column: 1 };
}
