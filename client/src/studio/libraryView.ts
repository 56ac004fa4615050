import { blankScenario, localize, withScenarioId } from "@hotseat/shared";
import type { StudioLibraryItem } from "@hotseat/shared";
import { getLocale } from "../i18n/t";
import { byId, download, esc } from "./dom";
import { studioApi } from "./studioClient";
import type { StudioNav } from "./studioPage";
import { st } from "./studioStrings";

/** The text of a scenario in the library, a built-in's file or a draft's newest version. */
export async function sourceOf(item: Pick<StudioLibraryItem, "kind" | "id">): Promise<string> {
  return item.kind === "builtin"
    ? (await studioApi.builtin(item.id)).source
    : (await studioApi.draft(item.id)).source;
}

function row(item: StudioLibraryItem): string {
  const locale = getLocale();
  const title = item.title === undefined ? item.id : localize(item.title, locale);
  const changed =
    item.updatedAt === undefined
      ? ""
      : new Date(item.updatedAt).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
  const note =
    item.kind === "builtin" ? st("library.builtin") : st("library.version", { version: item.version ?? 1 });
  const canDelete = item.kind === "draft" && item.publishedVersion === undefined;
  const data = `data-id="${esc(item.id)}" data-kind="${item.kind}"`;
  return `<tr>
    <td><a href="/studio/${esc(encodeURIComponent(item.id))}" data-open="${esc(item.id)}"><strong>${esc(title)}</strong></a><br><span class="studio-id">${esc(item.id)} · ${esc(note)}</span></td>
    <td>${esc(item.languages.join(", "))}</td>
    <td class="num">${item.states}</td>
    <td class="num">${item.endings}</td>
    <td><span class="studio-status ${item.status}">${esc(st(`status.${item.status}`))}</span></td>
    <td>${esc(changed)}</td>
    <td><div class="studio-actions">
      <button type="button" class="secondary" data-action="copy" ${data}>${esc(st("library.copy"))}</button>
      <button type="button" class="secondary" data-action="download" ${data}>${esc(st("library.download"))}</button>
      ${canDelete ? `<button type="button" class="danger" data-action="delete" ${data}>${esc(st("library.delete"))}</button>` : ""}
    </div></td>
  </tr>`;
}

/** The Studio's library: every scenario with its status, new from the template, upload, copy, download, delete. */
export function showLibrary(nav: StudioNav): void {
  const { root } = nav;
  root.innerHTML = `<header class="studio-bar"><h1>${esc(st("studio.title"))}</h1><span class="studio-spacer"></span><a href="/">${esc(st("studio.home"))}</a></header>
    <main class="studio-scroll">
      <div class="studio-tools">
        <h2 style="margin:0 12px 0 0">${esc(st("library.heading"))}</h2>
        <button type="button" id="studio-new">${esc(st("library.new"))}</button>
        <label class="studio-button secondary" tabindex="0" id="studio-upload-label">${esc(st("library.upload"))}
          <input id="studio-upload" type="file" accept=".yaml,.yml,.json,application/yaml,text/yaml" hidden></label>
      </div>
      <div id="studio-message" role="alert"></div>
      <table class="studio-library">
        <thead><tr><th>${esc(st("library.title"))}</th><th>${esc(st("library.languages"))}</th><th>${esc(st("library.states"))}</th><th>${esc(st("library.endings"))}</th><th>${esc(st("library.status"))}</th><th>${esc(st("library.changed"))}</th><th></th></tr></thead>
        <tbody id="studio-rows"></tbody>
      </table>
    </main>`;
  const message = byId(root, "studio-message");
  const rows = byId(root, "studio-rows");
  let items: StudioLibraryItem[] = [];
  const refresh = () =>
    studioApi
      .library()
      .then((list) => {
        items = list;
        rows.innerHTML = list.map(row).join("");
      })
      .catch((e: unknown) => nav.fail(e, message));
  void refresh();

  const create = (source: string) =>
    studioApi
      .create(source)
      .then((draft) => nav.go({ scenarioId: draft.id }))
      .catch((e: unknown) => nav.fail(e, message));
  byId(root, "studio-new").addEventListener("click", () => void create(blankScenario("new-scenario")));
  const upload = byId<HTMLInputElement>(root, "studio-upload");
  const label = byId(root, "studio-upload-label");
  label.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      upload.click();
    }
  });
  upload.addEventListener("change", () => {
    const file = upload.files?.[0];
    if (file) void file.text().then(create);
  });
  rows.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    const open = target.closest<HTMLElement>("[data-open]");
    if (open) {
      e.preventDefault();
      nav.go({ scenarioId: open.dataset.open });
      return;
    }
    const button = target.closest<HTMLButtonElement>("button[data-action]");
    const item = items.find((i) => i.id === button?.dataset.id && i.kind === button?.dataset.kind);
    if (!button || !item) return;
    const action = button.dataset.action;
    if (action === "copy")
      void sourceOf(item)
        .then((source) => create(withScenarioId(source, `${item.scenarioId ?? item.id}-copy`)))
        .catch((err: unknown) => nav.fail(err, message));
    if (action === "download")
      void sourceOf(item)
        .then((source) => download(`${item.id}.yaml`, source))
        .catch((err: unknown) => nav.fail(err, message));
    if (action === "delete" && window.confirm(st("library.confirmDelete", { id: item.id })))
      void studioApi
        .remove(item.id)
        .then(refresh)
        .catch((err: unknown) => nav.fail(err, message));
  });
}
