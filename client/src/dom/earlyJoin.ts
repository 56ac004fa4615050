// Inlined into index.html at build time (client/earlyJoinPlugin.ts), so it runs as soon as the page's HTML
// has arrived, a second before the entry chunk: on a join link it shows the join form in the page's
// language, and a Join pressed before the entry is there already asks the matchmaker for a seat. The entry
// (DomPhone) then adopts the form and consumes that seat. No imports: this runs before any module. The
// little it repeats is marked with where the original lives.
(() => {
  const match = /^\/join\/([^/]+)\/?$/.exec(window.location.pathname);
  const page = document.getElementById("dom-page");
  const form = document.getElementById("join-form") as HTMLFormElement | null;
  if (!match?.[1] || !page || !form) return;
  const read = (key: string): string | null => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const texts = JSON.parse(document.getElementById("join-texts")?.textContent ?? "{}") as Record<
    string,
    Record<string, string>
  >;
  // As app/prefs.ts loadLocale and i18n/t.ts pickLocale.
  const saved = read("hotseat.locale");
  const locale =
    saved && texts[saved]
      ? saved
      : ((navigator.languages ?? [navigator.language])
          .map((l) => l.toLowerCase().split("-")[0] ?? "")
          .find((l) => texts[l]) ?? "en");
  const words = texts[locale] ?? {};
  document.documentElement.lang = locale;
  for (const el of page.querySelectorAll<HTMLElement>("[data-text]"))
    el.textContent = words[el.dataset.text ?? ""] ?? el.textContent;
  const select = document.getElementById("lang-select") as HTMLSelectElement | null;
  if (select) select.value = locale;
  // As app/route.ts normalizeCode.
  const code = decodeURIComponent(match[1]).toUpperCase().replace(/[\s-]/g, "");
  // As net/connection.ts: the seat this device holds in a session, per code.
  const seatKey = `hotseat.seat.${code}.trainee`;
  let seat: { reconnectKey?: string; name?: string } = {};
  try {
    seat = JSON.parse(read(seatKey) ?? "{}") as typeof seat;
  } catch {
    // A damaged entry: a new seat.
  }
  const codeInput = document.getElementById("join-code") as HTMLInputElement;
  const nameInput = document.getElementById("join-name") as HTMLInputElement;
  const error = document.getElementById("join-error") as HTMLElement;
  codeInput.value = code;
  nameInput.value = seat.name ?? "";
  page.hidden = false;
  nameInput.focus();
  form.addEventListener("submit", (e) => {
    // Once the entry has adopted the form, its own handler joins.
    if (form.dataset.owner === "entry") return;
    e.preventDefault();
    if ((window as { __hotseatEarlyJoin?: unknown }).__hotseatEarlyJoin) return;
    const joinCode = codeInput.value.toUpperCase().replace(/[\s-]/g, "");
    const name = nameInput.value.trim();
    if (!joinCode) return void (error.textContent = words["home.codeMissing"] ?? "");
    if (!name) return void (error.textContent = words["home.nameMissing"] ?? "");
    error.textContent = words["conn.connecting"] ?? "";
    const key = `hotseat.seat.${joinCode}.trainee`;
    let mine: { reconnectKey?: string; name?: string } = {};
    try {
      mine = JSON.parse(read(key) ?? "{}") as typeof mine;
    } catch {
      // A damaged entry: a new seat.
    }
    const reconnectKey =
      mine.reconnectKey ??
      crypto.randomUUID?.() ??
      `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    try {
      localStorage.setItem(key, JSON.stringify({ ...mine, reconnectKey, name }));
    } catch {
      // Without storage the seat lasts as long as this page.
    }
    // The same request the Colyseus SDK's joinById makes; the entry consumes its answer.
    const response = fetch(`/matchmake/joinById/${encodeURIComponent(joinCode)}`, {
      method: "POST",
      credentials: "include",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ role: "trainee", locale, reconnectKey, name }),
    });
    // A failure is the entry's to report; it must not be an unhandled rejection before then.
    response.catch(() => undefined);
    (window as { __hotseatEarlyJoin?: unknown }).__hotseatEarlyJoin = { code: joinCode, name, response };
  });
})();
