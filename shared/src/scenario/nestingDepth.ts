import { Lexer } from "yaml";

/** The deepest nesting a scenario file may have; real scenarios stay around ten levels. */
export const maxNesting = 50;

/** Where a text first nests deeper than `maxNesting`, and how: brackets, or `- `/`? ` items on one line. */
export type TooDeep = { offset: number; kind: "brackets" | "items" };

// The YAML library composes nested collections recursively: thousands of levels cost seconds and, close
// to the stack's end, can even abort the process. Measuring the depth first is one linear pass.
/** Finds the first place where `text` nests deeper than `limit`, or `undefined` when it never does. */
export function tooDeepNesting(text: string, limit = maxNesting): TooDeep | undefined {
  return compactItemsTooDeep(text, limit) ?? bracketsTooDeep(text, limit);
}

// `- - - x` or `? ? x`: each indicator at the start of a line opens one more level.
function compactItemsTooDeep(text: string, limit: number): TooDeep | undefined {
  let depth = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      depth = 0;
      atLineStart = true;
    } else if (!atLineStart || c === " " || c === "\t") {
      continue;
    } else if ((c === "-" || c === "?" || c === ":") && /[ \t\n\r]/.test(text[i + 1] ?? "\n")) {
      if (++depth > limit) return { offset: i, kind: "items" };
    } else {
      atLineStart = false;
    }
  }
  return undefined;
}

// Counting every bracket over-counts those inside quotes and plain text, so a high count is only a hint:
// the YAML lexer then says which brackets really open a list or a map.
function bracketsTooDeep(text: string, limit: number): TooDeep | undefined {
  let depth = 0;
  let suspicious = false;
  for (let i = 0; i < text.length && !suspicious; i++) {
    const c = text[i];
    if (c === "[" || c === "{") suspicious = ++depth > limit;
    else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  if (!suspicious) return undefined;
  depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === "[" || token === "{") {
      if (++depth > limit) return { offset, kind: "brackets" };
    } else if ((token === "]" || token === "}") && depth > 0) {
      depth--;
    }
    // The lexer adds one-character control tokens that are not in the text.
    if (!(token.length === 1 && token < " " && token !== "\t" && token !== "\n" && token !== "\r")) {
      offset += token.length;
    }
  }
  return undefined;
}
