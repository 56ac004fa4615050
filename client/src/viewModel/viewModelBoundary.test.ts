import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

// The project's own ESLint config, without type information (fast: no TypeScript program is built),
// so the boundary is checked by the rule every commit runs, not by a copy of it.
const root = fileURLToPath(new URL("../../..", import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
const dir = fileURLToPath(new URL(".", import.meta.url));

async function boundaryErrors(code: string, file = "client/src/viewModel/probe.ts"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals")
    .map((m) => m.message);
}

// Loading ESLint and its TypeScript parser takes seconds on a busy machine.
describe("client/src/viewModel stays pure (no Phaser, no DOM)", { timeout: 30_000 }, () => {
  it("refuses a view model that imports Phaser, the network or a scene", async () => {
    expect(await boundaryErrors(`import Phaser from "phaser";\nexport const w = Phaser.AUTO;\n`)).toEqual([
      expect.stringMatching(/viewModel must stay pure/),
    ]);
    expect(
      await boundaryErrors(`import { Client } from "@colyseus/sdk";\nexport const c = Client;\n`),
    ).toHaveLength(1);
    expect(await boundaryErrors(`import { app } from "../app/app";\nexport const a = app;\n`)).toHaveLength(
      1,
    );
  });

  it("refuses a view model that reads the DOM", async () => {
    expect(
      await boundaryErrors(`export const w = () => window.innerWidth + document.title.length;\n`),
    ).toHaveLength(2);
  });

  it("still lets a scene import Phaser", async () => {
    expect(
      await boundaryErrors(
        `import Phaser from "phaser";\nexport const w = Phaser.AUTO;\n`,
        "client/src/scenes/Probe.ts",
      ),
    ).toEqual([]);
  });

  it("holds for every view model in the folder today", async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const errors = await boundaryErrors(
        readFileSync(`${dir}/${file}`, "utf8"),
        `client/src/viewModel/${file}`,
      );
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });
});
