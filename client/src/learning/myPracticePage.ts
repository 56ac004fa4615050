import "./myPractice.css";
import type { MessageKey } from "../i18n/en";
import { getLocale, t } from "../i18n/t";
import { api } from "../net/api";
import { Refusal } from "../net/refusal";
import { myRecordAnswerSchema } from "@hotseat/shared";
import { learnerKeysOnThisPhone } from "../net/learnerKeys";
import type { GroupRecord, MyPracticeModel, SessionCard, SkillLine } from "./myPracticeModel";
import { mergedRecord, myPracticeModel } from "./myPracticeModel";

/** Text made safe inside HTML. */
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A key of the catalogues built from data (a skill, a customer type, a tag), English when unknown. */
const named = (prefix: string, id: string) => t(`${prefix}.${id}` as MessageKey);

/** A 0–100 bar as a meter named after its skill and which score it is, so a screen reader can move by bar. */
const bar = (score: number, kind: string, name: string) =>
  `<span class="mp-bar ${kind}" role="meter" aria-label="${esc(name)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${score}"><span style="width:${Math.max(2, score)}%"></span></span>`;

function skillItem(s: SkillLine): string {
  const name = named("skill", s.skill);
  const first = t("practice.first");
  const latest = t("practice.latest");
  return `<li class="mp-skill">
    <p>${esc(t("practice.skillLine", { skill: name, first: s.first, latest: s.latest }))}</p>
    <div class="mp-bars">
      <span class="mp-bar-label" aria-hidden="true">${esc(first)}</span>${bar(s.first, "first", `${name}: ${first}`)}
      <span class="mp-bar-label" aria-hidden="true">${esc(latest)}</span>${bar(s.latest, "latest", `${name}: ${latest}`)}
    </div>
  </li>`;
}

function typeList(title: string, types: MyPracticeModel["well"], kind: string): string {
  const items =
    types.length === 0
      ? `<li class="mp-none">${esc(t("practice.noneYet"))}</li>`
      : types
          .map(
            (c) =>
              `<li>${esc(t("practice.typeLine", { type: named("customerType", c.customerType), score: c.meanScore }))}</li>`,
          )
          .join("");
  return `<section class="mp-types ${kind}"><h3>${esc(title)}</h3><ul>${items}</ul></section>`;
}

function sessionItem(card: SessionCard, dates: Intl.DateTimeFormat): string {
  const steps = card.steps
    .map((step) => {
      const tags = step.tags.map((tag) => `<span class="mp-tag">${esc(named("tag", tag))}</span>`).join(" ");
      const feedback = step.feedback ? `<p class="mp-feedback">${esc(step.feedback)}</p>` : "";
      return `<li><p class="mp-choice">${esc(step.label)}</p>${tags ? `<p>${tags}</p>` : ""}${feedback}</li>`;
    })
    .join("");
  const facts = [
    dates.format(card.at),
    card.ending ? `${named("outcome", card.ending.outcome)}: ${card.ending.title}` : undefined,
    card.score !== undefined ? t("practice.score", { score: card.score }) : undefined,
  ].filter((x) => x !== undefined);
  return `<li class="mp-session"><h3>${esc(card.title)}</h3><p class="mp-facts">${esc(facts.join(" · "))}</p><ol>${steps}</ol></li>`;
}

/** The page's markup for a model. */
export function myPracticeHtml(model: MyPracticeModel): string {
  const dates = new Intl.DateTimeFormat(getLocale(), { dateStyle: "medium" });
  const skills =
    model.skills.length === 0
      ? `<p class="mp-none">${esc(t("practice.noneYet"))}</p>`
      : `<ul class="mp-skills">${model.skills.map(skillItem).join("")}</ul>`;
  const groups =
    model.groups.length === 0
      ? ""
      : `<p class="mp-who">${esc(t("practice.groups", { groups: model.groups.join(", ") }))}</p>`;
  return `<p class="mp-who">${esc(t("practice.for", { name: model.name }))}</p>${groups}
    <section aria-labelledby="mp-skills-h"><h2 id="mp-skills-h">${esc(t("practice.skills"))}</h2>${skills}</section>
    <section aria-labelledby="mp-types-h"><h2 id="mp-types-h">${esc(t("practice.types"))}</h2>
      ${typeList(t("practice.well"), model.well, "well")}${typeList(t("practice.badly"), model.badly, "badly")}${model.between.length > 0 ? typeList(t("practice.between"), model.between, "between") : ""}</section>
    <section aria-labelledby="mp-sessions-h"><h2 id="mp-sessions-h">${esc(t("practice.sessions"))}</h2>
      <ol class="mp-sessions">${model.sessions.map((c) => sessionItem(c, dates)).join("")}</ol></section>`;
}

/** Why a key got no record: unknown to the server (deleted, or renewed on another phone) or another failure. */
function failureOf(e: unknown): { unknown: boolean; text: string } {
  const unknown = e instanceof Refusal && (e.code === "learner.unknown" || e.code === "auth.required");
  return { unknown, text: e instanceof Refusal ? e.text : String(e) };
}

/**
 * Opens "My practice" in this page: the learner's own record, read with the keys this phone keeps (one
 * per group it was seated in, as the join flow stores them), never anyone else's. Records of several
 * groups are shown as one: the trainee is one person. A DOM page of its own, loaded only when opened.
 */
export async function openMyPractice(): Promise<void> {
  document.title = t("practice.title");
  const root = document.createElement("main");
  root.className = "my-practice";
  root.innerHTML = `<header><h1>${esc(t("practice.title"))}</h1><a href="/">${esc(t("practice.home"))}</a></header>
    <div id="mp-body" role="status">${esc(t("practice.loading"))}</div>`;
  document.getElementById("game")?.remove();
  document.getElementById("dom-page")?.remove();
  document.body.append(root);
  const body = root.querySelector<HTMLElement>("#mp-body");
  if (!body) return;
  const keys = learnerKeysOnThisPhone();
  if (keys.length === 0) {
    body.innerHTML = `<p class="mp-empty">${esc(t("practice.empty"))}</p>`;
    return;
  }
  const answers = await Promise.allSettled(
    keys.map((k) =>
      // In the page's language: the scenarios' lines and feedback as the phone showed them.
      api(myRecordAnswerSchema, `/api/learning/me?locale=${encodeURIComponent(getLocale())}`, {
        headers: { authorization: `Bearer ${k.learnerKey}` },
      }),
    ),
  );
  const found: GroupRecord[] = [];
  const notes: string[] = [];
  answers.forEach((answer, i) => {
    const groupName = keys[i]?.groupName ?? "";
    if (answer.status === "fulfilled") return void found.push({ groupName, record: answer.value });
    const failure = failureOf(answer.reason);
    notes.push(failure.unknown ? t("practice.unknownIn", { group: groupName }) : failure.text);
  });
  body.removeAttribute("role");
  const noted = notes.map((n) => `<p class="mp-note" role="alert">${esc(n)}</p>`).join("");
  if (found.length === 0) {
    const all = answers.map((a) => (a.status === "rejected" ? failureOf(a.reason) : undefined));
    body.innerHTML = all.every((f) => f?.unknown)
      ? `<p class="mp-empty">${esc(t("practice.unknown"))}</p>`
      : noted;
    return;
  }
  const { record, groups } = mergedRecord(found);
  body.innerHTML =
    noted +
    (record.runs.length === 0
      ? `<p class="mp-empty">${esc(t("practice.empty"))}</p>`
      : myPracticeHtml(myPracticeModel(record, groups)));
}
