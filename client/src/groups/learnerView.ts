import { groupsPath } from "./groupPaths";
import type { GroupRosterEntry, LearnerProfile, LearnerRecord, LearnerRun } from "@hotseat/shared";
import { gt } from "../i18n/groupStrings";
import { dateTimeText, esc, named, scoreCell, signed, timeText } from "./groupText";

/*
 * One learner's page for their group's trainer: first against latest per skill, customer types, and every
 * decision with what the engine knows about it (state, the option chosen, its tags and feedback, its
 * effect, and the gap to the best option open then). The actions (renew link, export, delete) are real
 * buttons wired by groupsPage.ts.
 */

function table(id: string, caption: string, head: string[], rows: string[], extra = ""): string {
  const ths = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  return `<div class="gp-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table class="gp-table ${extra}"><caption id="${id}">${esc(caption)}</caption><thead><tr>${ths}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** How far a choice was from the best option open then: only the measures where it fell short. */
function gapText(gap: { moodGap: number; costGap: number; bestOptionId: string }): string {
  if (gap.moodGap <= 0 && gap.costGap <= 0) return esc(gt("groups.best"));
  const parts = [
    gap.moodGap > 0 ? gt("groups.gapMood", { mood: gap.moodGap }) : undefined,
    gap.costGap > 0 ? gt("groups.gapCost", { cost: gap.costGap }) : undefined,
  ].filter((x) => x !== undefined);
  return `${esc(parts.join(", "))}<br><small>${esc(gt("groups.gapBest"))} <code>${esc(gap.bestOptionId)}</code></small>`;
}

/** One run's decisions as a table, its caption saying which scenario, when, how it ended and its score. */
function runTable(run: LearnerRun, score: number | undefined, index: number): string {
  const rows = run.decisions.map((d) => {
    const tags = d.tags.map((tag) => `<span class="gp-tag">${esc(named("tag", tag))}</span>`).join(" ");
    const feedback = d.feedback ? `<p class="gp-feedback">${esc(d.feedback)}</p>` : "";
    const effect = gt("groups.effect", { mood: signed(d.effect.mood), cost: d.effect.cost });
    return `<tr><th scope="row"><code>${esc(d.stateId)}</code><br><small>${esc(timeText(d.at))}</small></th><td><strong>${esc(d.optionLabel)}</strong>${feedback}</td><td>${tags}</td><td>${esc(effect)}</td><td>${gapText(d.comparedWithBest)}</td></tr>`;
  });
  const caption = [
    run.scenarioTitle,
    dateTimeText(run.startedAt),
    run.ending ? `${named("outcome", run.ending.outcome)}: ${run.ending.title}` : gt("groups.noEnding"),
    score !== undefined ? gt("groups.runScore", { score }) : undefined,
  ].filter((x) => x !== undefined);
  const head = [
    gt("groups.state"),
    gt("groups.choice"),
    gt("groups.tags"),
    gt("groups.effectHead"),
    gt("groups.gapHead"),
  ];
  return table(`gp-run-${index}`, caption.join(" · "), head, rows, "gp-decisions");
}

/** The learner page's markup (the record may have no runs yet). */
export function learnerHtml(
  groupId: string,
  entry: GroupRosterEntry,
  record: LearnerRecord,
  profile: LearnerProfile,
): string {
  const ids = [entry.employeeId, entry.email].filter((x) => x !== undefined).join(" · ");
  const head = `<p class="gp-back"><a href="${esc(groupsPath(groupId))}">← ${esc(gt("groups.backToGroup"))}</a></p>
<h1>${esc(entry.displayName)}</h1>${ids ? `<p class="gp-facts">${esc(ids)}</p>` : ""}
<div class="gp-actions"><button type="button" id="gp-renew">${esc(gt("groups.renew"))}</button>
<button type="button" id="gp-export" class="secondary">${esc(gt("groups.export"))}</button>
<button type="button" id="gp-delete" class="danger">${esc(gt("groups.delete"))}</button></div>
<div id="gp-action-out" role="status"></div>`;
  if (record.runs.length === 0)
    return `${head}<p class="gp-empty">${esc(gt("groups.learnerNothingYet"))}</p>`;
  const skillRows = profile.skills.map(
    (s) =>
      `<tr><th scope="row">${esc(named("skill", s.skill))}</th>${scoreCell(s.first.score)}${scoreCell(s.latest.score)}<td>${s.runs}</td></tr>`,
  );
  const typeRows = profile.customerTypes.map(
    (c) =>
      `<tr><th scope="row">${esc(named("customerType", c.customerType))}</th>${scoreCell(c.meanScore)}<td>${c.runs}</td><td>${esc(gt(`groups.handling.${c.handling}` as const))}</td></tr>`,
  );
  return `${head}
<section aria-labelledby="gp-ls-h"><h2 id="gp-ls-h">${esc(gt("groups.skills"))}</h2>
${table("gp-ls-c", gt("groups.learnerSkillsCaption"), [gt("groups.skill"), gt("groups.first"), gt("groups.latest"), gt("groups.runsHead")], skillRows, "gp-narrow")}</section>
${
  typeRows.length > 0
    ? `<section aria-labelledby="gp-lt-h"><h2 id="gp-lt-h">${esc(gt("groups.types"))}</h2>
${table("gp-lt-c", gt("groups.learnerTypesCaption"), [gt("groups.customerType"), gt("groups.score"), gt("groups.runsHead"), gt("groups.handling")], typeRows, "gp-narrow")}</section>`
    : ""
}
<section aria-labelledby="gp-ld-h"><h2 id="gp-ld-h">${esc(gt("groups.decisions"))}</h2>
<p class="gp-note">${esc(gt("groups.decisionsNote"))}</p>
${profile.runs.map(({ run, score }, i) => runTable(run, score, i)).join("")}</section>`;
}
