import type { z } from "zod";
import type { DataPath, Diagnostic, DiagnosticCode } from "./diagnostic";
import { capitalize, describeWhere } from "./describePath";
import { suggestion } from "./didYouMean";
import type { SourcePositions } from "./sourcePositions";
import { emotions } from "./vocabulary";

type Issue = z.core.$ZodIssue;

/** What `issueDiagnostics` needs to turn zod issues into diagnostics that point into the file. */
export type IssueContext = {
  /** The whole file's data, to tell a missing field from a wrongly typed one. */
  data: unknown;
  positions: SourcePositions;
  file: string;
  /** Prefix of the issues' paths when the schema checked only part of the file (e.g. an action's params). */
  basePath?: DataPath;
  /** The schema the issues came from, to list the fields it knows when an unknown one appears. */
  schema: z.ZodType;
  /** The code for an issue; HS002 unless said otherwise. */
  codeFor?: (issue: Issue, path: DataPath) => DiagnosticCode;
};

// Extra advice for a missing field, keyed by the field's name.
const missingHints: Record<string, string> = {
  formatVersion: 'Add "formatVersion: 1" as the first line of the file.',
  id: "Give the scenario a short name in lowercase letters and dashes, such as ruined-hat.",
  languages: "List the languages the texts are written in, such as [en, pl].",
  audience: "Write B2C (private customers) or B2B (business customers).",
  persona: "Describe the customer with name, description and customerType.",
  matter: "Write what the customer wants (hard) and the feeling behind it (soft).",
  currency: "Write the three-letter currency of the costs, such as EUR.",
  meters: "Give the customer's starting mood from 0 to 100, such as mood: 30.",
  mood: "Give a number from 0 to 100.",
  machine: "Add the conversation: machine with initial and states.",
  initial: "Name the state the conversation starts in.",
  states: "Add the moments of the conversation under states.",
  meta: "Add meta with the customer's line and emotion.",
  line: "Write what the customer says in this moment.",
  emotion: `Pick one of: ${emotions.join(", ")}.`,
  type: 'Name the action or guard, such as "effect".',
};

/** Turns zod issues into trainer-readable diagnostics that point at the offending key or value. */
export function issueDiagnostics(issues: readonly Issue[], context: IssueContext): Diagnostic[] {
  const flat = flatten(issues, context.basePath ?? []);
  // A misspelt field also fails whole-object rules ("must change something"); the spelling is the real problem.
  const misspelt = new Set(
    flat.filter((i) => i.code === "unrecognized_keys").map((i) => JSON.stringify(i.fullPath)),
  );
  const diagnostics: Diagnostic[] = [];
  let omitted = 0;
  for (const issue of flat) {
    if (issue.code === "custom" && misspelt.has(JSON.stringify(issue.fullPath))) continue;
    // A file can hold thousands of mistakes; describing each (with suggestions) would only bury the first.
    const room = maxIssueDiagnostics - diagnostics.length;
    if (issue.code === "unrecognized_keys" && issue.keys.length > room) {
      omitted += issue.keys.length - Math.max(0, room);
      if (room > 0) diagnostics.push(...describe({ ...issue, keys: issue.keys.slice(0, room) }, context));
    } else if (room <= 0) {
      omitted++;
    } else {
      diagnostics.push(...describe(issue, context));
    }
  }
  const last = diagnostics[diagnostics.length - 1];
  if (omitted === 0 || last === undefined) return diagnostics;
  const message = `${omitted} more problems like these are not listed. Fix the ones above and check again.`;
  return [
    ...diagnostics,
    {
      code: last.code,
      severity: last.severity,
      message,
      file: last.file,
      line: last.line,
      column: last.column,
    },
  ];
}

/** At most this many problems are described from one check of a file's shape. */
export const maxIssueDiagnostics = 100;

type FlatIssue = Issue & { fullPath: DataPath; expectedAny?: string[] };

// A union's error lists every alternative; keep only the alternatives whose shape matched the input.
function flatten(issues: readonly Issue[], base: DataPath): FlatIssue[] {
  return issues.flatMap((issue): FlatIssue[] => {
    const fullPath = [...base, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code !== "invalid_union") return [{ ...issue, fullPath }];
    const shapeMismatch = (branch: readonly Issue[]) =>
      branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0;
    const fitting = issue.errors.filter((branch) => !shapeMismatch(branch));
    const best = [...fitting].sort((a, b) => a.length - b.length)[0];
    if (best) return flatten(best, fullPath);
    const expectedAny = issue.errors.flatMap((branch) =>
      branch.flatMap((i) => (i.code === "invalid_type" ? [i.expected] : [])),
    );
    return [{ ...issue, fullPath, expectedAny }];
  });
}

function describe(issue: FlatIssue, context: IssueContext): Diagnostic[] {
  const path = issue.fullPath;
  const code = context.codeFor?.(issue, path) ?? "HS002";
  const value = valueAt(context.data, path);
  const at = (where: "key" | "value", p: DataPath = path): Diagnostic => {
    const position = where === "key" ? context.positions.keyAt(p) : context.positions.valueAt(p);
    return { code, severity: "error", message: "", file: context.file, ...position, path: p };
  };
  const where = describeWhere(path);
  const missing = value === undefined && path.length > 0;
  if (
    missing &&
    (issue.code === "invalid_type" || issue.code === "invalid_union" || issue.code === "invalid_value")
  ) {
    const parent = path.slice(0, -1);
    const field = String(path[path.length - 1]);
    const expected =
      issue.code === "invalid_value"
        ? `one of: ${issue.values.map(String).join(", ")}`
        : expectedText(issue.code === "invalid_type" ? [issue.expected] : (issue.expectedAny ?? []));
    const hint =
      (Object.hasOwn(missingHints, field) ? missingHints[field] : undefined) ?? `Add it as ${expected}.`;
    // A field missing at the top of the file has no parent key to point at: point at the start.
    const position = parent.length > 0 ? context.positions.keyAt(parent) : { line: 1, column: 1 };
    const parentText = parent.length > 0 ? capitalize(describeWhere(parent)) : "The file";
    return [{ ...at("key", parent), ...position, message: `${parentText} is missing "${field}". ${hint}` }];
  }
  switch (issue.code) {
    case "invalid_type":
    case "invalid_union": {
      const expected = issue.code === "invalid_type" ? [issue.expected] : (issue.expectedAny ?? []);
      return [
        {
          ...at("value"),
          message: `${capitalize(where)} should be ${expectedText(expected)}, but it is ${valueText(value)}.`,
        },
      ];
    }
    case "unrecognized_keys": {
      const known = fieldsAt(context.schema, path.slice(context.basePath?.length ?? 0));
      return issue.keys.map((key) => {
        // An option or state indented one level too shallow or too deep lands among the wrong fields.
        const stray = valueAt(context.data, [...path, key]);
        const looksLikeOption =
          typeof stray === "object" && stray !== null && ("target" in stray || "guard" in stray);
        const hint = looksLikeOption ? ` If "${key}" is an option, it belongs under "on:" of its state.` : "";
        return {
          ...at("key", [...path, key]),
          message:
            `${capitalize(describeWhere(path))} has a field "${key}" that Hotseat does not know. ` +
            `${suggestion(key, known)}Check the spelling and the indentation, or remove it.${hint}`,
        };
      });
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (allowed.length === 1) {
        return [{ ...at("value"), message: `${capitalize(where)} can only be "${allowed[0]}".` }];
      }
      if (typeof value !== "string" && typeof value !== "number") {
        const message = `${capitalize(where)} should be one of: ${allowed.join(", ")}, but it is ${valueText(value)}.`;
        return [{ ...at("value"), message }];
      }
      const name = String(value);
      return [
        {
          ...at("value"),
          message:
            `"${name}" is not a known choice for ${where}. ${suggestion(name, allowed)}` +
            `Use one of: ${allowed.join(", ")}.`,
        },
      ];
    }
    case "invalid_key": {
      const key = String(path[path.length - 1]);
      const reason = issue.issues[0]?.message ?? "a different name";
      // A comma inside unquoted text in `{ en: ..., pl: ... }` splits the text into a bogus key.
      const quoteHint = key.includes(" ")
        ? " If this is part of a text that contains a comma, put the whole text in quotes."
        : "";
      return [
        {
          ...at("key"),
          message: `The name "${key}" in ${describeWhere(path.slice(0, -1))} should be ${reason}. Rename it.${quoteHint}`,
        },
      ];
    }
    case "invalid_format":
      return [
        {
          ...at("value"),
          message: `${capitalize(where)} should be ${issue.message}, but it is ${valueText(value)}.`,
        },
      ];
    case "too_small":
      return [{ ...at("value"), message: `${capitalize(where)} ${tooSmallText(issue, value)}` }];
    case "too_big":
      return [
        {
          ...at("value"),
          message: `${capitalize(where)} must be at most ${String(issue.maximum)}, but it is ${valueText(value)}.`,
        },
      ];
    case "custom":
    case "invalid_element":
    case "not_multiple_of":
      return [{ ...at("value"), message: `${capitalize(where)} is not valid: ${issue.message}.` }];
  }
}

function tooSmallText(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const minimum = String(issue.minimum);
  if (issue.origin === "string") return "must not be empty. Write some text, or remove the line.";
  if (issue.origin === "array") {
    return `needs at least ${minimum} ${minimum === "1" ? "entry" : "entries"}.`;
  }
  return `must be at least ${minimum}, but it is ${valueText(value)}.`;
}

function expectedText(expected: readonly string[]): string {
  const kinds = new Set(expected);
  if (kinds.has("string") && (kinds.has("record") || kinds.has("object")) && expected.length === 2) {
    return "text, or a map from language to text (such as en: ...)";
  }
  const words: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    record: "a block of named entries",
    object: "a block of named fields",
    literal: "a fixed value",
  };
  return [...kinds].map((k) => words[k] ?? k).join(", or ");
}

/** A short description of a value as the trainer wrote it. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return "empty";
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "a block of named fields";
}

/** The value at `path` inside plain data, or undefined. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  valueType?: z.ZodType;
};
const defOf = (schema: z.ZodType): Def => schema._zod.def;

// Unwraps optionals and unions, so a path step can look into every shape the value may take.
function alternatives(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) {
    return alternatives(def.innerType);
  }
  if (def.type === "union" && def.options) return def.options.flatMap(alternatives);
  return [schema];
}

/** The field names a schema allows at `path`, for did-you-mean suggestions. */
export function fieldsAt(schema: z.ZodType, path: DataPath): string[] {
  let current = alternatives(schema);
  for (const segment of path) {
    current = current.flatMap((s) => {
      const def = defOf(s);
      if (def.type === "object" && def.shape && typeof segment === "string") {
        const next = def.shape[segment];
        return next ? alternatives(next) : [];
      }
      if (def.type === "record" && def.valueType) return alternatives(def.valueType);
      if (def.type === "array" && def.element && typeof segment === "number")
        return alternatives(def.element);
      return [];
    });
  }
  return [...new Set(current.flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}
