import "./studio.css";
import { StudioApiError } from "./studioClient";
import { setStudioPassword } from "./studioClient";
import { byId, esc } from "./dom";
import { showEditor } from "./editorView";
import { showLibrary } from "./libraryView";
import { st } from "./studioStrings";

/** Where the Studio is: its library, or one scenario in the editor. */
export type StudioPlace = { scenarioId?: string | undefined };

/** What a Studio view gets: the page's root, and a way to go elsewhere in the Studio. */
export type StudioNav = {
  root: HTMLElement;
  go: (place: StudioPlace, replace?: boolean) => void;
  /** Shows a refusal: the password form for a missing password, else a sentence in `where`. */
  fail: (error: unknown, where: HTMLElement) => void;
};

const pathOf = (place: StudioPlace) =>
  place.scenarioId ? `/studio/${encodeURIComponent(place.scenarioId)}` : "/studio";

/** A refusal or failure as one sentence for the trainer. */
export function reasonOf(error: unknown): string {
  if (error instanceof StudioApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the Studio in this page instead of the game: a DOM page of its own (the library and the editor),
 * loaded only when a trainer opens `/studio`. Back and forward move between its views.
 */
export function openStudio(place: StudioPlace): void {
  document.documentElement.classList.add("hs-studio-page");
  document.title = st("studio.title");
  const root = document.createElement("div");
  root.className = "studio";
  document.body.append(root);
  let leave: (() => void) | undefined;

  const show = (at: StudioPlace) => {
    leave?.();
    leave = undefined;
    root.innerHTML = "";
    if (at.scenarioId) leave = showEditor(nav, at.scenarioId);
    else showLibrary(nav);
  };
  const askPassword = (retry: () => void, wrong: boolean) => {
    root.innerHTML = `<header class="studio-bar"><h1>${esc(st("studio.title"))}</h1></header>
      <form class="studio-form" id="studio-password-form">
        <h2 style="margin:0">${esc(st("password.heading"))}</h2>
        <label>${esc(st("password.label"))}<input id="studio-password" type="password" autocomplete="current-password" required></label>
        <button type="submit">${esc(st("password.submit"))}</button>
        <div class="studio-bad" role="alert">${wrong ? esc(st("password.wrong")) : ""}</div>
      </form>`;
    const input = byId<HTMLInputElement>(root, "studio-password");
    input.focus();
    byId(root, "studio-password-form").addEventListener("submit", (e) => {
      e.preventDefault();
      setStudioPassword(input.value);
      retry();
    });
  };
  let triedPassword = false;
  const nav: StudioNav = {
    root,
    go: (at, replace = false) => {
      if (replace) history.replaceState(null, "", pathOf(at));
      else history.pushState(null, "", pathOf(at));
      show(at);
    },
    fail: (error, where) => {
      if (error instanceof StudioApiError && error.code === "studio.password") {
        leave?.();
        leave = undefined;
        const wrong = triedPassword;
        triedPassword = true;
        askPassword(() => show(placeOf(window.location.pathname)), wrong);
        return;
      }
      where.textContent = st("error.any", { reason: reasonOf(error) });
    },
  };
  window.addEventListener("popstate", () => show(placeOf(window.location.pathname)));
  show(place);
}

function placeOf(pathname: string): StudioPlace {
  const [, head, arg] = pathname.split("/");
  return head === "studio" && arg ? { scenarioId: decodeURIComponent(arg) } : {};
}
