import type { SessionTrend, Skill } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { esc, named, sessionText } from "./groupText";

/** One colour per skill, told apart by dash pattern too (for colour-blind readers and print). */
const lines: Record<Skill, { colour: string; dash: string }> = {
  listening: { colour: "#1b4fb5", dash: "" },
  acknowledging: { colour: "#b03a2e", dash: "6 3" },
  solving: { colour: "#1e7a44", dash: "2 3" },
  boundaries: { colour: "#7d3c98", dash: "10 4 2 4" },
  informing: { colour: "#b9520c", dash: "12 4" },
  "letting-win": { colour: "#0e6f7e", dash: "4 2 4 6" },
};

/**
 * The group's mean per skill by session, as a line chart with axes (0–100 up, sessions across) and a legend.
 * The same figures are in the table under it, so the chart is one labelled image for screen readers.
 */
export function trendSvg(trend: readonly SessionTrend[], skills: readonly Skill[]): string {
  const [w, h, left, right, top, bottom] = [960, 300, 48, 24, 14, 44];
  const x = (i: number) =>
    trend.length <= 1 ? (left + w - right) / 2 : left + (i * (w - left - right)) / (trend.length - 1);
  const y = (v: number) => top + ((100 - v) * (h - top - bottom)) / 100;
  const grid = [0, 25, 50, 75, 100]
    .map(
      (v) =>
        `<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d5dbe7"/><text x="${left - 8}" y="${y(v) + 5}" text-anchor="end">${v}</text>`,
    )
    .join("");
  const every = Math.max(1, Math.ceil(trend.length / 8));
  // The first and last labels lean inwards, so neither is cut at the chart's edges.
  const anchor = (i: number) =>
    trend.length <= 1 ? "middle" : i === 0 ? "start" : i === trend.length - 1 ? "end" : "middle";
  const ticks = trend
    .map((p, i) =>
      i % every === 0 || i === trend.length - 1
        ? `<text x="${x(i)}" y="${h - bottom + 24}" text-anchor="${anchor(i)}">${esc(sessionText(p.at))}</text>`
        : "",
    )
    .join("");
  const paths = skills
    .map((skill) => {
      const pts = trend.flatMap((p, i) => {
        const v = p.skills[skill];
        return v === undefined ? [] : [[x(i), y(v)] as const];
      });
      if (pts.length === 0) return "";
      const { colour, dash } = lines[skill];
      const dots = pts.map(([px, py]) => `<circle cx="${px}" cy="${py}" r="4" fill="${colour}"/>`).join("");
      return `<polyline fill="none" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""} points="${pts.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ")}"/>${dots}`;
    })
    .join("");
  const legend = skills
    .map((skill) => {
      const { colour, dash } = lines[skill];
      return `<li><svg width="36" height="12" aria-hidden="true"><line x1="0" x2="36" y1="6" y2="6" stroke="${colour}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ""}/></svg>${esc(named("skill", skill))}</li>`;
    })
    .join("");
  return `<svg class="gp-trend" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(gt("groups.trendChart"))}">
<g class="gp-axis">${grid}${ticks}<line x1="${left}" x2="${left}" y1="${top}" y2="${h - bottom}" stroke="#14213d"/><line x1="${left}" x2="${w - right}" y1="${h - bottom}" y2="${h - bottom}" stroke="#14213d"/></g>${paths}</svg>
<ul class="gp-legend">${legend}</ul>`;
}
