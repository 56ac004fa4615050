import { groupsPath } from "./groupPaths";
import "./groups.css";
import { groupAverages, groupMatrix, learnerProfile } from "@hotseat/shared";
import type { Route } from "../app/route";
import { gt } from "../i18n/groupStrings";
import { failureText } from "../net/refusal";
import { groupKey } from "./groupKeys";
import { groupDetail, groupRecords } from "./groupsApi";
import { esc } from "./groupText";
import { groupHtml } from "./groupView";
import { showGroupsList } from "./groupsList";
import { learnerHtml } from "./learnerView";
import { wireLearnerActions } from "./learnerActions";
import { wireAddLearners } from "./rosterAdd";
import { lmsPanelHtml, wireLmsPanel } from "./lmsPanel";
import { wallHtml } from "./wallView";

/*
 * A trainer's groups (issue 11): the list with its create form, a group's page and a learner's page. A
 * page of its own, loaded only on /groups (main.ts), so a trainee's phone never downloads it. Profiles
 * and the heatmaps are computed here from the records by the shared pure functions.
 */

type GroupsRoute = Extract<Route, { kind: "groups" }>;

function mount(): HTMLElement {
  document.getElementById("game")?.remove();
  document.getElementById("dom-page")?.remove();
  const main = document.createElement("main");
  main.className = "gp-page";
  main.innerHTML = `<p role="status">${esc(gt("groups.loading"))}</p>`;
  document.body.append(main);
  return main;
}

/** A page that could not be shown: the reason (a refusal in this language) and the way back. */
const refusalHtml = (text: string) =>
  `<p class="gp-back"><a href="${groupsPath()}">← ${esc(gt("groups.all"))}</a></p><h1>${esc(gt("groups.title"))}</h1><p class="gp-error" role="alert">${esc(text)}</p>`;

async function showGroup(main: HTMLElement, groupId: string, learnerId: string | undefined) {
  // Without a key the server is asked anyway: its refusal (group.key-missing) says why, in this language.
  // One request then, not two: every refused group request costs the address much of its guess budget.
  const key = groupKey(groupId);
  if (key === undefined) await groupDetail(groupId, key);
  const [detail, records] = await Promise.all([groupDetail(groupId, key), groupRecords(groupId, key)]);
  if (learnerId === undefined && window.location.hash === "#wall") {
    // For the projector: the group's averages alone, naming nobody.
    document.title = detail.group.name;
    main.classList.add("gp-page-wall");
    main.innerHTML = wallHtml(groupId, detail.group.name, groupAverages(groupMatrix(records.records)));
    return;
  }
  if (learnerId === undefined) {
    document.title = detail.group.name;
    const deleted =
      window.location.hash === "#deleted"
        ? `<p role="status" class="gp-notice">${esc(gt("groups.deletedNotice"))}</p>`
        : "";
    main.innerHTML =
      deleted +
      groupHtml(detail, groupMatrix(records.records), records.anonymousRuns?.length ?? 0) +
      (key ? lmsPanelHtml(groupId, key) : "");
    if (key) wireLmsPanel(main, groupId, key);
    if (key)
      wireAddLearners(main, groupId, key, async () => {
        await showGroup(main, groupId, undefined);
        main.querySelector<HTMLElement>("#gp-add-roster")?.focus();
      });
    return;
  }
  const entry = detail.roster.find((l) => l.learnerId === learnerId);
  const record = records.records.find((r) => r.learner.learnerId === learnerId);
  if (!entry || !record || !key) {
    main.innerHTML = refusalHtml(gt("groups.noLearner"));
    return;
  }
  document.title = `${entry.displayName} · ${detail.group.name}`;
  main.innerHTML = learnerHtml(groupId, entry, record, learnerProfile(record));
  wireLearnerActions(main, groupId, entry, key);
}

/** Opens the page a groups route names. */
export function openGroups(route: GroupsRoute): void {
  const main = mount();
  // The wall view and the group page are one address apart (#wall): following the link redraws.
  window.addEventListener("hashchange", () => {
    main.classList.remove("gp-page-wall");
    if (route.groupId !== undefined)
      void showGroup(main, route.groupId, route.learnerId).catch(
        (e: unknown) => (main.innerHTML = refusalHtml(failureText(e))),
      );
  });
  const shown =
    route.groupId === undefined ? showGroupsList(main) : showGroup(main, route.groupId, route.learnerId);
  void shown.then(
    () => main.querySelector("h1")?.setAttribute("tabindex", "-1"),
    (e: unknown) => (main.innerHTML = refusalHtml(failureText(e))),
  );
}
