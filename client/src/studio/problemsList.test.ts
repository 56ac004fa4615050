import { beforeEach, describe, expect, it } from "vitest";
import { blankScenario, loadScenario } from "@hotseat/shared";
import type { Diagnostic } from "@hotseat/shared";
import { setLocale } from "../i18n/t";
import { problemCounts, problemsHtml } from "./problemsList";

/** A diagnostic of the engine's shape, at `line`:`column` of `file.yaml`. */
const diagnostic = (over: Partial<Diagnostic>): Diagnostic => ({
  code: "HS001",
  severity: "error",
  message: "Something is off.",
  file: "file.yaml",
  line: 1,
  column: 1,
  ...over,
});

describe("the Studio's problems list", () => {
  beforeEach(() => setLocale("en"));

  it("lists a misspelt target as a button that takes the text to the misspelt word", () => {
    const source = blankScenario("typo").replace("target: calm-end", "target: calm-ned");
    const { diagnostics } = loadScenario(source, "typo.yaml");
    const hs003 = diagnostics.find((d) => d.code === "HS003")!;
    const html = problemsHtml(diagnostics, source, true);
    const item = new RegExp(
      `<li><button type="button" data-from="(\\d+)" data-code="HS003"><span class="sev-error">HS003</span><span class="where">${hs003.line}:${hs003.column}</span>`,
    ).exec(html);
    expect(item).not.toBeNull();
    expect(source.slice(Number(item![1])).startsWith("calm-ned")).toBe(true);
    expect(problemCounts(diagnostics).errors).toBeGreaterThan(0);
  });

  it("counts errors and warnings apart, leaving infos out", () => {
    const diagnostics = [
      diagnostic({ severity: "error" }),
      diagnostic({ severity: "warning" }),
      diagnostic({ severity: "warning" }),
      diagnostic({ severity: "info" }),
    ];
    expect(problemCounts(diagnostics)).toEqual({ errors: 1, warnings: 2 });
    expect(problemsHtml(diagnostics, "a: 1\n", true).match(/<li>/g)).toHaveLength(4);
  });

  it("escapes the diagnostic's message, which may quote the author's text", () => {
    const html = problemsHtml([diagnostic({ message: `Unknown state "<b>x</b>" & more` })], "a: 1\n", true);
    expect(html).toContain("<span>Unknown state &quot;&lt;b&gt;x&lt;/b&gt;&quot; &amp; more</span>");
    expect(html).not.toContain("<b>");
  });

  it("says a draft without problems can be published, and a built-in only that it is clean", () => {
    expect(problemsHtml([], "a: 1\n", true)).toBe(
      `<li class="studio-empty">No problems: this version can be published.</li>`,
    );
    expect(problemsHtml([], "a: 1\n", false)).toBe(`<li class="studio-empty">No problems.</li>`);
    expect(problemCounts([])).toEqual({ errors: 0, warnings: 0 });
  });
});
