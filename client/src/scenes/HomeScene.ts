import type { AppState } from "../app/store";
import { app } from "../app/services";
import { saveLocale, saveReducedMotion } from "../app/prefs";
import { normalizeCode, routePath } from "../app/route";
import { getLocale, localeNames, t, uiLocales, isUiLocale } from "../i18n/t";
import { CustomerFace } from "../ui/CustomerFace";
import { esc, htmlPanel } from "../ui/HtmlPanel";
import { textStyle, theme } from "../ui/theme";
import { learnerKeysOnThisPhone } from "../net/learnerKeys";
import { failureText } from "../net/refusal";
import { scenarioChoiceLabel } from "../viewModel/scenarioChoice";
import { BaseScene } from "./BaseScene";
import { showMySessions } from "./homeMySessions";

/** The start page: join with a code (or a /join/CODE link), host a session, practise alone, pick a language. */
export class HomeScene extends BaseScene {
  private face?: CustomerFace;
  private drawnKey = "";

  constructor() {
    super("home");
  }

  protected draw(state: AppState): void {
    const { width, height } = this.scale;
    const key = `${width}x${height}:${state.locale}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    this.children.removeAll(true);
    const wide = width >= 800;
    const faceR = wide ? 120 : 54;
    this.face = new CustomerFace(this, wide ? width * 0.25 : width / 2, wide ? height * 0.4 : 80, faceR);
    this.face.show(22, "anger", true);
    this.add
      .text(
        wide ? width * 0.25 : width / 2,
        wide ? height * 0.4 + faceR * 1.5 : 150,
        t("app.title"),
        textStyle(wide ? 72 : 40, theme.accentCss, { bold: true }),
      )
      .setOrigin(0.5, 0);
    this.add
      .text(
        wide ? width * 0.25 : width / 2,
        wide ? height * 0.4 + faceR * 1.5 + 90 : 200,
        t("app.tagline"),
        textStyle(wide ? 28 : 17, theme.inkDim, { align: "center", wrap: wide ? width * 0.4 : width - 32 }),
      )
      .setOrigin(0.5, 0);
    this.model = { screen: "home", code: app().route.kind === "home" ? app().route : undefined };
    // The title and tagline are drawn; the form below is real HTML already.
    this.a11y.render({
      label: t("app.title"),
      blocks: [
        { key: "title", kind: "heading", level: 1, text: t("app.title") },
        { key: "tagline", kind: "text", text: t("app.tagline") },
      ],
    });
    this.buildForm(wide, width, height);
  }

  private buildForm(wide: boolean, width: number, height: number): void {
    const route = app().route;
    const code = route.kind === "home" ? (route.code ?? "") : "";
    const savedName = code ? (app().conn.savedName(code) ?? "") : "";
    const { locale, reducedMotion } = app().store.get();
    const w = wide ? Math.min(560, width * 0.42) : width - 32;
    const x = wide ? width * 0.52 : 16;
    const y = wide ? Math.max(40, height * 0.12) : 250;
    const langs = uiLocales
      .map((l) => `<option value="${l}"${l === locale ? " selected" : ""}>${esc(localeNames[l])}</option>`)
      .join("");
    const panel = htmlPanel(
      this,
      { x, y, w, h: height - y - 8 },
      `<form id="join-form" class="hs-panel-form" style="display:flex;flex-direction:column;gap:12px">
        <label>${esc(t("home.code"))}<input id="join-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" value="${esc(code)}" style="font-size:28px;letter-spacing:4px;text-transform:uppercase"></label>
        <label>${esc(t("home.name"))}<input id="join-name" name="name" autocomplete="nickname" maxlength="24" value="${esc(savedName)}"></label>
        <button id="join-button" type="submit">${esc(t("home.join"))}</button>
        <div id="join-error" class="hs-error" role="alert"></div>
      </form>
      ${learnerKeysOnThisPhone().length > 0 ? `<a id="my-practice-link" href="${esc(routePath({ kind: "my-practice" }))}" style="color:#ffd166;font-weight:700">${esc(t("practice.open"))}</a>` : ""}
      <hr style="width:100%;border-color:#2b3f6e">
      <label>${esc(t("home.scenario"))}<select id="scenario-select"><option value="">${esc(t("home.loading"))}</option></select></label>
      <div class="hs-row"><button id="host-button" type="button" class="secondary">${esc(t("home.host"))}</button>
      <button id="practise-button" type="button" class="secondary">${esc(t("home.practise"))}</button></div>
      <div id="host-error" class="hs-error" role="alert"></div>
      <div class="hs-row"><a id="studio-link" href="${esc(routePath({ kind: "studio" }))}" style="color:#ffd166;font-weight:700">${esc(t("home.studio"))}</a>
      <a id="groups-link" href="${esc(routePath({ kind: "groups" }))}" style="color:#ffd166;font-weight:700">${esc(t("home.groups"))}</a></div>
      <div id="my-sessions"></div>
      <div class="hs-row"><label style="flex-direction:row;align-items:center;gap:8px">${esc(t("home.language"))}<select id="lang-select">${langs}</select></label>
      <label style="flex-direction:row;align-items:center;gap:8px"><input id="motion-toggle" type="checkbox" style="min-height:24px;width:24px"${reducedMotion ? " checked" : ""}>${esc(t("home.reducedMotion"))}</label></div>`,
      "home-panel",
    );
    const $ = <T extends HTMLElement>(id: string) => panel.querySelector<T>(`#${id}`) as T;
    if (!code) $<HTMLInputElement>("join-code").focus();
    else $<HTMLInputElement>("join-name").focus();
    $<HTMLFormElement>("join-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.join(
        $<HTMLInputElement>("join-code").value,
        $<HTMLInputElement>("join-name").value,
        $("join-error"),
      );
    });
    $<HTMLSelectElement>("lang-select").addEventListener("change", (e) => {
      const value = (e.target as HTMLSelectElement).value;
      if (!isUiLocale(value)) return;
      saveLocale(value);
      document.documentElement.lang = value;
      app().store.update({ locale: value });
    });
    $<HTMLInputElement>("motion-toggle").addEventListener("change", (e) => {
      const on = (e.target as HTMLInputElement).checked;
      saveReducedMotion(on);
      app().store.update({ reducedMotion: on });
    });
    const select = $<HTMLSelectElement>("scenario-select");
    app()
      .conn.scenarios()
      .then((list) => {
        select.innerHTML = list
          .filter((s) => s.playable !== false)
          .map((s) => `<option value="${esc(s.id)}">${esc(scenarioChoiceLabel(s, getLocale()))}</option>`)
          .join("");
        const flagship = list.find((s) => s.id === "ruined-hat");
        if (flagship) select.value = flagship.id;
      })
      .catch((e: unknown) => ($("host-error").textContent = failureText(e)));
    $("host-button").addEventListener("click", () => void this.host(select.value, $("host-error")));
    showMySessions($("my-sessions"));
    $("practise-button").addEventListener("click", () => {
      if (select.value) window.location.assign(routePath({ kind: "practise", scenarioId: select.value }));
    });
  }

  private async join(rawCode: string, rawName: string, errorEl: HTMLElement): Promise<void> {
    const code = normalizeCode(rawCode);
    const name = rawName.trim();
    if (!code) return void (errorEl.textContent = t("home.codeMissing"));
    if (!name) return void (errorEl.textContent = t("home.nameMissing"));
    errorEl.textContent = t("conn.connecting");
    try {
      await app().conn.join(code, "trainee", name);
      history.replaceState(null, "", routePath({ kind: "trainee", code }));
      this.scene.start("trainee");
    } catch (e) {
      errorEl.textContent = t("home.joinFailed", { reason: failureText(e) });
      app().store.update({ status: "idle" });
    }
  }

  private async host(scenarioId: string, errorEl: HTMLElement): Promise<void> {
    try {
      const hosted = await app().conn.host(scenarioId || undefined);
      window.location.assign(routePath({ kind: "trainer", code: hosted.code }));
    } catch (e) {
      errorEl.textContent = t("home.hostFailed", { reason: failureText(e) });
    }
  }
}
