import type { RunOption } from "../scenario/runState";

/** Votes per option id, every current option present (zero when nobody chose it). */
export function tallyOf(
  options: readonly RunOption[],
  votes: Record<string, string>,
): Record<string, number> {
  const tally: Record<string, number> = Object.fromEntries(options.map((o) => [o.id, 0]));
  for (const optionId of Object.values(votes)) {
    if (Object.hasOwn(tally, optionId)) tally[optionId] = (tally[optionId] ?? 0) + 1;
  }
  return tally;
}

/** The options with the most votes, in option order; several means a tie (no votes at all ties every option). */
export function leadersOf(tally: Record<string, number>): string[] {
  const max = Math.max(0, ...Object.values(tally));
  return Object.keys(tally).filter((id) => tally[id] === max);
}
