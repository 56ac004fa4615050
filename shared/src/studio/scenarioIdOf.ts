import { isMap, parseDocument } from "yaml";

/** The `id:` at the top of a scenario text, when the text parses and has one. */
export function scenarioIdOf(source: string): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const id = doc.get("id");
  return typeof id === "string" ? id : undefined;
}

/**
 * The text with its top-level `id:` set to `id`, every comment and the rest of the formatting kept
 * (a copy of a scenario, or an upload whose id is taken). A text that does not parse as a YAML mapping
 * is returned unchanged: its errors are for the author to see, not for this edit to guess at.
 */
export function withScenarioId(source: string, id: string): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return source;
  if (doc.get("id") === id) return source;
  doc.set("id", id);
  return doc.toString();
}

/** A scenario or draft id not in `taken`: `base` itself, else `base-2`, `base-3`… */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
