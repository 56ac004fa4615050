import { formatMoney } from "./money";

/** One labelled tick of a chart axis. */
export type Tick = { value: number; label: string };

/** An axis from 0 to `max` with its labelled ticks. */
export type Axis = { max: number; ticks: Tick[] };

/** The mood axis: always 0–100, so one run's chart compares with another's. */
export function moodAxis(): Axis {
  return { max: 100, ticks: [0, 25, 50, 75, 100].map((v) => ({ value: v, label: String(v) })) };
}

/**
 * A cost axis from 0 to a round amount at or above `maxCost` (9 € gives 0–10 €, 405 € gives 0–500 €), with
 * four or five ticks in the scenario's currency, so a small cost never looks as high as a large one.
 */
export function costAxis(maxCost: number, currency: string, locale: string): Axis {
  const top = Math.max(1, maxCost);
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10]
    .map((f) => f * magnitude)
    .find((s) => Math.ceil(top / s) <= 5 && s >= 1);
  const unit = step ?? magnitude;
  const max = Math.ceil(top / unit) * unit;
  const ticks: Tick[] = [];
  for (let v = 0; v <= max + unit / 2; v += unit)
    ticks.push({ value: v, label: formatMoney(v, currency, locale) });
  return { max, ticks };
}
