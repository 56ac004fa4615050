import type { GroupAverages, Skill } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { groupsPath } from "./groupPaths";
import { esc, named } from "./groupText";

/*
 * What a group's record may show on the projector (issue 11): how many learners and the mean of their
 * latest score per skill, in type readable from the back of the room, naming nobody. It is reached from
 * the group page (`#wall`) and built from groupAverages alone, so no name or single score can slip in.
 */

/** The projector's view of a group: averages only. */
export function wallHtml(groupId: string, groupName: string, averages: GroupAverages): string {
  const rows = (Object.entries(averages.skills) as [Skill, number][])
    .map(([skill, score]) => {
      const value = Math.round(score);
      return `<li><span class="gp-wall-skill" id="gp-wall-${skill}">${esc(named("skill", skill))}</span>
<span class="gp-wall-bar" role="meter" aria-labelledby="gp-wall-${skill}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${value}"><span style="width:${value}%"></span></span>
<span class="gp-wall-value">${value}</span></li>`;
    })
    .join("");
  return `<p class="gp-back"><a href="${esc(groupsPath(groupId))}">← ${esc(gt("wall.back"))}</a></p>
<section class="gp-wall" aria-labelledby="gp-wall-h"><h1 id="gp-wall-h">${esc(groupName)}</h1>
<p class="gp-wall-facts">${esc(gt("wall.facts", { count: averages.learners }))}</p>
${rows === "" ? `<p class="gp-wall-facts">${esc(gt("groups.nothingYet"))}</p>` : `<ul class="gp-wall-list">${rows}</ul>`}
<p class="gp-wall-note">${esc(gt("wall.note"))}</p></section>`;
}
