import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "@hotseat/shared";
import { useOwnServer } from "./browserTestFixture";
import { repoRoot, stageLogger, saveShot } from "./harness";

// A server of its own: the copy made here is a draft in its store, which other browser tests must not see.
const shots = join(repoRoot, "artifacts", "vocab");
const stage = stageLogger("studioTranslations");
const test = useOwnServer("texts");

beforeAll(() => mkdirSync(shots, { recursive: true }));

const titleId = "title";
const lineId = "machine.states.opening.meta.line";

describe("the Studio's Translations view", () => {
  it("shows missing texts, exports them as CSV and imports a translator's file with a report", async () => {
    const page = await test.open({ width: 1440, height: 900 });
    await page.goto(`${test.url()}/studio`);
    const row = page.locator(".studio-library tbody tr", { hasText: "late-courier" });
    await row.getByRole("button", { name: "Edit a copy" }).click();
    await page.waitForURL(/\/studio\/late-courier-copy$/);
    await page.getByText("Saved · version 1").waitFor();
    await page.getByRole("button", { name: "Translations" }).click();
    const table = page.locator(".studio-texts");
    await table.waitFor();
    await expect(page.locator(".studio-texts thead th").allTextContents()).resolves.toEqual([
      "Text id (YAML path)",
      "en",
      "pl",
    ]);
    stage("table");

    // Clearing a Polish text removes it from the YAML; the cell is then highlighted as missing.
    const plTitle = page.locator(`textarea[data-id="${titleId}"][data-lang="pl"]`);
    await expect(plTitle.inputValue()).resolves.toBe("Prezent urodzinowy w sortowni");
    await plTitle.fill("");
    await plTitle.blur();
    await page.locator(`tr[data-id="${titleId}"] td.missing textarea[data-lang="pl"]`).waitFor();
    await page.getByText("missing: 1").waitFor();
    await page.getByText("Saved · version 2").waitFor();
    await saveShot(page, join(shots, "translations-missing-1440x900.png"));
    stage("missing highlighted");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    // The browser runs apart from the test (one Chromium for every file), so the file is copied here.
    const saved = join(test.dataDir, "exported.csv");
    await download.saveAs(saved);
    const csv = readFileSync(saved, "utf8");
    expect(download.suggestedFilename()).toBe("late-courier-copy-texts.csv");
    expect(csv.startsWith("\uFEFFid,en,pl\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows.find((r) => r[0] === titleId)).toEqual([titleId, "The birthday present in the depot", ""]);
    stage("exported");

    // The translator fills the missing title, rewords the opening line and adds a row and a column we lack.
    const edited = rows.map((r, i) => {
      if (i === 0) return [...r, "de"];
      if (r[0] === titleId) return [r[0], r[1]!, "Prezent w sortowni", "Geschenk"];
      if (r[0] === lineId) return [r[0], r[1]!, "Gdzie jest mój prezent, proszę pana?", ""];
      return [...r, ""];
    });
    edited.push(["machine.states.nowhere.meta.line", "x", "y", ""]);
    const file = edited.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
    await page.locator("#texts-import").setInputFiles({
      name: "translated.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${file}`, "utf8"),
    });
    const report = page.locator("#texts-report");
    await report.getByText("Texts changed: 2").waitFor();
    await expect(report.textContent()).resolves.toMatch(
      /Rows that match no text of this scenario, left out: 1/,
    );
    await expect(report.textContent()).resolves.toContain("machine.states.nowhere.meta.line");
    await expect(report.textContent()).resolves.toContain("left out: de");
    await expect(plTitle.inputValue()).resolves.toBe("Prezent w sortowni");
    await page.getByText("missing: 0").waitFor();
    await saveShot(page, join(shots, "translations-import-1440x900.png"));
    stage("imported");

    // The YAML holds the new texts, and the draft is saved with them.
    await page.getByRole("button", { name: "Back to the text" }).click();
    // The title is near the top, so its line is drawn (CodeMirror draws only the lines in view).
    await page.locator(".cm-line", { hasText: "pl: Prezent w sortowni" }).waitFor();
    await page.getByText("Saved · version 3").waitFor();
    const draft = (await (await fetch(`${test.url()}/api/studio/drafts/late-courier-copy`)).json()) as {
      source: string;
    };
    expect(draft.source).toContain("  pl: Prezent w sortowni\n");
    expect(draft.source).toContain("Gdzie jest mój prezent, proszę pana?");
    // Only the edited texts changed: the built-in's folded paragraphs keep their style.
    expect(draft.source).toContain("summary:\n  en: >-\n    A mother paid");
  });

  it("looks right at 1440x900 and 1920x1080", async () => {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await test.open(size);
      await page.goto(`${test.url()}/studio/late-courier-copy`);
      await page.getByRole("button", { name: "Translations" }).click();
      await page.locator(".studio-texts tbody tr").first().waitFor();
      await saveShot(page, join(shots, `translations-${size.width}x${size.height}.png`));
    }
  });
});
