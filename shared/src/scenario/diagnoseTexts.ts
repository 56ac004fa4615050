import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import { capitalize, describePath, describeWhere } from "./describePath";
import type { DataPath, Diagnostic } from "./diagnostic";
import { suggestion } from "./didYouMean";
import type { Localized } from "./localized";
import type { Scenario } from "./scenarioSchema";
import { branchesOf, statePath } from "./scenarioWalk";

// Names for the languages trainers are most likely to write; others are shown by their code.
const languageNames: Record<string, string> = {
  en: "English",
  pl: "Polish",
  ro: "Romanian",
  lt: "Lithuanian",
  de: "German",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  uk: "Ukrainian",
  cs: "Czech",
  sk: "Slovak",
  hu: "Hungarian",
  lv: "Latvian",
  et: "Estonian",
};

/** "Polish (pl)" for a known code, otherwise just the code. */
export function languageName(code: string): string {
  const name = languageNames[code.split("-")[0] ?? code];
  return name ? `${name} (${code})` : code;
}

/** Every player-facing text of the scenario with its path, in file order. */
export function localizedTexts(scenario: Scenario): [Localized, DataPath][] {
  const texts: [Localized | undefined, DataPath][] = [
    [scenario.title, ["title"]],
    [scenario.summary, ["summary"]],
    [scenario.setting, ["setting"]],
    [scenario.persona.description, ["persona", "description"]],
    [scenario.matter.hard, ["matter", "hard"]],
    ...scenario.values.map((v, i): [Localized, DataPath] => [v, ["values", i]]),
    [scenario.brokenPromise, ["brokenPromise"]],
  ];
  // The scenario's own words are read on badges and in the ledger, so they need every language too.
  for (const [name, tag] of Object.entries(scenario.vocabulary?.tags ?? {}))
    texts.push(
      [tag.label, ["vocabulary", "tags", name, "label"]],
      [tag.description, ["vocabulary", "tags", name, "description"]],
    );
  for (const [name, item] of Object.entries(scenario.vocabulary?.costItems ?? {}))
    texts.push(
      [item.label, ["vocabulary", "costItems", name, "label"]],
      [item.unit, ["vocabulary", "costItems", name, "unit"]],
    );
  for (const [id, ending] of Object.entries(scenario.endings)) {
    texts.push([ending.title, ["endings", id, "title"]], [ending.debrief, ["endings", id, "debrief"]]);
  }
  for (const [id, state] of Object.entries(scenario.machine.states)) {
    texts.push([state.meta.line, [...statePath(id), "meta", "line"]]);
    texts.push([state.meta.narration, [...statePath(id), "meta", "narration"]]);
    for (const { branch, path } of branchesOf(id, state)) {
      texts.push(
        [branch.meta?.label, [...path, "meta", "label"]],
        [branch.meta?.feedback, [...path, "meta", "feedback"]],
      );
    }
  }
  return texts.filter((t): t is [Localized, DataPath] => t[0] !== undefined);
}

/**
 * Checks what trainees will read: texts missing one of the scenario's languages (HS011),
 * options of a state with the same label (HS012), and options with no label at all (HS016).
 */
export function diagnoseTexts(context: CheckContext): Diagnostic[] {
  return [...checkTranslations(context), ...checkLabels(context)];
}

function checkTranslations(context: CheckContext): Diagnostic[] {
  const { languages } = context.scenario;
  return localizedTexts(context.scenario).flatMap(([text, path]): Diagnostic[] => {
    const where = capitalize(describeWhere(path));
    if (typeof text === "string") {
      if (languages.length < 2) return [];
      const message =
        `${where} is written in one language only, but the scenario is in ${languages.join(", ")}. ` +
        `Write one line per language, such as "${languages[0]}: ..." and "${languages[1]}: ...".`;
      return [diagnosticAt(context, "HS011", "warning", message, path, "value")];
    }
    const found: Diagnostic[] = [];
    const missing = languages.filter((l) => !Object.hasOwn(text, l));
    if (missing.length > 0) {
      const message =
        `${where} has no text in ${missing.map(languageName).join(", ")}. ` +
        `Add ${missing.map((l) => `"${l}: ..."`).join(", ")} to it, or trainees in that language will see another language.`;
      found.push(diagnosticAt(context, "HS011", "warning", message, path, "key"));
    }
    // A text in a language the scenario does not list is never shown; usually a mistyped code.
    for (const extra of Object.keys(text).filter((l) => !languages.includes(l))) {
      const message =
        `${where} has a text in "${extra}", which is not one of the scenario's languages (${languages.join(", ")}). ` +
        `${suggestion(extra, languages)}Fix the language code, or add "${extra}" to languages.`;
      found.push(diagnosticAt(context, "HS011", "warning", message, [...path, extra], "key"));
    }
    return found;
  });
}

function checkLabels(context: CheckContext): Diagnostic[] {
  const { languages } = context.scenario;
  const diagnostics: Diagnostic[] = [];
  for (const [id, state] of Object.entries(context.scenario.machine.states)) {
    // An option's label is the one on its first branch that has one (later branches inherit it).
    const labelled = new Map<string, { label: Localized; path: DataPath }>();
    for (const { optionId, branch, path } of branchesOf(id, state)) {
      if (optionId === undefined || labelled.has(optionId) || branch.meta?.label === undefined) continue;
      labelled.set(optionId, { label: branch.meta.label, path: [...path, "meta", "label"] });
    }
    for (const optionId of Object.keys(state.on ?? {})) {
      if (labelled.has(optionId)) continue;
      const optionPath = [...statePath(id), "on", optionId];
      const message =
        `${capitalize(describePath(optionPath).subject)} has no label, so trainees would see an empty button. ` +
        `Add "meta: { label: ... }" to it (to its first branch, if it has several).`;
      diagnostics.push(diagnosticAt(context, "HS016", "error", message, optionPath, "key"));
    }
    const reported = new Set<string>();
    for (const language of languages) {
      const seen = new Map<string, string>();
      for (const [optionId, { label, path }] of labelled) {
        const text = typeof label === "string" ? label : label[language];
        if (text === undefined) continue;
        const key = text.trim().toLowerCase();
        const earlier = seen.get(key);
        if (earlier === undefined) {
          seen.set(key, optionId);
          continue;
        }
        if (reported.has(optionId)) continue;
        reported.add(optionId);
        const message =
          `Options "${earlier}" and "${optionId}" in state "${id}" have the same label "${text}" in ${languageName(language)}. ` +
          `Trainees cannot tell them apart: reword one of them.`;
        diagnostics.push(diagnosticAt(context, "HS012", "warning", message, path, "value"));
      }
    }
  }
  return diagnostics;
}
