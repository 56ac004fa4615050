/**
 * Keeps at most `max` wrapped lines. When text is cut, the last kept line loses its last word
 * (and any trailing punctuation) and ends in "…", so a sentence is never cut mid-word and the
 * ellipsis does not push the line past the width it was wrapped to.
 */
export function clampLines(lines: readonly string[], max: number): string[] {
  const out = lines.slice(0, max).map((l) => l.trimEnd());
  const cut = lines.slice(max).some((l) => l.trim().length > 0);
  if (!cut || out.length === 0) return out;
  const last = out[out.length - 1] ?? "";
  const words = last.split(/\s+/).filter(Boolean);
  // One long word on the line: nothing to drop, the ellipsis goes after it.
  const shortened = words.length > 1 ? words.slice(0, -1).join(" ") : last;
  out[out.length - 1] = `${shortened.replace(/[\s,;:.—–-]+$/u, "")}…`;
  return out;
}
