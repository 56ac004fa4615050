import { parseDocument } from "yaml";
import { languagesOf, scenarioTexts, setTexts } from "./scenarioTexts";

const bom = "\uFEFF";

function cell(value: string): string {
  return /[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The scenario's texts as CSV for a translator: a header `id,<lang>,…`, then one row a text (its id, then
 * its text in each language; empty where missing). UTF-8 with a byte-order mark and CRLF line ends, so
 * Excel opens Polish, Lithuanian and Romanian letters correctly.
 */
export function textsToCsv(source: string): string {
  const languages = languagesOf(parseDocument(source).toJS());
  const rows = [
    ["id", ...languages],
    ...scenarioTexts(source).map((t) => [t.id, ...languages.map((l) => t.texts[l] ?? "")]),
  ];
  return bom + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/**
 * Reads CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). The separator is a comma, or
 * a semicolon when the header has one and no comma, as Excel writes CSV where the decimal mark is a comma.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(bom) ? text.slice(1) : text;
  const firstLine = input.split(/\r?\n/, 1)[0] ?? "";
  const sep = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ""));
}

/** One text in one language that an import wrote. */
export type TextChange = { id: string; lang: string; from?: string; to: string };

/** What importing a CSV did, for the trainer to read before trusting it. */
export type TextsImport = {
  /** The scenario's new source (the old one when nothing changed). */
  source: string;
  changed: TextChange[];
  /** How many texts (id × language) the file gave unchanged. */
  unchanged: number;
  /** Ids in the file that no text of the scenario has (row numbers count the header as 1). */
  unknownIds: { row: number; id: string }[];
  /** Header columns that are not languages of the scenario. */
  unknownLanguages: string[];
  /** Why the file could not be read at all, when it could not. */
  problem?: "empty" | "no-id-column";
};

/**
 * Applies a translator's CSV to the scenario: every non-empty cell whose id and language the scenario
 * has becomes that text (an empty cell leaves the text as it is). Reports changes, unchanged texts,
 * unknown ids and unknown languages; writes nothing it could not match.
 */
export function importTextsCsv(source: string, csv: string): TextsImport {
  const rows = parseCsv(csv);
  const result: TextsImport = { source, changed: [], unchanged: 0, unknownIds: [], unknownLanguages: [] };
  const [header, ...body] = rows;
  if (!header) return { ...result, problem: "empty" };
  if (header[0]?.trim().toLowerCase() !== "id") return { ...result, problem: "no-id-column" };
  const languages = new Set(languagesOf(parseDocument(source).toJS()));
  const columns = header.slice(1).map((h) => h.trim());
  result.unknownLanguages = columns.filter((c) => c !== "" && !languages.has(c));
  const texts = new Map(scenarioTexts(source).map((t) => [t.id, t]));
  const edits: { path: (string | number)[]; lang: string; text: string }[] = [];
  body.forEach((row, i) => {
    const id = (row[0] ?? "").trim();
    const text = texts.get(id);
    if (!text) {
      result.unknownIds.push({ row: i + 2, id });
      return;
    }
    columns.forEach((lang, c) => {
      const value = row[c + 1] ?? "";
      if (!languages.has(lang) || value === "") return;
      const from = text.texts[lang];
      if (from === value) {
        result.unchanged += 1;
        return;
      }
      result.changed.push({ id, lang, ...(from !== undefined ? { from } : {}), to: value });
      edits.push({ path: text.path, lang, text: value });
    });
  });
  result.source = setTexts(source, edits);
  return result;
}
