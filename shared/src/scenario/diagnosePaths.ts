import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import type { DataPath, Diagnostic } from "./diagnostic";
import { statePath } from "./scenarioWalk";

/** The part of a path analysis that produces diagnostics (see `analyzePaths`). */
export type PathFindings = {
  /** Endings that no sequence of choices reaches. */
  unreachableEndings: string[];
  /** Meters that leave 0..100 on some path; `path` lists the option ids chosen. */
  meterExcursions: { meter: string; value: number; path: string[] }[];
  /** Non-final states where, on some path, no option is available. */
  deadEnds?: string[];
  /** True when the analysis stopped early: what it found is real, but "never reached" is unproven. */
  truncated?: boolean;
  /** The exploration budget that was used, to tell the trainer when it ran out. */
  limit?: number;
};

/**
 * Turns a path analysis into warnings: endings no run reaches (HS009), states where guards
 * leave no option (HS008), and meters pushed out of
 * 0..100 (HS010, once per meter and direction). Endings `known` already flagged are not repeated.
 */
export function diagnosePaths(
  context: CheckContext,
  findings: PathFindings,
  known: readonly Diagnostic[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const flagged = new Set(known.filter((d) => d.code === "HS009").map((d) => String(d.path?.[1])));
  if (findings.truncated) {
    const message =
      `This scenario has more situations than the quick check explores while loading (${findings.limit ?? "its limit"}), ` +
      `so endings that no path reaches are not reported here. Run "npm run hotseat -- paths" on this file to walk every path.`;
    diagnostics.push(diagnosticAt(context, "HS009", "info", message, ["endings"], "key"));
  }
  for (const ending of findings.truncated ? [] : findings.unreachableEndings) {
    if (flagged.has(ending) || !Object.hasOwn(context.scenario.endings, ending)) continue;
    const finals = Object.entries(context.scenario.machine.states)
      .filter(([, s]) => s.meta.ending === ending)
      .map(([id]) => `"${id}"`);
    const message =
      `No sequence of choices reaches the ending "${ending}" (named by ${finals.join(", ")}): ` +
      `a guard or a missing option blocks every way there. Check the options and guards leading to it.`;
    diagnostics.push(diagnosticAt(context, "HS009", "warning", message, ["endings", ending], "key"));
  }
  const stuck = new Set(known.filter((d) => d.code === "HS008").map((d) => String(d.path?.[2])));
  for (const state of findings.deadEnds ?? []) {
    if (stuck.has(state) || !Object.hasOwn(context.scenario.machine.states, state)) continue;
    const message =
      `On some paths the trainee gets stuck in state "${state}": the guards of all its options fail, ` +
      `so no option is offered. Add an option without a guard, or loosen the guards.`;
    diagnostics.push(diagnosticAt(context, "HS008", "warning", message, statePath(state), "key"));
  }
  const seen = new Set<string>();
  for (const { meter, value, path } of findings.meterExcursions) {
    const direction = value > 100 ? "above" : "below";
    if (seen.has(`${meter}:${direction}`)) continue;
    seen.add(`${meter}:${direction}`);
    const bound = value > 100 ? 100 : 0;
    const choices = path.length > 0 ? path.join(" → ") : "(the start)";
    const message =
      `${meter.charAt(0).toUpperCase()}${meter.slice(1)} would reach ${value} after the choices ${choices}, ` +
      `but it stays between 0 and 100, so it stops at ${bound} and the rest of the change is lost. ` +
      `Make the effects on this path smaller if that matters.`;
    diagnostics.push(
      diagnosticAt(context, "HS010", "warning", message, excursionPath(context, meter, path), "key"),
    );
  }
  return diagnostics;
}

// Point at the option that pushed the meter out when it is unambiguous, else at the meter's start value.
function excursionPath(context: CheckContext, meter: string, path: readonly string[]): DataPath {
  const last = path[path.length - 1];
  const holders = Object.entries(context.scenario.machine.states).filter(
    ([, s]) => last !== undefined && s.on !== undefined && Object.hasOwn(s.on, last),
  );
  const [only] = holders;
  if (holders.length === 1 && only && last !== undefined) return [...statePath(only[0]), "on", last];
  return Object.hasOwn(context.scenario.meters, meter) ? ["meters", meter] : ["meters"];
}
