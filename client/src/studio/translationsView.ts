import { importTextsCsv, languagesIn, scenarioTexts, setText, textsToCsv } from "@hotseat/shared";
import type { ScenarioText, TextsImport } from "@hotseat/shared";
import { byId, download, esc } from "./dom";
import { st } from "./studioStrings";

/** What the Translations view needs from the editor: the text, a way to change it, and whether it may. */
export type TranslationsHost = {
  id: string;
  text: () => string;
  replace: (next: string) => void;
  readOnly: boolean;
};

function reportHtml(result: TextsImport): string {
  if (result.problem === "empty") return `<p class="studio-note bad">${esc(st("texts.importEmpty"))}</p>`;
  if (result.problem === "no-id-column")
    return `<p class="studio-note bad">${esc(st("texts.importNoId"))}</p>`;
  const lines = [
    `<p><strong>${esc(st("texts.importChanged", { count: result.changed.length }))}</strong> · ${esc(st("texts.importUnchanged", { count: result.unchanged }))}</p>`,
  ];
  if (result.changed.length > 0)
    lines.push(
      `<ul>${result.changed
        .map(
          (c) =>
            `<li><code>${esc(c.id)}</code> [${esc(c.lang)}]: ${c.from !== undefined ? `<del>${esc(c.from)}</del> → ` : ""}<ins>${esc(c.to)}</ins></li>`,
        )
        .join("")}</ul>`,
    );
  if (result.unknownIds.length > 0)
    lines.push(
      `<p>${esc(st("texts.importUnknownIds", { count: result.unknownIds.length }))}</p><ul>${result.unknownIds
        .map((u) => `<li>${esc(st("texts.row", { row: u.row }))}: <code>${esc(u.id)}</code></li>`)
        .join("")}</ul>`,
    );
  if (result.unknownLanguages.length > 0)
    lines.push(
      `<p>${esc(st("texts.importUnknownLanguages", { languages: result.unknownLanguages.join(", ") }))}</p>`,
    );
  const kind = result.unknownIds.length > 0 || result.unknownLanguages.length > 0 ? "warn" : "good";
  return `<div class="studio-note ${kind}" role="status">${lines.join("")}</div>`;
}

function rowHtml(text: ScenarioText, languages: string[], readOnly: boolean): string {
  // Every text of a row shows whole at about 60 characters a line, up to 8 lines (then it scrolls).
  const longest = Math.max(0, ...languages.map((l) => text.texts[l]?.length ?? 0));
  const rows = Math.min(8, Math.max(2, Math.ceil(longest / 60)));
  const cells = languages
    .map((lang) => {
      const value = text.texts[lang];
      const missing = value === undefined;
      return `<td class="${missing ? "missing" : ""}"><textarea rows="${rows}" data-id="${esc(text.id)}" data-lang="${esc(lang)}" aria-label="${esc(`${text.id} ${lang}`)}" placeholder="${esc(st("texts.missing"))}"${readOnly ? " readonly" : ""}>${esc(value ?? "")}</textarea></td>`;
    })
    .join("");
  return `<tr data-id="${esc(text.id)}"><th scope="row"><code>${esc(text.id)}</code>${text.plain ? `<small>${esc(st("texts.plain"))}</small>` : ""}</th>${cells}</tr>`;
}

/**
 * The Translations view of the editor: a "Translations" button in its bar that swaps the text and map for a
 * table of every text (id = YAML path) with one column a language, missing ones highlighted; cells write
 * into the YAML; the texts go out as CSV for a translator and come back in, with a report of what changed.
 */
export function mountTranslations(root: HTMLElement, host: TranslationsHost): void {
  const bar = root.querySelector(".studio-bar");
  const editor = root.querySelector<HTMLElement>(".studio-editor");
  if (!bar || !editor) return;
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "secondary";
  toggle.id = "studio-translations-toggle";
  toggle.textContent = st("texts.open");
  bar.querySelector("#studio-download")?.before(toggle);
  const section = document.createElement("section");
  section.className = "studio-translations";
  section.hidden = true;
  section.setAttribute("aria-label", st("texts.heading"));
  section.innerHTML = `<div class="studio-tools">
      <h2>${esc(st("texts.heading"))}</h2>
      <span id="texts-counts"></span>
      <span class="studio-spacer"></span>
      <button type="button" class="secondary" id="texts-export">${esc(st("texts.export"))}</button>
      <label class="studio-button secondary" tabindex="0" id="texts-import-label">${esc(st("texts.import"))}<input type="file" id="texts-import" accept=".csv,text/csv" hidden${host.readOnly ? " disabled" : ""}></label>
    </div>
    <div id="texts-report"></div>
    <div class="studio-texts-scroll"><table class="studio-texts"><thead></thead><tbody></tbody></table></div>`;
  editor.after(section);
  const $ = (name: string) => byId(section, name);

  const counts = (texts: ScenarioText[], languages: string[]) => {
    const missing = texts.reduce((n, t) => n + languages.filter((l) => t.texts[l] === undefined).length, 0);
    $("texts-counts").textContent = st("texts.counts", { texts: texts.length, missing });
  };
  const render = () => {
    const source = host.text();
    const languages = languagesIn(source);
    const texts = scenarioTexts(source);
    section.querySelector("thead")!.innerHTML =
      `<tr><th scope="col">${esc(st("texts.id"))}</th>${languages.map((l) => `<th scope="col">${esc(l)}</th>`).join("")}</tr>`;
    section.querySelector("tbody")!.innerHTML = texts
      .map((t) => rowHtml(t, languages, host.readOnly))
      .join("");
    counts(texts, languages);
  };

  toggle.addEventListener("click", () => {
    const open = section.hidden;
    section.hidden = !open;
    editor.hidden = open;
    toggle.textContent = st(open ? "texts.close" : "texts.open");
    toggle.setAttribute("aria-pressed", String(open));
    if (open) render();
  });
  section.addEventListener("change", (e) => {
    const cell = e.target as HTMLElement;
    if (!(cell instanceof HTMLTextAreaElement) || host.readOnly) return;
    const text = scenarioTexts(host.text()).find((t) => t.id === cell.dataset.id);
    const lang = cell.dataset.lang ?? "";
    if (!text || (text.texts[lang] ?? "") === cell.value) return;
    try {
      host.replace(setText(host.text(), text.path, lang, cell.value));
      cell.parentElement?.classList.toggle("missing", cell.value === "");
      const source = host.text();
      counts(scenarioTexts(source), languagesIn(source));
    } catch (error) {
      $("texts-report").innerHTML = `<p class="studio-note bad">${esc(String(error))}</p>`;
    }
  });
  $("texts-export").addEventListener("click", () =>
    download(`${host.id}-texts.csv`, textsToCsv(host.text()), "text/csv;charset=utf-8"),
  );
  const input = $("texts-import") as HTMLInputElement;
  $("texts-import-label").addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    void file.text().then((csv) => {
      input.value = "";
      const result = importTextsCsv(host.text(), csv);
      if (result.changed.length > 0) host.replace(result.source);
      $("texts-report").innerHTML = reportHtml(result);
      render();
    });
  });
}
