import type { z } from "zod";
import type { CheckContext } from "./checkContext";
import { diagnosticAt } from "./checkContext";
import { knownTags } from "./declaredVocabulary";
import { capitalize, describePath } from "./describePath";
import type { Diagnostic } from "./diagnostic";
import { suggestion } from "./didYouMean";
import { actionParamsSchemas, guardParamsSchemas } from "./implementationParams";
import { issueDiagnostics } from "./issueDiagnostics";
import type { RefAt } from "./scenarioWalk";
import { allActions, allBranches, allGuards, statePath } from "./scenarioWalk";

const actionNames = Object.keys(actionParamsSchemas);
const guardNames = Object.keys(guardParamsSchemas);

/**
 * Checks every name the scenario refers to: the initial state (HS015), branch targets (HS003),
 * action and guard names (HS004, HS005) and their params (HS006), and the endings of final states (HS014).
 */
export function diagnoseReferences(context: CheckContext): Diagnostic[] {
  return [
    ...checkInitial(context),
    ...checkTargets(context),
    ...allActions(context.scenario).flatMap((ref) => checkRef(context, ref, "action")),
    ...allGuards(context.scenario).flatMap((ref) => checkRef(context, ref, "guard")),
    ...checkEndings(context),
  ];
}

function checkInitial(context: CheckContext): Diagnostic[] {
  const { initial, states } = context.scenario.machine;
  if (Object.hasOwn(states, initial)) return [];
  const message =
    `The conversation starts in "${initial}" (machine.initial), but there is no state called "${initial}". ` +
    `${suggestion(initial, Object.keys(states))}(Check the spelling, or add a state named "${initial}".)`;
  return [diagnosticAt(context, "HS015", "error", message, ["machine", "initial"], "value")];
}

function checkTargets(context: CheckContext): Diagnostic[] {
  const states = Object.keys(context.scenario.machine.states);
  const known = new Set(states);
  return allBranches(context.scenario).flatMap(({ branch, path }) => {
    const target = branch.target;
    if (target === undefined || known.has(target)) return [];
    const message =
      `${capitalize(describePath(path).subject)} goes to "${target}", but there is no state called "${target}". ` +
      `${suggestion(target, states)}(Check the spelling, or add a state named "${target}".)`;
    return [diagnosticAt(context, "HS003", "error", message, [...path, "target"], "value")];
  });
}

function checkRef(context: CheckContext, ref: RefAt, kind: "action" | "guard"): Diagnostic[] {
  const schemas: Record<string, z.ZodType> = kind === "action" ? actionParamsSchemas : guardParamsSchemas;
  const known = kind === "action" ? actionNames : guardNames;
  const other = kind === "action" ? guardNames : actionNames;
  const subject = capitalize(describePath(ref.path).subject);
  const schema = Object.hasOwn(schemas, ref.name) ? schemas[ref.name] : undefined;
  if (!schema) {
    const mixUp = other.includes(ref.name)
      ? `"${ref.name}" is a ${kind === "action" ? "guard" : "action"}, not ${kind === "action" ? "an action" : "a guard"}. `
      : suggestion(ref.name, known);
    const message =
      `${subject} uses ${kind === "action" ? "an action" : "a guard"} called "${ref.name}", but Hotseat has no such ${kind}. ` +
      `${mixUp}(The ${kind}s are: ${known.join(", ")}.)`;
    return [
      diagnosticAt(context, kind === "action" ? "HS004" : "HS005", "error", message, ref.namePath, "value"),
    ];
  }
  const result = schema.safeParse(ref.params);
  if (!result.success) {
    return issueDiagnostics(result.error.issues, {
      data: context.scenario,
      positions: context.positions,
      file: context.file,
      basePath: ref.paramsPath,
      schema,
      codeFor: () => "HS006",
    });
  }
  return kind === "guard" ? checkGuardSubject(context, ref) : [];
}

// What guards may name, gathered once per scenario: per guard it would cost every branch again.
type Names = { options: string[]; tags: Set<string>; facts: string[] };
const namesOf = new WeakMap<object, Names>();
function names(scenario: CheckContext["scenario"]): Names {
  let found = namesOf.get(scenario);
  if (found === undefined) {
    const branches = allBranches(scenario);
    found = {
      options: [...new Set(branches.flatMap((b) => (b.optionId ? [b.optionId] : [])))],
      tags: new Set(branches.flatMap((b) => b.branch.meta?.tags ?? [])),
      facts: [
        ...new Set(
          allActions(scenario).flatMap((a) => (a.name === "remember" ? [String(a.params["fact"])] : [])),
        ),
      ],
    };
    namesOf.set(scenario, found);
  }
  return found;
}

// Guards that name a state, option or fact must name one the scenario actually has.
function checkGuardSubject(context: CheckContext, ref: RefAt): Diagnostic[] {
  const { scenario } = context;
  const subject = capitalize(describePath(ref.path).subject);
  const param = (key: string) => String(ref.params[key]);
  if (ref.name === "visited" || ref.name === "notVisited") {
    const states = Object.keys(scenario.machine.states);
    const state = param("state");
    if (states.includes(state)) return [];
    const message =
      `${subject} checks whether the run ${ref.name === "visited" ? "visited" : "did not visit"} "${state}", ` +
      `but there is no state called "${state}". ${suggestion(state, states)}(Check the spelling, or add a state named "${state}".)`;
    return [diagnosticAt(context, "HS003", "error", message, [...ref.paramsPath, "state"], "value")];
  }
  if (ref.name === "chose" || ref.name === "notChose") {
    const { options } = names(scenario);
    const option = param("option");
    if (options.includes(option)) return [];
    const message =
      `${subject} checks whether the trainee chose "${option}", but no state has an option called "${option}". ` +
      `${suggestion(option, options)}(Check the spelling against the option names under "on:".)`;
    return [diagnosticAt(context, "HS006", "error", message, [...ref.paramsPath, "option"], "value")];
  }
  if (ref.name === "said" || ref.name === "notSaid") {
    const { tags } = names(scenario);
    const tag = param("tag");
    // A tag that is not in the vocabulary at all is diagnoseVocabulary's error (HS017), not this warning.
    if (tags.has(tag) || !knownTags(scenario.vocabulary).includes(tag)) return [];
    const outcome = ref.name === "said" ? "never passes" : "always passes";
    const message =
      `${subject} checks whether the trainee used "${tag}", but no option is tagged "${tag}", so this guard ${outcome}. ` +
      `Add "${tag}" to the tags of an option, or check for another tag.`;
    return [diagnosticAt(context, "HS006", "warning", message, [...ref.paramsPath, "tag"], "value")];
  }
  if (ref.name === "remembers" || ref.name === "forgot") {
    const { facts } = names(scenario);
    const fact = param("fact");
    if (facts.includes(fact)) return [];
    const outcome = ref.name === "remembers" ? "never passes" : "always passes";
    const message =
      `${subject} checks the fact "${fact}", but no action ever remembers it, so this guard ${outcome}. ` +
      `${suggestion(fact, facts)}(Add { type: remember, params: { fact: ${fact} } } to an option, or fix the spelling.)`;
    return [diagnosticAt(context, "HS006", "warning", message, [...ref.paramsPath, "fact"], "value")];
  }
  return [];
}

function checkEndings(context: CheckContext): Diagnostic[] {
  const endings = Object.keys(context.scenario.endings);
  const choices = endings.length > 0 ? `one of: ${endings.join(", ")}` : "an ending declared under endings:";
  return Object.entries(context.scenario.machine.states).flatMap(([id, state]) => {
    const path = statePath(id);
    const ending = state.meta.ending;
    if (state.type === "final" && ending === undefined) {
      const message =
        `State "${id}" is an ending (type: final) but does not say which ending it is. ` +
        `Add "ending:" under its meta, naming ${choices}.`;
      return [diagnosticAt(context, "HS014", "error", message, [...path, "meta"], "key")];
    }
    if (ending !== undefined && !endings.includes(ending)) {
      const message =
        `State "${id}" ends with "${ending}", but there is no ending called "${ending}". ` +
        `${suggestion(ending, endings)}(Check the spelling, or add "${ending}" under endings:.)`;
      return [diagnosticAt(context, "HS014", "error", message, [...path, "meta", "ending"], "value")];
    }
    if (ending !== undefined && state.type !== "final") {
      const message =
        `State "${id}" names the ending "${ending}" but is not marked "type: final", so no run ends there. ` +
        `Add "type: final" to the state, or remove "ending".`;
      return [diagnosticAt(context, "HS014", "warning", message, [...path, "meta", "ending"], "key")];
    }
    return [];
  });
}
