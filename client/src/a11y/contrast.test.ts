import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { theme } from "../ui/theme";
import { contrastRatio, luminance } from "./contrast";

// Every colour pair a trainee reads on the phone, the laptop, the home page and the debrief (WCAG 2.2 AA:
// 4.5:1 for text, 3:1 for focus rings and the edges of controls). Pairs name where they are drawn.
const text: [string, string | number, string | number][] = [
  ["body text on the page", theme.ink, theme.bg],
  ["dim text (titles, labels) on the page", theme.inkDim, theme.bg],
  ["status and cost in the accent colour", theme.accentCss, theme.bg],
  ["techniques (✔) in green", theme.goodCss, theme.bg],
  ["defence mechanisms (✖) in red", theme.badOnDarkCss, theme.bg],
  ["an option card's text", theme.ink, theme.panelLight],
  ["a chosen card's text and a card's number", theme.inkDark, theme.accent],
  ["the customer's line in its bubble", theme.inkDark, 0xffffff],
  ["expert feedback in its box", theme.ink, theme.panel],
  ["a vote's focus and the team's name on a card", theme.accentCss, theme.panelLight],
  ["a refusal toast", "#ffffff", "#9d0208"],
  ["the connection banner", theme.inkDark, "#ffd166"],
];

// The home page's form (index.html, .hs-panel): inputs, the Join button, secondary buttons, errors.
const formText: [string, string, string][] = [
  ["input text", "#111111", "#ffffff"],
  ["the Join button", "#111111", "#ffd166"],
  ["Host / Practise buttons", "#111111", "#e5e9f2"],
  ["a form error", "#ffb4a8", "#14213d"],
];

const nonText: [string, string | number, string | number][] = [
  ["focus ring on the page", theme.focus, theme.bg],
  ["focus ring beside a card", theme.focus, theme.panelLight],
  ["an option card's border", 0x8fa3c8, theme.bg],
];

describe("contrast of the theme (WCAG AA)", () => {
  it("computes WCAG ratios: black on white is 21, a colour on itself is 1", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio(theme.bg, theme.bg)).toBe(1);
    expect(luminance(0xffffff)).toBeCloseTo(1, 5);
    expect(() => contrastRatio("#zzzzzz", "#000000")).toThrow(/not a colour/);
  });

  it.each([...text, ...formText])("text: %s reaches 4.5:1", (_where, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(nonText)("focus rings and control edges: %s reaches 3:1", (_where, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(3);
  });

  it("uses the colours the test checks in index.html's form", () => {
    // If the page's CSS changes a colour, this list must change with it (and be checked again).
    const css = readFileSync(join(import.meta.dirname, "..", "..", "index.html"), "utf8").toLowerCase();
    for (const [, fg, bg] of formText) {
      expect(css).toContain(fg === "#111111" ? "#111" : fg);
      expect(css).toContain(bg === "#ffffff" ? "#fff" : bg);
    }
  });
});
