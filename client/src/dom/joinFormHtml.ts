import { localeNames, t, uiLocales, type UiLocale } from "../i18n/t";
import { esc } from "../ui/HtmlPanel";

/**
 * The join page a phone opens from the projector's link or QR code, as plain HTML: the code (filled in
 * from the link), the name, Join, and the language. The ids are the home page's, so a user, a test or a
 * password manager finds the same fields whichever page drew them.
 */
export function joinFormHtml(code: string, name: string, locale: UiLocale): string {
  const langs = uiLocales
    .map((l) => `<option value="${l}"${l === locale ? " selected" : ""}>${esc(localeNames[l])}</option>`)
    .join("");
  return `<header class="hs-dom-brand"><h1>${esc(t("app.title"))}</h1><p>${esc(t("app.tagline"))}</p></header>
<form id="join-form" class="hs-dom-form" novalidate>
<label>${esc(t("home.code"))}<input id="join-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" value="${esc(code)}" class="hs-dom-code"></label>
<label>${esc(t("home.name"))}<input id="join-name" name="name" autocomplete="nickname" maxlength="24" value="${esc(name)}"></label>
<button id="join-button" type="submit">${esc(t("home.join"))}</button>
<p id="join-error" class="hs-dom-error" role="alert"></p>
</form>
<label class="hs-dom-lang">${esc(t("home.language"))}<select id="lang-select">${langs}</select></label>`;
}
