import type { MessageKey } from "../i18n/en";
import { gt } from "../i18n/groupStrings";
import { getLocale, t } from "../i18n/t";

/** Text made safe inside HTML (attributes included). */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A name of the catalogues built from data (`skill.listening`, `customerType.expert`, `tag.listens`); an id
 * the catalogue does not know (a scenario's own tag or type) reads as itself rather than as a key.
 */
export function named(prefix: "skill" | "customerType" | "tag" | "outcome", id: string): string {
  const key = `${prefix}.${id}`;
  const text = t(key as MessageKey);
  return text === key ? id : text;
}

/** A date in the page's language. */
export function dateText(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: "medium" }).format(at);
}

/** A date and time, for one decision. */
export function dateTimeText(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: "medium", timeStyle: "short" }).format(at);
}

/** A time of day, for a decision within its run. */
export function timeText(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), { timeStyle: "short" }).format(at);
}

/** A session on the trend's axis: day and time, short, since a group often has two sessions a day. */
export function sessionText(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

/** A signed number as people write a change: "+3", "−2", "0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  return n < 0 ? `−${Math.abs(n)}` : "0";
}

/**
 * A score's cell background: red at 0 through amber to green at 100, pale enough that dark text reads on
 * every shade (the number is always printed: the colour only repeats it).
 */
export function heatColour(score: number): string {
  const hue = Math.round(Math.max(0, Math.min(100, score)) * 1.2);
  return `hsl(${hue} 70% 80%)`;
}

/** A heatmap cell: the score, or a dash that a screen reader reads as "not played". */
export function scoreCell(score: number | undefined, small = ""): string {
  if (score === undefined)
    return `<td class="gp-cell gp-none"><span aria-hidden="true">–</span><span class="gp-sr">${esc(gt("groups.notPlayed"))}</span></td>`;
  return `<td class="gp-cell" style="background:${heatColour(score)}"><strong>${score}</strong>${small ? ` <small>${small}</small>` : ""}</td>`;
}
