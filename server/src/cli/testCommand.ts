import { runTestPlans } from "@hotseat/shared";
import type { TestPlanResult } from "@hotseat/shared";
import type { Command } from "./command";
import { exitCodes, parseCommandArgs } from "./command";
import { findScenarioFiles } from "./findScenarioFiles";
import { formatMoney, plural } from "./format";
import { loadPlansFile } from "./loadPlansFile";
import { loadScenarioFile, printDiagnostics } from "./loadScenarioFile";

/** `hotseat test`: runs the test plans stored beside each scenario. */
export const testCommand: Command = {
  name: "test",
  summary: "Run the test plans (plans.yaml) beside each scenario",
  help: [
    "Usage: npm run hotseat -- test <file-or-folder>...",
    "",
    "For every scenario found, plays each test plan in its plans.yaml (a list of choices) and",
    "checks the ending, the meter bands and the customer lines it expects. Each plan is marked",
    "✓ (passed) or ✗ (failed, with the reasons). The command fails if any plan fails.",
    "",
    "Examples:",
    "  npm run hotseat -- test scenarios",
    "  npm run hotseat -- test scenarios/ruined-hat",
    "",
    "How to write plans: README.md, Writing scenarios, section 9 (Test plans).",
  ],
  async run(args, io) {
    const parsed = parseCommandArgs("test", args, {}, io);
    if (!parsed) return exitCodes.usage;
    if (parsed.positionals.length === 0) {
      io.err("hotseat test: name at least one scenario file or folder, e.g. scenarios");
      return exitCodes.usage;
    }
    const { scenarios, problems } = findScenarioFiles(parsed.positionals);
    problems.forEach((p) => io.err(p));
    const totals = { passed: 0, failed: 0, broken: 0 };
    for (const found of scenarios) {
      // A scenario with errors fails the run even without plans: CI must not pass a broken library.
      const loaded = loadScenarioFile(found.file, io);
      if (found.plansFile === undefined && loaded?.compiled) {
        io.out(`- ${found.file}: no plans.yaml beside it, nothing to test`);
        continue;
      }
      if (!loaded?.compiled) {
        if (loaded) {
          printDiagnostics(
            io,
            loaded.diagnostics.filter((d) => d.severity === "error"),
            loaded.text,
          );
        }
        const what = found.plansFile === undefined ? "it cannot be played" : "its plans cannot run";
        io.out(`✗ ${found.file}: the scenario has errors, so ${what}`);
        totals.broken += 1;
        continue;
      }
      if (found.plansFile === undefined) continue;
      // Read without the scenario: a choice that cannot be made is reported by its plan below.
      const plans = loadPlansFile(found.plansFile, undefined, io);
      if (!plans?.plans) {
        if (plans) printDiagnostics(io, plans.diagnostics, plans.text);
        io.out(`✗ ${found.plansFile}: the plans file has errors, so its plans cannot run`);
        totals.broken += 1;
        continue;
      }
      io.out(`${found.plansFile}:`);
      const currency = loaded.compiled.scenario.currency;
      for (const result of runTestPlans(loaded.compiled, plans.plans)) {
        totals[result.passed ? "passed" : "failed"] += 1;
        io.out(`  ${result.passed ? "✓" : "✗"} ${result.name}  (${outcomeText(result, currency)})`);
        result.failures.forEach((failure) => io.out(`      - ${failure}`));
      }
    }
    const broken = totals.broken > 0 ? `, ${plural(totals.broken, "file")} could not run` : "";
    io.out(
      `${plural(totals.passed + totals.failed, "plan")}: ${totals.passed} passed, ${totals.failed} failed${broken}.`,
    );
    return totals.failed + totals.broken + problems.length > 0 ? exitCodes.problems : exitCodes.ok;
  },
};

function outcomeText(result: TestPlanResult, currency: string): string {
  const meters = [
    `mood ${result.meters.mood}`,
    ...(result.meters.reputation !== undefined ? [`reputation ${result.meters.reputation}`] : []),
    ...(result.meters.strain !== undefined ? [`strain ${result.meters.strain}`] : []),
    `cost ${formatMoney(result.cost, currency)}`,
  ];
  return `${result.endingId ?? "no ending"}, ${meters.join(", ")}`;
}
