import type { SessionReport } from "./sessionReport";

const header = [
  "scenario",
  "run",
  "branch_from",
  "step",
  "record",
  "option",
  "label",
  "decided_by",
  "trainee",
  "mood_after",
  "reputation_after",
  "strain_after",
  "cost_after",
  "at",
];

// Quote when needed; a leading = + - @ would make a spreadsheet run the cell as a formula.
function cell(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV for spreadsheets: one `decision` row per step played (with the meters after
 * it), followed by one row per trainee vote, mark or choice on that step; rewound branches too.
 */
export function reportToCsv(report: SessionReport): string {
  const rows: (string | number | undefined)[][] = [header];
  for (const scenario of report.scenarios) {
    for (const run of scenario.runs) {
      const branches = [
        { from: undefined as number | undefined, steps: run.path },
        ...run.branches.map((b) => ({ from: b.fromStep, steps: b.steps })),
      ];
      for (const branch of branches) {
        for (const step of branch.steps) {
          const m = step.meters;
          const base = [scenario.scenarioId, run.team ?? run.key, branch.from, step.stepIndex];
          rows.push([
            ...base,
            "decision",
            step.optionId,
            step.label,
            step.decidedBy,
            "",
            m.mood,
            m.reputation,
            m.strain,
            step.cost,
            step.at,
          ]);
          for (const input of step.inputs) {
            rows.push([...base, input.kind, input.optionId, "", "", input.name, "", "", "", "", ""]);
          }
        }
      }
    }
  }
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
