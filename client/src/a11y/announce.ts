/**
 * Says `text` to a screen reader at once (role=alert): the connection banner and a refusal's toast are
 * drawn on the canvas and would otherwise go unheard. One region for the whole page, kept across scenes,
 * so a reader already knows it when the first message arrives.
 */
export function announce(text: string): void {
  let region = document.getElementById("a11y-alert");
  if (!region) {
    region = document.createElement("div");
    region.id = "a11y-alert";
    region.className = "hs-sr";
    region.setAttribute("role", "alert");
    document.body.append(region);
  }
  if (!text) {
    region.textContent = "";
    return;
  }
  // The same message twice in a row is a new event: empty the region first so it is read again.
  const el = region;
  if (el.textContent === text) {
    el.textContent = "";
    setTimeout(() => (el.textContent = text), 50);
  } else el.textContent = text;
}
