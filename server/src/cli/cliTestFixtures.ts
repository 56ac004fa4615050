import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";

const authoringGuide = join(dirname(fileURLToPath(import.meta.url)), "../../../README.md");

/**
 * The YAML block that follows `<!-- marker -->` in README.md (Writing scenarios). The CLI's tests run the
 * guide's own example, so the example trainers copy is always one that checks clean.
 */
export function guideExample(marker: "example-scenario" | "example-plans" | "example-vocabulary"): string {
  const guide = readFileSync(authoringGuide, "utf8");
  const match = new RegExp(`<!-- ${marker} -->\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(guide);
  if (!match?.[1]) throw new Error(`README.md has no yaml block after <!-- ${marker} -->`);
  return match[1];
}

/** Writes `files` (path → text) into a fresh temporary folder and returns the folder. */
export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "hotseat-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * `tree(files)` for the tests of one describe block: writes a folder as `tempTree` does, and removes every
 * folder it wrote after each test, passed or failed.
 */
export function useTempTrees(): (files: Record<string, string>) => string {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
  return (files) => {
    const root = tempTree(files);
    roots.push(root);
    return root;
  };
}

/**
 * The guide's example scenario as `<root>/late-parcel/scenario.yaml`, written once before a describe block's
 * tests (which read `root` and `file`) and removed after them.
 */
export function useGuideScenario(): { root: string; file: string } {
  const example = { root: "", file: "" };
  beforeAll(() => {
    example.root = tempTree({ "late-parcel/scenario.yaml": guideExample("example-scenario") });
    example.file = join(example.root, "late-parcel", "scenario.yaml");
  });
  afterAll(() => rmSync(example.root, { recursive: true, force: true }));
  return example;
}
