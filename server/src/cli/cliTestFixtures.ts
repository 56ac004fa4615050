import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
