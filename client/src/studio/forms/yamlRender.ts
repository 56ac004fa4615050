import { parse } from "yaml";

/** A value a form writes: what YAML can hold as data. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** How the scalar being replaced was written, so a changed text keeps its look. */
export type ScalarStyle = "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_FOLDED" | "BLOCK_LITERAL";

// Keys whose values the scenario files write on one line (`tags: [listens]`, `actions: [{ type: effect … }]`).
const flowKeys = new Set(["tags", "actions", "guard", "params", "cost", "soft", "languages", "entry"]);

/** Whether `text` reads back as the same string when written bare in a block (or flow) collection. */
function plainIsSafe(text: string, inFlow: boolean): boolean {
  if (text === "" || /[\n\r\t]/.test(text)) return false;
  try {
    const back: unknown = inFlow ? parse(`{ k: ${text} }`) : parse(`k: ${text}`);
    return typeof back === "object" && back !== null && (back as { k?: unknown }).k === text;
  } catch {
    return false;
  }
}

/** A folded block scalar (`>-`) wrapped at spaces, for a long text that was already written that way. */
function folded(text: string, indent: number): string | undefined {
  if (/\n|^ | $| {2}/.test(text)) return undefined;
  const width = Math.max(40, 110 - indent);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  const pad = " ".repeat(indent);
  return `>-\n${lines.map((l) => pad + l).join("\n")}`;
}

/**
 * A scalar as YAML source: bare when that reads back the same, else double-quoted (JSON's escapes are
 * YAML's). `style` keeps how the replaced scalar looked; `blockIndent` is where a folded text's lines go.
 */
export function renderScalar(
  value: string | number | boolean | null,
  inFlow: boolean,
  style: ScalarStyle = "PLAIN",
  blockIndent = 0,
): string {
  if (typeof value !== "string") return value === null ? "null" : String(value);
  if (style === "BLOCK_FOLDED" || style === "BLOCK_LITERAL") {
    const block = inFlow ? undefined : folded(value, blockIndent);
    if (block !== undefined) return block;
  }
  if (style === "QUOTE_SINGLE" && !/\n/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (style !== "QUOTE_DOUBLE" && plainIsSafe(value, inFlow)) return value;
  return JSON.stringify(value);
}

/** A value on one line: `[a, b]`, `{ type: effect, params: { mood: 5 } }`. */
export function renderFlow(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length === 0
      ? "{}"
      : `{ ${entries.map(([k, v]) => `${k}: ${renderFlow(v)}`).join(", ")} }`;
  }
  return renderScalar(value, true);
}

const isCollection = (v: YamlValue): v is YamlValue[] | { [key: string]: YamlValue } =>
  v !== null && typeof v === "object";

/** The lines of a block map's entries at `indent` (every line indented, no trailing newline). */
function blockEntries(value: { [key: string]: YamlValue }, indent: number): string {
  return Object.entries(value)
    .map(([k, v]) => " ".repeat(indent) + renderPair(k, v, indent))
    .join("\n");
}

/** The lines of a block sequence at `indent`: `- item`, a map item's later keys two further in. */
function blockItems(items: YamlValue[], indent: number): string {
  return items.map((item) => `${" ".repeat(indent)}- ${renderBlockValue(item, indent + 2)}`).join("\n");
}

/**
 * A value that starts where the cursor already is (after `key: ` or `- `): a scalar or flow value, or a
 * block map whose first key sits here and whose other keys are indented to `indent`.
 */
export function renderBlockValue(value: YamlValue, indent: number): string {
  if (!isCollection(value)) return renderScalar(value, false);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return blockItems(value, indent).slice(indent);
  }
  if (Object.keys(value).length === 0) return "{}";
  return blockEntries(value, indent).slice(indent);
}

/** `key: value` for a block map whose keys sit at `indent`; nested blocks go on the following lines. */
export function renderPair(key: string, value: YamlValue, indent: number): string {
  const head = renderScalar(key, false);
  if (!isCollection(value)) return `${head}: ${renderScalar(value, false)}`;
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (empty || flowKeys.has(key)) return `${head}: ${renderFlow(value)}`;
  if (Array.isArray(value)) return `${head}:\n${blockItems(value, indent + 2)}`;
  return `${head}:\n${blockEntries(value, indent + 2)}`;
}
