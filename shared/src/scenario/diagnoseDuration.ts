import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import type { Diagnostic } from "./diagnostic";

/** The longest estimate that still fits one workshop session; past it, the number is probably seconds. */
export const maxEstimatedMinutes = 180;

/**
 * HS020 (warning): an `estimatedMinutes` no class could play in one sitting. The schema already refuses a
 * value that is not a whole number above zero (HS002); this catches the plausible slip of writing seconds.
 */
export function diagnoseDuration(context: CheckContext): Diagnostic[] {
  const minutes = context.scenario.estimatedMinutes;
  if (minutes === undefined || minutes <= maxEstimatedMinutes) return [];
  const message =
    `estimatedMinutes is ${minutes}, more than ${maxEstimatedMinutes} minutes (three hours) for one scenario. ` +
    `Write the time in minutes (not seconds), or split the scenario into shorter ones.`;
  return [diagnosticAt(context, "HS020", "warning", message, ["estimatedMinutes"], "value")];
}
