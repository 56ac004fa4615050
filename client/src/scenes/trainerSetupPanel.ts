import type { ClientMessage, Diagnostic, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import { saveLocale } from "../app/prefs";
import { routePath } from "../app/route";
import { app } from "../app/services";
import { getLocale, isUiLocale, localeNames, t, uiLocales } from "../i18n/t";
import { failureText } from "../net/refusal";
import { esc, htmlPanel } from "../ui/HtmlPanel";
import { missingLanguageWarning, scenarioChoiceLabel } from "../viewModel/scenarioChoice";
import type { ScenarioChoice } from "../viewModel/scenarioChoice";

/**
 * The console's setup panels: the projector link, the console language, the scenario library and an
 * upload whose diagnostics are shown before the scenario is used.
 */
export function buildSetupPanel(
  scene: Phaser.Scene,
  view: TrainerView,
  send: (message: ClientMessage) => void,
  onLanguageChange: () => void,
  onResize: () => void,
): void {
  const code = view.joinCode;
  const panel = htmlPanel(
    scene,
    { x: 40, y: 150, w: 580 },
    `<div id="setup-panel" style="display:flex;flex-direction:column;gap:10px">
        <label>${esc(t("trainer.library"))}<select id="library-select"><option>${esc(t("home.loading"))}</option></select></label>
        <label>${esc(t("trainer.upload"))}<input id="upload-input" type="file" accept=".yaml,.yml,.json,text/yaml,application/json"></label>
        <div id="upload-status" role="status"></div>
        <pre id="diagnostics" hidden style="max-height:170px"></pre>
      </div>
`,
    "trainer-setup",
  );
  // The roster sits below this panel: it moves when diagnostics or a long library list change its height.
  const observer = new ResizeObserver(() => onResize());
  observer.observe(panel);
  scene.events.once("shutdown", () => observer.disconnect());
  const locale = getLocale();
  const langs = uiLocales
    .map((l) => `<option value="${l}"${l === locale ? " selected" : ""}>${esc(localeNames[l])}</option>`)
    .join("");
  const linkPanel = htmlPanel(
    scene,
    { x: 40, y: 96, w: 580 },
    `<div class="hs-row"><a id="projector-link" href="${esc(routePath({ kind: "projector", code }))}" target="_blank" style="color:#ffd166;font-weight:700">${esc(t("trainer.projectorLink"))} ↗</a>
        <a id="studio-link" href="${esc(routePath({ kind: "studio" }))}" target="_blank" style="color:#ffd166;font-weight:700">${esc(t("trainer.studio"))} ↗</a>
        <select id="trainer-lang" aria-label="${esc(t("home.language"))}" style="min-height:36px;padding:4px">${langs}</select></div>`,
    "trainer-link",
  );
  linkPanel.querySelector<HTMLSelectElement>("#trainer-lang")?.addEventListener("change", (e) => {
    const value = (e.target as HTMLSelectElement).value;
    if (!isUiLocale(value)) return;
    saveLocale(value);
    onLanguageChange();
    app().store.update({ locale: value });
  });
  const select = panel.querySelector<HTMLSelectElement>("#library-select");
  const status = panel.querySelector<HTMLElement>("#upload-status");
  const pre = panel.querySelector<HTMLPreElement>("#diagnostics");
  let library: ScenarioChoice[] = [];
  app()
    .conn.scenarios()
    .then((list) => {
      library = list;
      if (!select) return;
      select.innerHTML = list
        .map((s) => `<option value="${esc(s.id)}">${esc(scenarioChoiceLabel(s, getLocale()))}</option>`)
        .join("");
      const current = app().store.get().view;
      if (current?.role === "trainer" && current.scenario) select.value = current.scenario.id;
    })
    .catch(() => undefined);
  select?.addEventListener("change", () => {
    if (!select.value) return;
    // Warn before a scenario the class could not read in its language; cancelling keeps the current one.
    const warning = missingLanguageWarning(library.find((s) => s.id === select.value) ?? {}, getLocale());
    if (warning !== undefined && !window.confirm(warning)) {
      const current = app().store.get().view;
      select.value = current?.role === "trainer" && current.scenario ? current.scenario.id : "";
      return;
    }
    send({ type: "trainer.selectScenario", scenarioId: select.value });
  });
  // Checks an uploaded file with the server, shows its diagnostics, and selects it when it has no errors.
  const checkUpload = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file || !status || !pre) return;
    const source = await file.text();
    let diags: Diagnostic[];
    try {
      diags = (await app().conn.checkScenario(source, file.name)).diagnostics;
    } catch (err) {
      status.textContent = failureText(err);
      return;
    }
    pre.hidden = diags.length === 0;
    pre.textContent = diags
      .map((dg) => `${file.name}:${dg.line}:${dg.column} ${dg.severity} ${dg.code} ${dg.message}`)
      .join("\n\n");
    const errors = diags.filter((dg) => dg.severity === "error");
    if (errors.length === 0) {
      send({ type: "trainer.selectScenario", source });
      status.textContent = t("trainer.uploadOk", { title: file.name });
    } else status.textContent = `${t("trainer.diagnostics")}: ${errors.length} ✖`;
  };
  panel
    .querySelector<HTMLInputElement>("#upload-input")
    ?.addEventListener("change", (e) => void checkUpload(e));
}
