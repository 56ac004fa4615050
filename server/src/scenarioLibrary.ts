import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { loadScenario } from "@hotseat/shared";
import { duplicateIdDiagnostics } from "./duplicateScenarioIds";
import type { ScenarioCheckCache } from "./scenarioCheckCache";
import type {
  CompiledScenario,
  Diagnostic,
  Scenario,
  ScenarioLibrary as SessionLibrary,
  ScenarioSummary,
} from "@hotseat/shared";

/** One scenario file as the library holds it: its text, what loading it said, and the compiled machine if it loaded. */
export type LibraryEntry = {
  id: string;
  file: string;
  source: string;
  scenario?: Scenario;
  compiled?: CompiledScenario;
  diagnostics: Diagnostic[];
};

/** Loads a scenario's text with the engine's loader, keeping every diagnostic; the id falls back to `fallbackId`. */
export function loadEntry(source: string, file: string, fallbackId: string): LibraryEntry {
  return entryOf(loadScenario(source, file), source, file, fallbackId);
}

/** The library's entry for a text the loader has read (fully, or to its machine when its check is kept). */
export function entryOf(
  result: ReturnType<typeof loadScenario>,
  source: string,
  file: string,
  fallbackId: string,
): LibraryEntry {
  return {
    id: result.scenario?.id ?? fallbackId,
    file,
    source,
    scenario: result.scenario,
    compiled: result.compiled,
    diagnostics: result.diagnostics,
  };
}

function withoutCompiled(entry: LibraryEntry, extra: Diagnostic[]): LibraryEntry {
  const { compiled: _unused, ...rest } = entry;
  return { ...rest, diagnostics: [...entry.diagnostics, ...extra] };
}

/** The summary the library lists for an entry. */
export function summarize(entry: LibraryEntry): ScenarioSummary {
  const count = (severity: Diagnostic["severity"]) =>
    entry.diagnostics.filter((d) => d.severity === severity).length;
  return {
    id: entry.id,
    file: entry.file,
    title: entry.scenario?.title,
    summary: entry.scenario?.summary,
    languages: entry.scenario?.languages ?? [],
    audience: entry.scenario?.audience,
    estimatedMinutes: entry.scenario?.estimatedMinutes,
    persona: entry.scenario?.persona.name,
    playable: entry.compiled !== undefined,
    diagnostics: { errors: count("error"), warnings: count("warning"), infos: count("info") },
  };
}

/**
 * The scenarios a server can host: every `<dir>/<id>/scenario.yaml`, loaded once at startup with the same
 * loader the authoring tool uses, so the library shows the same diagnostics a trainer sees in `hotseat check`.
 */
export class ScenarioLibrary {
  private readonly entries = new Map<string, LibraryEntry>();
  private playableCache: SessionLibrary | undefined;

  /** `checks`: earlier check results (the server's data directory) that spare unchanged texts the path walk. */
  constructor(private readonly checks?: ScenarioCheckCache) {}

  /**
   * Reads every `<dir>/<folder>/scenario.yaml`; a missing folder gives an empty library. With `checks`, a
   * text checked before is not walked again (see `ScenarioCheckCache`).
   */
  static async fromDirectory(
    dir: string,
    root: string = process.cwd(),
    checks?: ScenarioCheckCache,
  ): Promise<ScenarioLibrary> {
    const library = new ScenarioLibrary(checks);
    const folders = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const loaded: LibraryEntry[] = [];
    for (const folder of folders
      .filter((f) => f.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, folder.name, "scenario.yaml");
      const source = await readFile(path, "utf8").catch(() => undefined);
      if (source === undefined) continue;
      loaded.push(library.load(source, relative(root, path) || path, folder.name));
    }
    const clashes = duplicateIdDiagnostics(loaded.map((e) => ({ id: e.id, file: e.file, text: e.source })));
    for (const entry of loaded) {
      if (library.entries.has(entry.id)) continue;
      // Two files with one id: the first folder stands for both, not playable, with both files' HS019.
      const sameId = new Set(loaded.filter((e) => e.id === entry.id).map((e) => e.file));
      const clash = clashes.filter((d) => sameId.has(d.file));
      if (clash.length === 0) library.add(entry);
      else library.add(withoutCompiled(entry, clash));
    }
    return library;
  }

  /** Loads a text as `loadEntry` does, through the library's check cache when it has one; not added. */
  load(source: string, file: string, fallbackId: string): LibraryEntry {
    return this.checks ? this.checks.load(source, file, fallbackId) : loadEntry(source, file, fallbackId);
  }

  /** Adds (or replaces) a loaded entry. */
  add(entry: LibraryEntry): void {
    this.entries.set(entry.id, entry);
    this.playableCache = undefined;
  }

  /** Takes an entry out (a scenario withdrawn from the Studio); false when there was none. */
  remove(id: string): boolean {
    const removed = this.entries.delete(id);
    if (removed) this.playableCache = undefined;
    return removed;
  }

  /**
   * The playable scenarios as the session core wants them (id → compiled), in id order. The same object is
   * returned until the library changes, because the core builds one session machine per library object.
   */
  playable(): SessionLibrary {
    this.playableCache ??= Object.freeze(
      Object.fromEntries(
        [...this.entries.values()]
          .filter((e) => e.compiled !== undefined)
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((e) => [e.id, e.compiled as CompiledScenario]),
      ),
    );
    return this.playableCache;
  }

  /** Every scenario, playable or not, in id order. */
  list(): ScenarioSummary[] {
    return [...this.entries.values()].sort((a, b) => a.id.localeCompare(b.id)).map(summarize);
  }

  /** One entry by id, with its diagnostics. */
  get(id: string): LibraryEntry | undefined {
    return this.entries.get(id);
  }

  /** The compiled scenario by id, only when it loaded without errors. */
  compiled(id: string): CompiledScenario | undefined {
    return this.entries.get(id)?.compiled;
  }

  /** Checks uploaded text with the same loader; the entry is not added. */
  check(source: string, file = "upload.yaml"): LibraryEntry {
    return loadEntry(source, file, "upload");
  }
}
