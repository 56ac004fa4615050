import type { LearnerRecord, LearnerRun } from "./learnerDecision";
import { scoreRun } from "./learnerProfile";
import { skills } from "./skillRubric";

/** What the CSV for the LMS is made of: the group's records, and the names an LMS admin files them under. */
export type LmsCsvInput = {
  records: readonly LearnerRecord[];
  groupName: string;
  trainerName: string;
  /** Only this session's runs (the per-session file); every run of the records when absent (the group's). */
  sessionId?: string;
  /** The IANA time zone the date is given in; UTC when absent. */
  timeZone?: string;
};

/** The columns, in order: what instructor-led-training imports of the common LMSs map. */
export const lmsCsvColumns = [
  "Employee ID",
  "Name",
  "E-mail",
  "Group",
  "Scenario",
  "Date",
  "Completed",
  "Score",
  ...skills.map((skill) => `Skill: ${skill}`),
  "Trainer",
] as const;

// A cell an office program would run as a formula (=, +, -, @, or a leading tab or return) is prefixed
// with an apostrophe: a learner's name must never become a formula on the admin's machine.
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = typeof value === "number" ? String(value) : safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function isoDate(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Each skill's 0–100 score in one run, as scoreRun gives it (declared tags included); absent for skills never in play. */
function skillScoresOf(run: LearnerRun): Map<string, number> {
  return new Map(scoreRun(run).report.skills.map((s) => [s.skill, s.score]));
}

/**
 * The CSV an LMS admin imports to record instructor-led training: one row per scenario a learner played
 * (in a session, or across the group's sessions), with the overall score (the run's scaled score × 100)
 * and each skill's score, blank where the run gave the skill no chance. UTF-8 with a byte-order mark (so
 * spreadsheet programs read names with diacritics right), CRLF line ends, RFC 4180 quoting.
 */
export function lmsCsv(input: LmsCsvInput): string {
  const timeZone = input.timeZone ?? "UTC";
  const rows = input.records
    .flatMap((record) =>
      record.runs
        .filter((run) => input.sessionId === undefined || run.sessionId === input.sessionId)
        .map((run) => ({ learner: record.learner, run })),
    )
    .sort(
      (a, b) =>
        a.run.startedAt - b.run.startedAt || a.learner.displayName.localeCompare(b.learner.displayName),
    )
    .map(({ learner, run }) => {
      const skillScores = skillScoresOf(run);
      return [
        learner.employeeId,
        learner.displayName,
        learner.email,
        input.groupName,
        run.scenarioTitle,
        isoDate(run.endedAt ?? run.startedAt, timeZone),
        run.ending !== undefined ? "yes" : "no",
        run.scaledScore !== undefined ? Math.round(run.scaledScore * 100) : undefined,
        ...skills.map((skill) => skillScores.get(skill)),
        input.trainerName,
      ]
        .map(cell)
        .join(",");
    });
  return `\uFEFF${[lmsCsvColumns.map(cell).join(","), ...rows].join("\r\n")}\r\n`;
}
