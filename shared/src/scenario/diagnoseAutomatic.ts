import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import type { Diagnostic } from "./diagnostic";
import type { StateConfig } from "./scenarioSchema";
import { itemsAt, statePath } from "./scenarioWalk";

// The first `always` branch without a guard: once reached, the run always leaves through it.
function unconditionalExit(stateId: string, state: StateConfig) {
  const found = itemsAt(state.always, [...statePath(stateId), "always"]).find(([b]) => b.guard === undefined);
  return found ? { target: found[0].target ?? stateId, path: found[1] } : undefined;
}

/**
 * Checks automatic (`always`) moves and options that can never be offered: a chain of
 * unguarded automatic moves that comes back on itself would loop forever (HS008, error);
 * options of an ending, or of a state that is always left at once, are never shown (HS007, warning).
 */
export function diagnoseAutomatic(context: CheckContext): Diagnostic[] {
  const states = context.scenario.machine.states;
  const diagnostics: Diagnostic[] = [];
  const exits = new Map<string, string>();
  for (const [id, state] of Object.entries(states)) {
    const exit = unconditionalExit(id, state);
    if (exit) exits.set(id, exit.target);
    const options = Object.keys(state.on ?? {});
    if (options.length === 0) continue;
    const path = [...statePath(id), "on"];
    if (state.type === "final") {
      const message =
        `State "${id}" is an ending, so its options (${options.join(", ")}) are never offered. ` +
        `Remove them, or remove "type: final" if the conversation should go on.`;
      diagnostics.push(diagnosticAt(context, "HS007", "warning", message, path, "key"));
    } else if (exit) {
      const message =
        `State "${id}" moves on at once through its automatic check without a guard, so its options ` +
        `(${options.join(", ")}) are never offered. Add a guard to the automatic check, or move the options.`;
      diagnostics.push(diagnosticAt(context, "HS007", "warning", message, path, "key"));
    }
  }
  const reported = new Set<string>();
  for (const start of exits.keys()) {
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      at = exits.get(at);
    }
    if (at === undefined || at !== start || chain.some((s) => reported.has(s))) continue;
    chain.forEach((s) => reported.add(s));
    const exit = unconditionalExit(start, states[start]!);
    const loop = [...chain, start].map((s) => `"${s}"`).join(" → ");
    const message =
      `The automatic checks without guards go round in a circle (${loop}), so a run that gets here loops forever. ` +
      `Give one of these automatic checks a guard, or send it to another state.`;
    diagnostics.push(
      diagnosticAt(context, "HS008", "error", message, exit ? exit.path : statePath(start), "key"),
    );
  }
  return diagnostics;
}
