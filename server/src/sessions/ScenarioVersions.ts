import { loadScenario } from "@hotseat/shared";
import type { CompiledScenario, ScenarioLibrary as SessionLibrary } from "@hotseat/shared";
import type { LibraryEntry, ScenarioLibrary } from "../scenarioLibrary";
import type { AsyncSessionStore } from "../store/AsyncSessionStore";
import type { LibraryPin } from "../store/SessionStore";

/** A session's library resolved from the store, and the pinned versions that could not be played. */
export type ResolvedLibrary = { library: SessionLibrary; missing: string[] };

/**
 * Scenario versions as sessions play them: the files of `scenarios/` are stored as immutable versions at
 * start, a session pins the versions it was hosted with, and its library is always rebuilt from the store,
 * never from today's files, so editing a scenario cannot rewrite a session that already played it.
 */
export class ScenarioVersions {
  // Compiling is pure but not free: each version compiles once per process, however many sessions play it.
  private readonly compiled = new Map<string, CompiledScenario | undefined>();
  // The same pin gives the same object: the session core builds one machine per library object. The promise
  // is kept, so two sessions resolving one pin at once still share it.
  private readonly resolved = new Map<string, Promise<ResolvedLibrary>>();

  constructor(private readonly store: AsyncSessionStore) {}

  /** Stores every playable scenario of the library as a version; returns the pin newly hosted sessions get. */
  async publish(library: ScenarioLibrary, at: number): Promise<LibraryPin> {
    const pin: LibraryPin = {};
    for (const { id } of library.list()) {
      const entry = library.get(id);
      if (!entry?.compiled) continue;
      const versionId = await this.store.putVersion(entry.source, at);
      this.compiled.set(versionId, entry.compiled);
      pin[id] = versionId;
    }
    return pin;
  }

  /** Stores one playable entry as a version (a scenario published from the Studio) and returns its id. */
  async publishEntry(entry: LibraryEntry & { compiled: CompiledScenario }, at: number): Promise<string> {
    const versionId = await this.store.putVersion(entry.source, at);
    this.compiled.set(versionId, entry.compiled);
    return versionId;
  }

  /** The session core's library for a pin, in scenario id order (the order "next scenario" walks). */
  resolve(pin: LibraryPin): Promise<ResolvedLibrary> {
    const key = JSON.stringify(Object.entries(pin).sort(([a], [b]) => a.localeCompare(b)));
    const known = this.resolved.get(key);
    if (known) return known;
    const resolving = this.build(pin);
    this.resolved.set(key, resolving);
    // A store failure must not stick: the next resume asks the store again.
    resolving.catch(() => this.resolved.delete(key));
    return resolving;
  }

  private async build(pin: LibraryPin): Promise<ResolvedLibrary> {
    const entries: [string, CompiledScenario][] = [];
    const missing: string[] = [];
    for (const [scenarioId, versionId] of Object.entries(pin).sort(([a], [b]) => a.localeCompare(b))) {
      const compiled = await this.compile(scenarioId, versionId);
      if (compiled) entries.push([scenarioId, compiled]);
      else missing.push(`${scenarioId}@${versionId.slice(0, 12)}`);
    }
    return { library: Object.freeze(Object.fromEntries(entries)), missing };
  }

  private async compile(scenarioId: string, versionId: string): Promise<CompiledScenario | undefined> {
    if (this.compiled.has(versionId)) return this.compiled.get(versionId);
    const source = await this.store.version(versionId);
    const compiled =
      source === undefined
        ? undefined
        : // Only the machine is wanted: the text was checked in full when it was stored.
          loadScenario(source, `${scenarioId}@${versionId.slice(0, 12)}`, { checkPaths: false }).compiled;
    this.compiled.set(versionId, compiled);
    return compiled;
  }
}
