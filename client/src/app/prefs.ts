import { isUiLocale, pickLocale, type UiLocale } from "../i18n/t";

const localeKey = "hotseat.locale";
const motionKey = "hotseat.reducedMotion";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the preference lasts for this page only.
  }
}

/** The saved UI language, else the browser's best match. */
export function loadLocale(): UiLocale {
  const saved = read(localeKey);
  if (saved && isUiLocale(saved)) return saved;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

/** Remembers the UI language for the next visit. */
export function saveLocale(locale: UiLocale): void {
  write(localeKey, locale);
}

/** The saved reduced-motion choice, else the operating system's `prefers-reduced-motion`. */
export function loadReducedMotion(): boolean {
  const saved = read(motionKey);
  if (saved !== null) return saved === "1";
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/** Remembers the reduced-motion toggle. */
export function saveReducedMotion(on: boolean): void {
  write(motionKey, on ? "1" : "0");
}
