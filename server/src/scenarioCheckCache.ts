import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { diagnosticSchema, loadScenario } from "@hotseat/shared";
import type { Diagnostic } from "@hotseat/shared";
import { z } from "zod";
import { entryOf, loadEntry } from "./scenarioLibrary";
import type { LibraryEntry } from "./scenarioLibrary";

// Bumped when what this file stores changes shape or meaning.
const cacheFormat = "hotseat-scenario-checks/1";
// Entries kept on disk: every bundled and published scenario of a server, with room for old edits to age out.
const keptEntries = 256;

const cacheFileSchema = z.strictObject({
  format: z.literal(cacheFormat),
  entries: z.record(
    z.string(),
    z.strictObject({ diagnostics: z.array(diagnosticSchema), usedAt: z.number() }),
  ),
});
type CachedCheck = { diagnostics: Diagnostic[]; usedAt: number };

/** Where the server keeps its check results: `$HOTSEAT_DATA_DIR/scenario-checks.json`, beside the database. */
export function defaultCheckCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(join(env.HOTSEAT_DATA_DIR ?? "data", "scenario-checks.json"));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith(".ts") && !f.name.endsWith(".test.ts"))
    .map((f) => join(f.parentPath, f.name))
    .sort();
}

/**
 * What the check's result depends on besides the text: the checker's own code (the shared package's source)
 * and the exact versions of the libraries it runs on (the lock file). Any change to either, even one that
 * changes no diagnostic, makes every text be checked afresh once. When the sources cannot be read (an
 * installation without them), the version is unique to this process, so nothing stored is ever trusted.
 */
export function checkerVersion(repoRoot = join(import.meta.dirname, "..", "..")): string {
  const hash = createHash("sha256").update(cacheFormat);
  try {
    const files = [
      ...filesUnder(join(repoRoot, "shared", "src")),
      join(repoRoot, "server", "src", "scenarioLibrary.ts"),
      join(repoRoot, "package-lock.json"),
    ];
    for (const file of files)
      hash.update(file.slice(repoRoot.length)).update("\0").update(readFileSync(file));
  } catch {
    hash.update(`unreadable ${process.pid} ${Date.now()} ${Math.random()}`);
  }
  return hash.digest("hex");
}

/**
 * The diagnostics of scenario texts the server checked before, on disk, so a restart does not walk the
 * paths of an unchanged scenario again (about a second for the bundled six on a small machine). An entry
 * is found by a hash of the checker's version, the file name and the whole text: an edited text, a moved
 * file or a changed checker never finds an old entry, so a stale result cannot hide a new error. A cached
 * text still goes through every stage before the path walk (to get the machine the sessions run), and an
 * entry that lacks any diagnostic those stages give is not trusted.
 */
export class ScenarioCheckCache {
  private readonly entries: Map<string, CachedCheck>;
  /** Texts answered from the cache, and texts checked in full, since this cache was opened. */
  readonly counts = { hits: 0, misses: 0 };

  private constructor(
    readonly path: string,
    private readonly version: string,
    entries: Map<string, CachedCheck>,
    private readonly log?: (line: string) => void,
  ) {
    this.entries = entries;
  }

  /** Opens the cache file at `path`; a missing, unreadable or foreign file is an empty cache. */
  static open(
    path: string,
    options: { version?: string; log?: (line: string) => void } = {},
  ): ScenarioCheckCache {
    let entries = new Map<string, CachedCheck>();
    try {
      const parsed = cacheFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
      if (parsed.success) entries = new Map(Object.entries(parsed.data.entries));
    } catch {
      // No file yet, or not JSON: every scenario is checked, and the file is written afresh.
    }
    return new ScenarioCheckCache(path, options.version ?? checkerVersion(), entries, options.log);
  }

  private keyOf(source: string, file: string): string {
    return createHash("sha256")
      .update(this.version)
      .update("\0")
      .update(file)
      .update("\0")
      .update(source)
      .digest("hex");
  }

  /** Loads a text as `loadEntry` does, with the path check's result taken from the cache when it has it. */
  load(source: string, file: string, fallbackId: string): LibraryEntry {
    const key = this.keyOf(source, file);
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      const early = loadScenario(source, file, { checkPaths: false });
      const stored = new Set(cached.diagnostics.map((d) => JSON.stringify(d)));
      if (early.diagnostics.every((d) => stored.has(JSON.stringify(d)))) {
        this.counts.hits++;
        cached.usedAt = Date.now();
        return { ...entryOf(early, source, file, fallbackId), diagnostics: cached.diagnostics };
      }
    }
    this.counts.misses++;
    const entry = loadEntry(source, file, fallbackId);
    this.entries.set(key, { diagnostics: entry.diagnostics, usedAt: Date.now() });
    this.write();
    return entry;
  }

  // Written whole after each fresh check (rare: a first start or an edited scenario), through a temporary
  // file so a crash mid-write leaves the old file. A cache that cannot be written only costs a re-check.
  private write(): void {
    const kept = [...this.entries].sort(([, a], [, b]) => b.usedAt - a.usedAt).slice(0, keptEntries);
    const text = JSON.stringify({ format: cacheFormat, entries: Object.fromEntries(kept) });
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, text);
      renameSync(temporary, this.path);
    } catch (e) {
      this.log?.(`scenario check cache not written (${String(e)}); scenarios are checked again next start`);
    }
  }
}
