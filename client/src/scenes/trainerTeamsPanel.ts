import type Phaser from "phaser";
import { t } from "../i18n/t";
import { esc, htmlPanel } from "../ui/HtmlPanel";
import { theme } from "../ui/theme";
import type { TeamPreview } from "../viewModel/teamPreviewModel";

const panelId = "trainer-teams-preview";
const toneColour = { good: theme.goodCss, neutral: theme.accentCss, bad: theme.badOnDarkCss } as const;

/** Clamps a block to `lines` lines with an ellipsis; the full text stays in the tooltip. */
function clamp(lines: number): string {
  return `display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:${lines};line-clamp:${lines};overflow:hidden`;
}

function teamCard(team: TeamPreview, labelLines: number, wide: boolean): string {
  const options = team.options
    .map(
      (o, i) => `<li style="background:#14213d;border-radius:8px;padding:5px 8px">
        <div title="${esc(o.label)}" style="font-weight:700;${clamp(labelLines)}">${i + 1}. ${esc(o.label)}</div>
        <div style="color:${theme.inkDim};font-size:17px">${esc(o.effects)}${o.badges
          .map(
            (b) =>
              ` <span style="white-space:nowrap;font-weight:700;color:${b.good ? theme.goodCss : theme.badOnDarkCss}">${esc(b.short)}</span>`,
          )
          .join("")}</div>
      </li>`,
    )
    .join("");
  return `<section data-team="${esc(team.id)}" data-name="${esc(team.name)}" style="background:#1f2f55;border-radius:12px;padding:8px 10px;display:flex;flex-direction:column;gap:4px;min-width:0${wide ? ";grid-column:1 / -1" : ""}${team.ended ? ";opacity:0.85" : ""}">
      <div style="display:flex;justify-content:space-between;align-items:baseline;gap:8px">
        <strong style="font-size:22px;flex:none;white-space:nowrap">${esc(team.name)}</strong>
        <span style="font-weight:700;text-align:right;color:${toneColour[team.tone]}">${esc(team.status)}</span>
      </div>
      <div style="display:flex;flex-wrap:wrap;column-gap:14px;font-size:17px">
        <span style="color:${theme.inkDim}">${esc(team.heading)}</span>
        <span style="color:${theme.accentCss};font-weight:700">${esc(team.meters)}</span>
      </div>
      ${team.line ? `<div title="${esc(team.line)}" style="font-style:italic;${clamp(2)}">${esc(team.line)}</div>` : ""}
      ${options ? `<ol style="margin:0;padding:0;list-style:none;display:grid;grid-template-columns:repeat(${wide ? 2 : 1},minmax(0,1fr));gap:4px">${options}</ol>` : ""}
    </section>`;
}

/**
 * Team play's effects preview in the console's centre column: one card per team (two columns), each with
 * the customer's line, the options and what they would do. Scrolls inside its box when six teams outgrow
 * it, and keeps its scroll position when a team moves on.
 */
export function buildTeamsPanel(
  scene: Phaser.Scene,
  teams: TeamPreview[],
  rect: { x: number; y: number; w: number; h: number },
): HTMLDivElement {
  const scrollTop = document.getElementById(panelId)?.scrollTop ?? 0;
  // Four teams or fewer keep two lines of each option; five or six get one, so most of them fit unscrolled.
  const labelLines = teams.length > 4 ? 1 : 2;
  // An odd team out takes the full width, its options in two columns, so three teams fit unscrolled.
  const odd = teams.length > 1 && teams.length % 2 === 1;
  const panel = htmlPanel(
    scene,
    rect,
    `<div style="display:grid;grid-template-columns:repeat(${Math.min(2, Math.max(1, teams.length))},minmax(0,1fr));align-items:start;gap:10px;font-size:18px;line-height:1.25;padding-right:4px">
      ${teams.map((team, i) => teamCard(team, labelLines, odd && i === teams.length - 1)).join("")}
    </div>`,
    panelId,
  );
  panel.tabIndex = 0;
  panel.setAttribute("aria-label", t("trainer.effects"));
  panel.scrollTop = scrollTop;
  showTeamsBelow(panel);
  return panel;
}

/** Names the teams cut off at the bottom of the box in a strip pinned there, so nobody forgets to scroll. */
function showTeamsBelow(panel: HTMLDivElement): void {
  const hint = document.createElement("div");
  hint.style.cssText = `position:sticky;bottom:0;flex:none;padding:4px 10px;border-radius:8px;background:${theme.accentCss};color:${theme.inkDark};font-weight:700;font-size:18px;text-align:center`;
  panel.appendChild(hint);
  const update = () => {
    const bottom = panel.scrollTop + panel.clientHeight - hint.offsetHeight;
    const below = [...panel.querySelectorAll<HTMLElement>("[data-team]")]
      .filter((s) => s.offsetTop + s.offsetHeight > bottom + 2)
      .map((s) => s.dataset["name"] ?? "");
    hint.hidden = below.length === 0;
    hint.textContent = `↓ ${below.join(" · ")}`;
  };
  panel.addEventListener("scroll", update);
  update();
}

/** Removes the team preview (outside team play). */
export function removeTeamsPanel(): void {
  document.getElementById(panelId)?.remove();
}
