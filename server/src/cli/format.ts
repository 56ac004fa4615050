/**
 * Small text helpers shared by the commands: meters as bars, the cost ledger as a sum of named
 * items, and prose wrapped to the terminal.
 */

const barWidth = 20;

/** `count` followed by the singular or plural noun: "1 error", "2 errors". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}

/** A signed change for display: "+10", "-5"; nothing for zero. */
export function formatDelta(delta: number): string {
  if (delta === 0) return "";
  return delta > 0 ? `+${formatNumber(delta)}` : `-${formatNumber(-delta)}`;
}

/** A 0..100 meter as a bar of 20 cells with the number after it: "██████░░░░… 30/100". */
export function meterBar(value: number): string {
  const clamped = Math.max(0, Math.min(100, value));
  const filled = Math.round((clamped / 100) * barWidth);
  return `${"█".repeat(filled)}${"░".repeat(barWidth - filled)} ${String(Math.round(clamped)).padStart(3)}/100`;
}

/** An amount of money in the scenario's currency: "12 EUR", "12.50 EUR". */
export function formatMoney(amount: number, currency: string): string {
  return `${formatNumber(amount)} ${currency}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** How a cost item reads to a trainer: `staffTime` → "staff time". */
export function costItemLabel(item: string): string {
  return item.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The ledger as "total = item amount + item amount", leaving out items that came to zero. */
export function formatLedger(ledger: Partial<Record<string, number>>, currency: string): string {
  const items = Object.entries(ledger).filter((e): e is [string, number] => e[1] !== undefined && e[1] !== 0);
  const total = items.reduce((sum, [, amount]) => sum + amount, 0);
  if (items.length === 0) return formatMoney(0, currency);
  const parts = items.map(([item, amount]) => `${costItemLabel(item)} ${formatMoney(amount, currency)}`);
  return `${formatMoney(total, currency)} = ${parts.join(" + ")}`;
}

/** The meters the scenario uses, as aligned labelled lines; deltas are shown when given. */
export type MeterReading = {
  mood: number;
  reputation?: number;
  strain?: number;
  ledger: Partial<Record<string, number>>;
};

/** Lines showing mood, reputation and strain (when used) as bars, then the itemised cost. */
export function meterLines(now: MeterReading, currency: string, before?: MeterReading): string[] {
  const change = (key: "mood" | "reputation" | "strain") => {
    const was = before?.[key];
    const is = now[key];
    if (was === undefined || is === undefined) return "";
    const d = formatDelta(is - was);
    return d ? `  (${d})` : "";
  };
  const row = (label: string, value: string) => `  ${label.padEnd(13)} ${value}`;
  const lines = [row("Mood", `${meterBar(now.mood)}${change("mood")}`)];
  if (now.reputation !== undefined) {
    lines.push(row("Reputation", `${meterBar(now.reputation)}${change("reputation")}`));
  }
  if (now.strain !== undefined) lines.push(row("Staff strain", `${meterBar(now.strain)}${change("strain")}`));
  lines.push(row("Cost", formatLedger(now.ledger, currency)));
  return lines;
}

/** Text wrapped to `width` columns with every line indented by `indent`. */
export function wrap(text: string, width = 100, indent = "  "): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(indent + line);
  }
  return out;
}
