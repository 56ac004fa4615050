import type { CompiledScenario, ScenarioLibrary as SessionLibrary } from "@hotseat/shared";
import { loadEntry } from "../scenarioLibrary";
import type { LibraryEntry, ScenarioLibrary } from "../scenarioLibrary";
import type { LibraryPin, SessionStore } from "../store/SessionStore";

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
  // The same pin gives the same object: the session core builds one machine per library object.
  private readonly resolved = new Map<string, ResolvedLibrary>();

  constructor(private readonly store: SessionStore) {}

  /** Stores every playable scenario of the library as a version; returns the pin newly hosted sessions get. */
  publish(library: ScenarioLibrary, at: number): LibraryPin {
    const pin: LibraryPin = {};
    for (const { id } of library.list()) {
      const entry = library.get(id);
      if (!entry?.compiled) continue;
      const versionId = this.store.putVersion(entry.source, at);
      this.compiled.set(versionId, entry.compiled);
      pin[id] = versionId;
    }
    return pin;
  }

  /** Stores one playable entry as a version (a scenario published from the Studio) and returns its id. */
  publishEntry(entry: LibraryEntry & { compiled: CompiledScenario }, at: number): string {
    const versionId = this.store.putVersion(entry.source, at);
    this.compiled.set(versionId, entry.compiled);
    return versionId;
  }

  /** The session core's library for a pin, in scenario id order (the order "next scenario" walks). */
  resolve(pin: LibraryPin): ResolvedLibrary {
    const key = JSON.stringify(Object.entries(pin).sort(([a], [b]) => a.localeCompare(b)));
    const known = this.resolved.get(key);
    if (known) return known;
    const entries: [string, CompiledScenario][] = [];
    const missing: string[] = [];
    for (const [scenarioId, versionId] of Object.entries(pin).sort(([a], [b]) => a.localeCompare(b))) {
      const compiled = this.compile(scenarioId, versionId);
      if (compiled) entries.push([scenarioId, compiled]);
      else missing.push(`${scenarioId}@${versionId.slice(0, 12)}`);
    }
    const result = { library: Object.freeze(Object.fromEntries(entries)), missing };
    this.resolved.set(key, result);
    return result;
  }

  private compile(scenarioId: string, versionId: string): CompiledScenario | undefined {
    if (this.compiled.has(versionId)) return this.compiled.get(versionId);
    const source = this.store.version(versionId);
    const compiled =
      source === undefined
        ? undefined
        : loadEntry(source, `${scenarioId}@${versionId.slice(0, 12)}`, scenarioId).compiled;
    this.compiled.set(versionId, compiled);
    return compiled;
  }
}
