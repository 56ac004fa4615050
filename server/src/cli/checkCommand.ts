import { sortDiagnostics } from "@hotseat/shared";
import type { Diagnostic } from "@hotseat/shared";
import { duplicateIdDiagnostics } from "../duplicateScenarioIds";
import type { Command } from "./command";
import { exitCodes, parseCommandArgs } from "./command";
import { findScenarioFiles } from "./findScenarioFiles";
import { plural } from "./format";
import { loadPlansFile } from "./loadPlansFile";
import { loadScenarioFile, printDiagnostics } from "./loadScenarioFile";

/** `hotseat check`: loads scenarios and their test plans and prints every problem found. */
export const checkCommand: Command = {
  name: "check",
  summary: "Check scenario files (and their plans.yaml) for mistakes",
  help: [
    "Usage: npm run hotseat -- check <file-or-folder>... [--strict]",
    "",
    "Reads every scenario.yaml (or .yml, .json) in the folders you name, and the plans.yaml beside",
    "each one, and lists every problem with its code, the line and column, and how to fix it.",
    "Errors (the scenario cannot be played) make the command fail; warnings do not, unless --strict.",
    "",
    "Options:",
    "  --strict   Treat warnings as errors too (for CI, before publishing a scenario).",
    "",
    "Examples:",
    "  npm run hotseat -- check scenarios",
    "  npm run hotseat -- check scenarios/ruined-hat/scenario.yaml",
    "",
    "Output:",
    '  scenarios/late-parcel/scenario.yaml:107:19  error HS003  Option "send-express" in state ... goes to "releived", ...',
    "    107 |           target: releived",
    "        |                   ^",
    "  scenarios/late-parcel/scenario.yaml: 1 error",
    "  scenarios/ruined-hat/scenario.yaml: ok, 20 states, 7 endings",
    "",
    "The codes (HS001...HS020) are explained in README.md, Writing scenarios, section 11.",
  ],
  async run(args, io) {
    const parsed = parseCommandArgs("check", args, { strict: { type: "boolean" } }, io);
    if (!parsed) return exitCodes.usage;
    if (parsed.positionals.length === 0) {
      io.err("hotseat check: name at least one scenario file or folder, e.g. scenarios");
      return exitCodes.usage;
    }
    const { scenarios, problems } = findScenarioFiles(parsed.positionals);
    problems.forEach((p) => io.err(p));
    const strict = parsed.values.strict === true;
    const totals = { errors: 0, warnings: 0, files: 0 };
    const count = (diagnostics: readonly Diagnostic[]) => {
      const errors = diagnostics.filter((d) => d.severity === "error").length;
      const warnings = diagnostics.filter((d) => d.severity === "warning").length;
      totals.errors += errors;
      totals.warnings += warnings;
      totals.files += 1;
      return { errors, warnings };
    };

    const files = scenarios.map((found) => ({ found, loaded: loadScenarioFile(found.file, io) }));
    // Two files with one id cannot both be hosted: the server would play neither.
    const clashes = duplicateIdDiagnostics(
      files.flatMap(({ found, loaded }) =>
        loaded?.scenario ? [{ id: loaded.scenario.id, file: found.file, text: loaded.text }] : [],
      ),
    );
    for (const { found, loaded } of files) {
      if (!loaded) {
        totals.errors += 1;
        continue;
      }
      const diagnostics = sortDiagnostics([
        ...loaded.diagnostics,
        ...clashes.filter((d) => d.file === found.file),
      ]);
      printDiagnostics(io, diagnostics, loaded.text);
      const c = count(diagnostics);
      const size = loaded.scenario
        ? `${plural(Object.keys(loaded.scenario.machine.states).length, "state")}, ${plural(Object.keys(loaded.scenario.endings).length, "ending")}`
        : "";
      io.out(`${found.file}: ${summary(c, size)}`);

      if (found.plansFile === undefined) continue;
      const plans = loadPlansFile(found.plansFile, loaded.compiled, io);
      if (!plans) {
        totals.errors += 1;
        continue;
      }
      printDiagnostics(io, plans.diagnostics, plans.text);
      const p = count(plans.diagnostics);
      // Without a working scenario the plans' choices cannot be followed, so say they were only read.
      const planSize = plans.plans ? plural(plans.plans.plans.length, "plan") : "";
      const unchecked = loaded.compiled ? "" : "choices not checked until the scenario loads";
      io.out(`${found.plansFile}: ${summary(p, [planSize, unchecked].filter(Boolean).join(", "))}`);
    }

    const failed = totals.errors > 0 || (strict && totals.warnings > 0) || problems.length > 0;
    if (scenarios.length > 1 || failed) {
      const found =
        totals.errors === 0 && totals.warnings === 0
          ? "all ok"
          : `${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")}`;
      // A name that found nothing is a failure, never "all ok".
      const missing = problems.length > 0 ? `${plural(problems.length, "name")} found nothing to check` : "";
      const verdict =
        problems.length > 0 && found === "all ok" ? missing : [found, missing].filter(Boolean).join("; ");
      io.out(`Checked ${plural(totals.files, "file")}: ${verdict}.`);
    }
    return failed ? exitCodes.problems : exitCodes.ok;
  },
};

function summary(c: { errors: number; warnings: number }, size: string): string {
  const problems = [
    c.errors > 0 ? plural(c.errors, "error") : "",
    c.warnings > 0 ? plural(c.warnings, "warning") : "",
  ].filter(Boolean);
  if (c.errors > 0) return problems.join(", ");
  return [problems.length === 0 ? "ok" : problems.join(", "), size].filter(Boolean).join(", ");
}
