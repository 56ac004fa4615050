import { LineCounter, parseDocument, visit, isScalar } from "yaml";
import type { Document, YAMLError } from "yaml";
import type { Diagnostic } from "./diagnostic";
import { sourcePositionsOf } from "./sourcePositions";
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

/**
 * Reads YAML (or JSON, which is valid YAML) into plain data. Syntax errors become HS001 diagnostics
 * that point at the line and column where the text stopped making sense.
 */
export function parseScenarioText(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const positions = sourcePositionsOf(doc, lineCounter);
  if (doc.errors.length > 0) {
    const looksLikeJson = /^\s*[{[]/.test(text);
    const diagnostics = doc.errors.map((error): Diagnostic => {
      const at = errorPosition(text, doc, error, lineCounter);
      return {
        code: "HS001",
        severity: "error",
        message: looksLikeJson && error.code !== "DUPLICATE_KEY" ? explainJson(error) : explain(error),
        file,
        line: at.line,
        column: at.column,
      };
    });
    return { positions, diagnostics: dedupeByLine(diagnostics) };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), positions, diagnostics: [] };
  } catch (error) {
    // Aliases (*name) are resolved only here: an unknown one, or too many, cannot be read.
    return { positions, diagnostics: [aliasDiagnostic(doc, lineCounter, file, String(error))] };
  }
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

function explain(error: YAMLError): string {
  const summary = error.message.split(" at line ")[0] ?? error.message;
  if (error.code === "MISSING_CHAR" && /quote/i.test(summary)) {
    return "This text opens a quote that is never closed. Add the closing quote at the end of the text.";
  }
  if (error.code === "MISSING_CHAR") {
    return `${summary}. Check that every bracket, brace and quote opened here is closed.`;
  }
  const known = explanations[error.code];
  return known ?? `The file cannot be read here (${summary}). Check the spelling, indentation and quotes.`;
}

function explainJson(error: YAMLError): string {
  if (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) return explain(error);
  return "The JSON is not well-formed here. Check for a missing comma, colon, closing bracket or quote.";
}

// An unclosed quote is reported where the file ends; the trainer needs to see where it was opened.
function errorPosition(
  source: string,
  doc: Document,
  error: YAMLError,
  lineCounter: LineCounter,
): SourcePosition {
  let offset = error.pos[0];
  if (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) {
    visit(doc, {
      Scalar(_key, node) {
        const range = node.range;
        const quoted = isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");
        if (quoted && range && range[0] <= error.pos[0] && error.pos[0] <= range[2]) offset = range[0];
      },
    });
  }
  if (error.code === "BAD_INDENT") {
    // Point at the first character of the badly indented line, not at its first space.
    while (source[offset] === " ") offset++;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

// One broken line often yields several follow-on errors; the first one per line is the useful one.
function dedupeByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => (seen.has(d.line) ? false : (seen.add(d.line), true)));
}
