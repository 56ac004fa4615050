import { rosterLineSchema } from "@hotseat/shared";
import type { RosterLine } from "@hotseat/shared";

/** A roster as typed or pasted, read into lines; or the first line that is not one, with what is wrong. */
export type RosterParse =
  | { ok: true; lines: RosterLine[] }
  | { ok: false; line: number; text: string; problem: "email" | "name" | "too-long" };

const emailLike = (s: string) => s.includes("@");

/**
 * Reads a roster typed one learner a line: `name`, then optionally an employee id and an e-mail, separated
 * by `;`, a tab (a spreadsheet's column) or `,` when the line has no `;` or tab. Which field is the e-mail
 * is told by its `@`, so "Ann; ann@x.eu" and "Ann; 4711; ann@x.eu" both read. Blank lines are skipped.
 * Each line is checked with the server's own schema, so what the page accepts the server accepts.
 */
export function parseRoster(text: string): RosterParse {
  const lines: RosterLine[] = [];
  const raw = text.split(/\r?\n/);
  for (const [i, rawLine] of raw.entries()) {
    if (rawLine.trim() === "") continue;
    const sep = /[;\t]/.test(rawLine) ? /[;\t]/ : /,/;
    const [name = "", ...rest] = rawLine.split(sep).map((f) => f.trim());
    const email = rest.find(emailLike);
    const employeeId = rest.find((f) => f !== "" && !emailLike(f));
    const candidate = {
      displayName: name,
      ...(employeeId !== undefined ? { employeeId } : {}),
      ...(email !== undefined ? { email } : {}),
    };
    const parsed = rosterLineSchema.safeParse(candidate);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path[0];
      const problem = path === "email" ? "email" : name === "" ? "name" : "too-long";
      return { ok: false, line: i + 1, text: rawLine.trim(), problem };
    }
    lines.push(parsed.data);
  }
  return { ok: true, lines };
}
