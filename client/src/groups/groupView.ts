import { groupsPath } from "./groupPaths";
import type { GroupDetail, GroupMatrix, LearnerRow } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { esc, named, scoreCell, sessionText } from "./groupText";
import { addLearnersHtml } from "./rosterAdd";
import { trendSvg } from "./trendChart";

/*
 * The trainer's group page: learners × skills (latest score, with the first beside it), learners ×
 * customer types (mean score of their runs against each type), the trend over sessions and the roster.
 * The heatmaps are real tables with the number in every cell; the colour only repeats it.
 */

const learnerLink = (groupId: string, r: { learnerId: string; displayName: string }) =>
  `<a href="${esc(groupsPath(groupId, r.learnerId))}">${esc(r.displayName)}</a>`;

function table(id: string, caption: string, head: string[], rows: string[]): string {
  const ths = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  return `<div class="gp-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table class="gp-table"><caption id="${id}">${esc(caption)}</caption><thead><tr>${ths}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function skillRow(groupId: string, matrix: GroupMatrix, row: LearnerRow): string {
  const cells = matrix.skills.map((skill) => {
    const progress = row.profile.skills.find((s) => s.skill === skill);
    if (!progress) return scoreCell(undefined);
    const { first, latest } = progress;
    const changed = first.score !== latest.score ? esc(gt("groups.fromFirst", { first: first.score })) : "";
    return scoreCell(latest.score, changed);
  });
  return `<tr><th scope="row">${learnerLink(groupId, row)}</th>${cells.join("")}</tr>`;
}

function typeRow(groupId: string, matrix: GroupMatrix, row: LearnerRow): string {
  const cells = matrix.customerTypes.map((type) => {
    const result = row.customerTypes[type];
    if (!result) return scoreCell(undefined);
    return scoreCell(result.meanScore, esc(gt("groups.runs", { count: result.runs })));
  });
  return `<tr><th scope="row">${learnerLink(groupId, row)}</th>${cells.join("")}</tr>`;
}

function trendSection(matrix: GroupMatrix): string {
  if (matrix.trend.length === 0) return "";
  const rows = matrix.trend.map(
    (p) =>
      `<tr><th scope="row">${esc(sessionText(p.at))}</th><td>${p.learners}</td>${matrix.skills.map((s) => scoreCell(p.skills[s])).join("")}</tr>`,
  );
  const head = [
    gt("groups.session"),
    gt("groups.learnersHead"),
    ...matrix.skills.map((s) => named("skill", s)),
  ];
  return `<section aria-labelledby="gp-trend-h"><h2 id="gp-trend-h">${esc(gt("groups.trend"))}</h2>
${trendSvg(matrix.trend, matrix.skills)}
<details><summary>${esc(gt("groups.trendTable"))}</summary>${table("gp-trend-c", gt("groups.trendCaption"), head, rows)}</details></section>`;
}

function rosterSection(detail: GroupDetail, matrix: GroupMatrix): string {
  const runs = new Map(matrix.rows.map((r) => [r.learnerId, r.runs]));
  const rows = detail.roster.map(
    (l) =>
      `<tr><th scope="row">${learnerLink(detail.group.groupId, l)}</th><td>${esc(l.employeeId ?? "")}</td><td>${esc(l.email ?? "")}</td><td>${esc(gt(l.claimed ? "groups.phoneYes" : "groups.phoneNo"))}</td><td>${runs.get(l.learnerId) ?? 0}</td></tr>`,
  );
  const head = [
    gt("groups.learner"),
    gt("groups.employeeId"),
    gt("groups.email"),
    gt("groups.phone"),
    gt("groups.runsHead"),
  ];
  return `<section aria-labelledby="gp-roster-h"><h2 id="gp-roster-h">${esc(gt("groups.roster"))}</h2>${table("gp-roster-c", gt("groups.rosterCaption"), head, rows)}${addLearnersHtml()}</section>`;
}

/** The group page's markup. */
export function groupHtml(detail: GroupDetail, matrix: GroupMatrix, anonymousRuns: number): string {
  const { group } = detail;
  const played = matrix.rows.filter((r) => r.runs > 0);
  const facts = [
    gt("groups.learnerCount", { count: group.learnerCount }),
    gt(group.openRoster ? "groups.openRoster" : "groups.closedRoster"),
    anonymousRuns > 0 ? gt("groups.anonymousRuns", { count: anonymousRuns }) : undefined,
  ].filter((x) => x !== undefined);
  const head = `<p class="gp-back"><a href="${esc(groupsPath())}">← ${esc(gt("groups.all"))}</a></p>
<h1>${esc(group.name)}</h1><p class="gp-facts">${esc(facts.join(" · "))}</p>
<p><a href="#wall" class="gp-wall-link">${esc(gt("wall.open"))}</a></p>`;
  if (played.length === 0)
    return `${head}<p class="gp-empty">${esc(gt("groups.nothingYet"))}</p>${rosterSection(detail, matrix)}`;
  const skillHead = [gt("groups.learner"), ...matrix.skills.map((s) => named("skill", s))];
  const typeHead = [gt("groups.learner"), ...matrix.customerTypes.map((c) => named("customerType", c))];
  return `${head}
<section aria-labelledby="gp-skills-h"><h2 id="gp-skills-h">${esc(gt("groups.skills"))}</h2>
<p class="gp-note">${esc(gt("groups.skillsNote"))}</p>
${table(
  "gp-skills-c",
  gt("groups.skillsCaption"),
  skillHead,
  played.map((r) => skillRow(group.groupId, matrix, r)),
)}</section>
<section aria-labelledby="gp-types-h"><h2 id="gp-types-h">${esc(gt("groups.types"))}</h2>
${table(
  "gp-types-c",
  gt("groups.typesCaption"),
  typeHead,
  played.map((r) => typeRow(group.groupId, matrix, r)),
)}</section>
${trendSection(matrix)}
${rosterSection(detail, matrix)}`;
}
