import { createHash } from "node:crypto";
import { loadScenario } from "@hotseat/shared";
import type { Diagnostic, Localized, Scenario } from "@hotseat/shared";

/** What the Studio's library shows of one text, whether or not it loads. */
export type StudioSummary = {
  scenarioId?: string;
  title?: Localized;
  languages: string[];
  states: number;
  endings: number;
  playable: boolean;
  diagnostics: { errors: number; warnings: number; infos: number };
};

/** The summary of a loaded scenario and its diagnostics. */
export function summaryOf(
  scenario: Scenario | undefined,
  diagnostics: readonly Diagnostic[],
  playable: boolean,
) {
  const count = (severity: Diagnostic["severity"]) =>
    diagnostics.filter((d) => d.severity === severity).length;
  const summary: StudioSummary = {
    languages: scenario?.languages ?? [],
    states: scenario ? Object.keys(scenario.machine.states).length : 0,
    endings: scenario ? Object.keys(scenario.endings).length : 0,
    playable,
    diagnostics: { errors: count("error"), warnings: count("warning"), infos: count("info") },
  };
  if (scenario) summary.scenarioId = scenario.id;
  if (scenario?.title !== undefined) summary.title = scenario.title;
  return summary;
}

/**
 * Summaries of draft texts, each text loaded once: the library is listed on every visit to the Studio,
 * and loading runs every path check, so a text already seen is answered from memory (by its sha-256).
 */
export class StudioSummaries {
  private readonly known = new Map<string, StudioSummary>();

  /** The summary of a text, loading it the first time it is seen. */
  of(source: string, file: string): StudioSummary {
    const key = createHash("sha256").update(source).digest("hex");
    const known = this.known.get(key);
    if (known) return known;
    const result = loadScenario(source, file);
    const summary = summaryOf(result.scenario, result.diagnostics, result.compiled !== undefined);
    // Bounded: an old text is rarely listed again, and the next listing loads it anew if it is.
    if (this.known.size >= 500) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, summary);
    return summary;
  }
}
