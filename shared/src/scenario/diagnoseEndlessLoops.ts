import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import type { Diagnostic } from "./diagnostic";
import { reachableStates } from "./diagnoseGraph";
import { branchesOf, statePath } from "./scenarioWalk";

/**
 * HS008 for a loop no run can leave: states a run reaches from which no option, guard or not, ever
 * leads to an ending (A → B → A and nothing else). States with no way out at all have their own HS008.
 */
export function diagnoseEndlessLoops(context: CheckContext): Diagnostic[] {
  const { initial, states } = context.scenario.machine;
  if (!Object.hasOwn(states, initial)) return [];
  const reached = reachableStates(context);
  // Walk backwards from every ending (and every state already reported as having no way out).
  const cameFrom = new Map<string, string[]>();
  const finishes: string[] = [];
  for (const [id, state] of Object.entries(states)) {
    const targets = branchesOf(id, state).flatMap(({ branch }) =>
      branch.target !== undefined && Object.hasOwn(states, branch.target) ? [branch.target] : [],
    );
    if (state.type === "final" || targets.every((t) => t === id)) finishes.push(id);
    for (const target of targets) cameFrom.set(target, [...(cameFrom.get(target) ?? []), id]);
  }
  const canFinish = new Set(finishes);
  for (let queue = [...finishes], id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const from of cameFrom.get(id) ?? []) {
      if (!canFinish.has(from)) {
        canFinish.add(from);
        queue.push(from);
      }
    }
  }
  const trapped = Object.keys(states).filter((id) => reached.has(id) && !canFinish.has(id));
  const first = trapped[0];
  if (first === undefined) return [];
  const names = trapped.map((id) => `"${id}"`).join(", ");
  const message =
    `The conversation can never end once it reaches ${trapped.length === 1 ? "state" : "states"} ${names}: ` +
    `every option from there leads back into ${trapped.length === 1 ? "it" : "them"}, never to an ending. ` +
    `Add an option from one of them to a state that leads to an ending, or make one of them an ending with "type: final".`;
  return [diagnosticAt(context, "HS008", "error", message, statePath(first), "key")];
}
