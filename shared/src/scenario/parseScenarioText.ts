import { LineCounter, parseDocument, visit, isScalar } from "yaml";
import type { Document, YAMLError } from "yaml";
import type { Diagnostic } from "./diagnostic";
import { maxNesting, tooDeepNesting } from "./nestingDepth";
import type { TooDeep } from "./nestingDepth";
import { noPositions, sourcePositionsOf } from "./sourcePositions";
import type { SourcePosition, SourcePositions } from "./sourcePositions";

/** Plain data read from a YAML or JSON file, with the map back to where each value was written. */
export type ParsedText = {
  /** The file's data; absent when the text could not be read (see the HS001 diagnostics). */
  data?: unknown;
  positions: SourcePositions;
  diagnostics: Diagnostic[];
};

// What each YAML error means, in the words of someone editing a text file.
const explanations: Partial<Record<YAMLError["code"], string>> = {
  BAD_INDENT:
    "The indentation is off here. Lines that belong together must start at the same column; use spaces, not tabs.",
  TAB_AS_INDENT: "This line is indented with a tab. Use spaces for indentation.",
  DUPLICATE_KEY:
    "This name appears twice in the same block. Each name may appear only once; rename or merge them.",
  MULTILINE_IMPLICIT_KEY:
    "This line is not read as intended, usually because it is indented more or less than the line above. Line it up with its neighbours.",
  BLOCK_AS_IMPLICIT_KEY:
    "The indentation does not line up here: a line is indented more or less than the lines around it. Check this line and the next one.",
  BAD_SCALAR_START:
    'This value starts with a character YAML reserves (such as @, ` or %). Put the whole text in "double quotes".',
  UNEXPECTED_TOKEN: "Something unexpected is written here. Check for a stray character or a missing colon.",
  BLOCK_IN_FLOW:
    "A list or map written with brackets is not closed properly. Check the brackets, commas and quotes.",
  MULTIPLE_DOCS: 'The file contains more than one document ("---"). Keep one scenario per file.',
  BAD_DQ_ESCAPE: 'A backslash inside "double quotes" starts an unknown escape. Write \\\\ for a backslash.',
};

/** At most this many syntax errors are listed; one broken line usually causes the rest. */
export const maxSyntaxDiagnostics = 20;

// What the YAML library reports; duplicate names are found here, not by the library (see below).
type SyntaxError = Pick<YAMLError, "code" | "message" | "pos">;

/**
 * Reads YAML (or JSON, which is valid YAML) into plain data. Syntax errors become HS001 diagnostics
 * that point at the line and column where the text stopped making sense. The work stays linear in the
 * text's length whatever it contains, because the server checks texts anybody sends.
 */
export function parseScenarioText(text: string, file: string): ParsedText {
  const { data, positions, diagnostics } = parseScenarioDocument(text, file);
  return { ...(data !== undefined ? { data } : {}), positions, diagnostics };
}

/** {@link parseScenarioText} with the YAML document it read, for an editor that patches it as text is typed. */
export function parseScenarioDocument(
  text: string,
  file: string,
): ParsedText & { doc?: Document; lineCounter?: LineCounter } {
  const deep = tooDeepNesting(text);
  if (deep !== undefined)
    return { positions: noPositions, diagnostics: [nestingDiagnostic(text, deep, file)] };
  const lineCounter = new LineCounter();
  // The library's own duplicate check compares each name with every earlier one (quadratic).
  const doc = withoutStackTraces(() => parseDocument(text, { lineCounter, uniqueKeys: false }));
  const positions = sourcePositionsOf(doc, lineCounter);
  const errors: SyntaxError[] = [...doc.errors, ...duplicateKeys(doc)];
  if (errors.length > 0)
    return { positions, diagnostics: syntaxDiagnostics(text, doc, errors, lineCounter, file) };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), positions, diagnostics: [], doc, lineCounter };
  } catch (error) {
    // Aliases (*name) are resolved only here: an unknown one, or too many, cannot be read.
    return { positions, diagnostics: [aliasDiagnostic(doc, lineCounter, file, String(error))] };
  }
}

// Every YAML error is an Error object; capturing a stack for each of thousands of them is most of the cost.
function withoutStackTraces<T>(fn: () => T): T {
  const errorClass = Error as { stackTraceLimit?: number };
  const limit = errorClass.stackTraceLimit;
  errorClass.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    errorClass.stackTraceLimit = limit;
  }
}

// A name written twice in one map, found with one set per map: linear in the number of names.
function duplicateKeys(doc: Document): SyntaxError[] {
  const found: SyntaxError[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        if (!seen.has(name)) seen.add(name);
        else
          found.push({
            code: "DUPLICATE_KEY",
            message: "Map keys must be unique",
            pos: [pair.key.range[0], pair.key.range[1]],
          });
      }
    },
  });
  return found;
}

function syntaxDiagnostics(
  text: string,
  doc: Document,
  errors: SyntaxError[],
  lineCounter: LineCounter,
  file: string,
): Diagnostic[] {
  const looksLikeJson = /^\s*[{[]/.test(text);
  const openingQuotes = quotedScalarStarts(doc);
  // One broken line often yields several follow-on errors; the first one per line is the useful one.
  const byLine = new Map<number, { error: SyntaxError; offset: number }>();
  for (const error of errors) {
    const offset = errorOffset(error, openingQuotes);
    const { line } = lineCounter.linePos(offset);
    if (!byLine.has(line)) byLine.set(line, { error, offset });
  }
  const first = [...byLine.values()].sort((a, b) => a.offset - b.offset);
  const shown = first.slice(0, maxSyntaxDiagnostics).map(({ error, offset }): Diagnostic => {
    const at = position(lineCounter, error.code === "BAD_INDENT" ? skipSpaces(text, offset) : offset);
    const message =
      looksLikeJson && error.code !== "DUPLICATE_KEY"
        ? explainJson(error)
        : explain(error, lineText(text, lineCounter, at.line));
    return { code: "HS001", severity: "error", message, file, ...at };
  });
  const rest = first[maxSyntaxDiagnostics];
  if (rest === undefined) return shown;
  const more = first.length - maxSyntaxDiagnostics;
  const message = `${more} more lines from here on cannot be read either; they are not listed. Fix the problems above and check again.`;
  return [
    ...shown,
    { code: "HS001", severity: "error", message, file, ...position(lineCounter, rest.offset) },
  ];
}

function nestingDiagnostic(text: string, deep: TooDeep, file: string): Diagnostic {
  const what =
    deep.kind === "brackets"
      ? `lists or maps in brackets are opened more than ${maxNesting} levels deep. Check for a "[" or "{" that is never closed`
      : `a line starts more than ${maxNesting} nested items ("- " or "? "). Write one item per line`;
  const before = text.slice(0, deep.offset);
  const line = before.split("\n").length;
  const column = deep.offset - before.lastIndexOf("\n");
  return {
    code: "HS001",
    severity: "error",
    message: `The file cannot be read here: ${what}.`,
    file,
    line,
    column,
  };
}

function aliasDiagnostic(doc: Document, lineCounter: LineCounter, file: string, reason: string): Diagnostic {
  // "Unresolved alias (...): nope" names the alias; otherwise point at the first one.
  const wanted = /Unresolved alias/.test(reason) ? reason.split(": ").pop() : undefined;
  let offset = 0;
  let name = "";
  visit(doc, {
    Alias(_key, node) {
      if (name !== "" || !node.range || (wanted !== undefined && node.source !== wanted)) return;
      name = node.source;
      offset = node.range[0];
    },
  });
  const { line, col } = lineCounter.linePos(offset);
  const message = /Unresolved alias/.test(reason)
    ? `The reference *${name} points to "&${name}", which is not defined above it. Define "&${name}" first, or write the value out.`
    : `The file repeats referenced blocks (*${name}) too many times. Write the values out instead of nesting references.`;
  return {
    code: "HS001",
    severity: "error",
    message,
    file,
    line: Math.max(1, line),
    column: Math.max(1, col),
  };
}

function explain(error: SyntaxError, line: string): string {
  const summary = error.message.split(" at line ")[0] ?? error.message;
  if (error.code === "MISSING_CHAR" && /quote/i.test(summary)) {
    return "This text opens a quote that is never closed. Add the closing quote at the end of the text.";
  }
  if (error.code === "MISSING_CHAR") {
    return `${summary}. Check that every bracket, brace and quote opened here is closed.`;
  }
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && /compact mappings/.test(summary)) return explainColon(line);
  const known = explanations[error.code];
  return known ?? `The file cannot be read here (${summary}). Check the spelling, indentation and quotes.`;
}

// `label: Hello: world` — the second ": " makes YAML read "Hello" as a name of its own.
function explainColon(line: string): string {
  const problem =
    'This text contains ": " (a colon followed by a space), which YAML reads as the start of another "name: value" pair, not as part of the text.';
  const parts = /^(\s*(?:- )?[^\s:#"'][^:#]*?:\s+)(.*?)\s*$/.exec(line);
  const value = parts?.[2] ?? "";
  if (parts === undefined || parts === null || /^["']/.test(value)) {
    return `${problem} Put the whole text in "double quotes", with nothing after the closing quote.`;
  }
  const quoted = `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `${problem} Put the whole text in "double quotes": ${(parts[1] ?? "").trim()} ${quoted}`;
}

function explainJson(error: SyntaxError): string {
  if (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) return explain(error, "");
  return "The JSON is not well-formed here. Check for a missing comma, colon, closing bracket or quote.";
}

// Where each quoted text starts and ends, in order, so an error inside one is found by binary search.
function quotedScalarStarts(doc: Document): [number, number][] {
  const ranges: [number, number][] = [];
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
      if (quoted && node.range) ranges.push([node.range[0], node.range[2]]);
    },
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

// An unclosed quote is reported where the file ends; the trainer needs to see where it was opened.
function errorOffset(error: SyntaxError, quoted: [number, number][]): number {
  const offset = error.pos[0];
  if (error.code !== "MISSING_CHAR" || !/quote/i.test(error.message)) return offset;
  let low = 0;
  let high = quoted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = quoted[mid] as [number, number];
    if (start > offset) high = mid - 1;
    else if (end < offset) low = mid + 1;
    else return start;
  }
  return offset;
}

// Point at the first character of a badly indented line, not at its first space.
function skipSpaces(text: string, offset: number): number {
  while (text[offset] === " ") offset++;
  return offset;
}

function position(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function lineText(text: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? undefined : end);
}
