import type { OptionLabel, TallyLine } from "@hotseat/shared";

/** A tally bar: option label, count, share of the largest count (0..1), and whether it leads. */
export type TallyBar = { optionId: string; label: string; count: number; share: number; leading: boolean };

/** Lines up the tally with the options in their order; every option gets a bar, even with no votes. */
export function tallyModel(options: OptionLabel[], tally: TallyLine[]): TallyBar[] {
  const counts = new Map(tally.map((l) => [l.optionId, l.count]));
  const max = Math.max(0, ...tally.map((l) => l.count));
  return options.map((o) => {
    const count = counts.get(o.id) ?? 0;
    return {
      optionId: o.id,
      label: o.label,
      count,
      share: max > 0 ? count / max : 0,
      leading: max > 0 && count === max,
    };
  });
}

/** Whole seconds left on a vote timer at `now` (server ms); undefined without a timer. */
export function secondsLeft(
  vote: { deadline?: number; remainingMs?: number },
  now: number,
): number | undefined {
  if (vote.remainingMs !== undefined) return Math.ceil(vote.remainingMs / 1000);
  if (vote.deadline === undefined) return undefined;
  return Math.max(0, Math.ceil((vote.deadline - now) / 1000));
}
