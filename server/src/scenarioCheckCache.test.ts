import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkerVersion, ScenarioCheckCache } from "./scenarioCheckCache";
import { loadEntry, ScenarioLibrary } from "./scenarioLibrary";

const repoRoot = join(import.meta.dirname, "..", "..");
const file = "scenarios/wrong-customer/scenario.yaml";
const original = readFileSync(join(repoRoot, file), "utf8");
const version = checkerVersion();

let dir: string;
let cachePath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hotseat-check-cache-"));
  cachePath = join(dir, "scenario-checks.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What a library shows of an entry: its id, its diagnostics, and whether it is playable. */
function shown(entry: ReturnType<typeof loadEntry>) {
  return { id: entry.id, diagnostics: entry.diagnostics, playable: entry.compiled !== undefined };
}

/** Loads `source` through a cache opened afresh on the file, as a restarted server does. */
function throughRestartedCache(source: string, options: { version?: string } = {}) {
  const cache = ScenarioCheckCache.open(cachePath, { version: options.version ?? version });
  const entry = cache.load(source, file, "fallback");
  return { entry, counts: { ...cache.counts } };
}

describe("ScenarioCheckCache", () => {
  it("gives a cached text the same diagnostics and a playable machine as a fresh check", () => {
    // Big effects push a meter out of 0..100 on some path: a warning only the path walk finds.
    const warned = original.replace("params: { mood: 6,", "params: { mood: 95,");
    for (const source of [original, warned]) {
      rmSync(cachePath, { force: true });
      const fresh = loadEntry(source, file, "fallback");
      const first = throughRestartedCache(source);
      expect(first.counts).toEqual({ hits: 0, misses: 1 });
      const again = throughRestartedCache(source);
      expect(again.counts).toEqual({ hits: 1, misses: 0 });
      expect(shown(again.entry)).toEqual(shown(fresh));
      expect(again.entry.scenario).toEqual(fresh.scenario);
      expect(again.entry.compiled?.machine.id).toBe(fresh.compiled?.machine.id);
    }
    const warnedCodes = loadEntry(warned, file, "fallback").diagnostics.map((d) => d.code);
    expect(warnedCodes).toContain("HS010");
  });

  it("checks an edited text again, so an error made after the last check is shown", () => {
    expect(throughRestartedCache(original).entry.compiled).toBeDefined();
    const broken = original.replace("target: the-story", "target: no-such-state");
    const edited = throughRestartedCache(broken);
    expect(edited.counts).toEqual({ hits: 0, misses: 1 });
    expect(edited.entry.compiled).toBeUndefined();
    expect(edited.entry.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(shown(edited.entry)).toEqual(shown(loadEntry(broken, file, "fallback")));
    // The original is still cached beside the edit: putting the text back costs no check.
    expect(throughRestartedCache(original).counts).toEqual({ hits: 1, misses: 0 });
  });

  it("checks every text again when the checker changed", () => {
    throughRestartedCache(original);
    expect(throughRestartedCache(original, { version: "another checker" }).counts).toEqual({
      hits: 0,
      misses: 1,
    });
  });

  it("does not trust an entry that lacks a diagnostic the early stages give", () => {
    const broken = original.replace("target: the-story", "target: no-such-state");
    throughRestartedCache(broken);
    // A file edited by hand (or by a buggy writer) claims the broken text has nothing wrong.
    const onDisk = JSON.parse(readFileSync(cachePath, "utf8")) as {
      entries: Record<string, { diagnostics: unknown[] }>;
    };
    for (const entry of Object.values(onDisk.entries)) entry.diagnostics = [];
    writeFileSync(cachePath, JSON.stringify(onDisk));
    const reread = throughRestartedCache(broken);
    expect(reread.counts).toEqual({ hits: 0, misses: 1 });
    expect(reread.entry.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("treats a file that is not a cache as an empty one, and writes a good one over it", () => {
    writeFileSync(cachePath, "not json {");
    expect(throughRestartedCache(original).counts).toEqual({ hits: 0, misses: 1 });
    expect(throughRestartedCache(original).counts).toEqual({ hits: 1, misses: 0 });
  });

  it("serves a library from the cache with the same list as an uncached library", async () => {
    const scenarios = join(repoRoot, "scenarios");
    // The first start checks every text in full (as `loadEntry` does) and fills the cache.
    const plain = await ScenarioLibrary.fromDirectory(
      scenarios,
      repoRoot,
      ScenarioCheckCache.open(cachePath, { version }),
    );
    const cache = ScenarioCheckCache.open(cachePath, { version });
    const cached = await ScenarioLibrary.fromDirectory(scenarios, repoRoot, cache);
    expect(cache.counts).toEqual({ hits: plain.list().length, misses: 0 });
    expect(cached.list()).toEqual(plain.list());
    expect(Object.keys(cached.playable())).toEqual(Object.keys(plain.playable()));
  });
});
