import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import type { Diagnostic } from "./diagnostic";
import { branchesOf, statePath } from "./scenarioWalk";

/** The states a run can reach from the initial state, following every branch's target. */
export function reachableStates(context: CheckContext): Set<string> {
  const { initial, states } = context.scenario.machine;
  const reached = new Set<string>();
  const queue = Object.hasOwn(states, initial) ? [initial] : [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reached.has(id)) continue;
    reached.add(id);
    const state = states[id];
    if (!state) continue;
    for (const { branch } of branchesOf(id, state)) {
      if (
        branch.target !== undefined &&
        Object.hasOwn(states, branch.target) &&
        !reached.has(branch.target)
      ) {
        queue.push(branch.target);
      }
    }
  }
  return reached;
}

/**
 * Checks the shape of the conversation: states no run can reach (HS007), non-final states with
 * no way out (HS008), and declared endings that no final state names (HS009).
 */
export function diagnoseGraph(context: CheckContext): Diagnostic[] {
  const { machine, endings } = context.scenario;
  const diagnostics: Diagnostic[] = [];
  // Without a valid start every state looks unreachable; HS015 already says what is wrong.
  const reached = Object.hasOwn(machine.states, machine.initial) ? reachableStates(context) : undefined;
  for (const [id, state] of Object.entries(machine.states)) {
    if (reached && !reached.has(id)) {
      const message =
        `State "${id}" can never be reached: no option leads to it from the start ("${machine.initial}"). ` +
        `Add an option with "target: ${id}", or remove the state.`;
      diagnostics.push(diagnosticAt(context, "HS007", "warning", message, statePath(id), "key"));
    }
    const hasWayOut = branchesOf(id, state).some(
      ({ branch }) => branch.target !== undefined && branch.target !== id,
    );
    if (state.type !== "final" && !hasWayOut) {
      const message =
        `State "${id}" is not an ending, but the trainee has no way out of it: no option leads to another state. ` +
        `Add an option under "on:" with a target, or make it an ending with "type: final" and "ending:" under meta.`;
      diagnostics.push(diagnosticAt(context, "HS008", "error", message, statePath(id), "key"));
    }
  }
  const named = new Set(
    Object.values(machine.states).flatMap((s) =>
      s.type === "final" && s.meta.ending ? [s.meta.ending] : [],
    ),
  );
  for (const ending of Object.keys(endings)) {
    if (named.has(ending)) continue;
    const message =
      `The ending "${ending}" is never used: no final state names it, so no run can end this way. ` +
      `Add "ending: ${ending}" to the meta of a final state, or remove the ending.`;
    diagnostics.push(diagnosticAt(context, "HS009", "warning", message, ["endings", ending], "key"));
  }
  return diagnostics;
}
