import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenario, resolveLook } from "@hotseat/shared";
import type { Browser } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, shared } from "./harness";

/** Where the sheet goes; docs/images/faces.png is a copy of it committed for the README. */
const sheetPath = join(repoRoot, "artifacts", "faces.png");

type Persona = { scenario: string; name: string; look: ReturnType<typeof resolveLook>; locale: string };

function shippedPersonas(): Persona[] {
  const dir = join(repoRoot, "scenarios");
  return readdirSync(dir)
    .sort()
    .map((id) => {
      const file = join(dir, id, "scenario.yaml");
      const { scenario } = loadScenario(readFileSync(file, "utf8"), file);
      if (!scenario) throw new Error(`${id} does not load`);
      // The words under each face are shown in the scenario's first language other than English.
      const locale = scenario.languages.find((l) => l !== "en") ?? "en";
      return { scenario: id, name: scenario.persona.name, look: resolveLook(scenario), locale };
    });
}

let vite: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  // The sheet is a development page (client/faces.html) served by Vite; it needs no game server.
  vite = await createServer({
    configFile: join(repoRoot, "client", "vite.config.ts"),
    server: { port: 0, host: "127.0.0.1" },
    logLevel: "warn",
  });
  await vite.listen();
  browser = await shared.browser();
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

describe("every persona's face in every feeling (one sheet)", () => {
  it("draws six different people whose expressions all differ, and saves the sheet", async () => {
    const personas = shippedPersonas();
    expect(personas).toHaveLength(6);
    const page = await browser.newPage({ viewport: { width: 3710, height: 1620 } });
    await page.addInitScript((list) => {
      (window as { __faceSheet?: unknown }).__faceSheet = { personas: list };
    }, personas);
    const url = vite.resolvedUrls?.local[0] ?? "";
    await page.goto(new URL("faces.html", url).href);
    await page.waitForFunction(
      () => (window as { __faceSheet?: { done?: boolean } }).__faceSheet?.done,
      null,
      {
        timeout: 90_000,
        polling: 200,
      },
    );
    // A loaded machine draws the 3,700 px page slowly: give the screenshots time.
    await page.screenshot({ path: sheetPath, timeout: 90_000 });
    // Cells of the sheet: 250 px of names, then 230 x 264 px per face (see client/src/dev/faceSheet.ts).
    const cell = (row: number, col: number) =>
      page.screenshot({
        timeout: 60_000,
        fullPage: true,
        clip: { x: 250 + col * 230 + 31, y: 26 + row * 264, width: 168, height: 168 },
      });
    const calmFaces = await Promise.all(personas.map((_, row) => cell(row, 11)));
    expect(new Set(calmFaces.map((b) => b.toString("base64"))).size).toBe(personas.length);
    const martasFeelings = await Promise.all(Array.from({ length: 15 }, (_, col) => cell(0, col)));
    expect(new Set(martasFeelings.map((b) => b.toString("base64"))).size).toBe(15);
    await page.close();
  });
});
