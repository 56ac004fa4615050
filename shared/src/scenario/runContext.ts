import type { Scenario } from "./scenarioSchema";
import type { TagName } from "./declaredVocabulary";

/** A normalised action or guard reference: always `{ type, params }`. */
export type ImplementationCall = { type: string; params: Record<string, unknown> };

/** The machine's context while a scenario runs: meters, the cost ledger and what happened so far. */
export type RunContext = {
  mood: number;
  reputation?: number;
  strain?: number;
  ledger: Record<string, number>;
  said: TagName[];
  chosen: string[];
  facts: string[];
  visited: string[];
};

/** The meters a scenario can move. */
export const meterNames = ["mood", "reputation", "strain"] as const;
export type MeterName = (typeof meterNames)[number];

/** Keeps a meter inside 0..100, the range the projector draws. */
export function clampMeter(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** The context a run starts with, taken from the scenario's `meters`. */
export function initialContext(scenario: Scenario): RunContext {
  const ctx: RunContext = {
    mood: scenario.meters.mood,
    ledger: {},
    said: [],
    chosen: [],
    facts: [],
    visited: [],
  };
  if (scenario.meters.reputation !== undefined) ctx.reputation = scenario.meters.reputation;
  if (scenario.meters.strain !== undefined) ctx.strain = scenario.meters.strain;
  return ctx;
}

/** Sums the ledger: what the conversation has cost the company so far. */
export function totalCost(ledger: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const amount of Object.values(ledger)) sum += amount ?? 0;
  return sum;
}

function withItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? [...list] : [...list, item];
}

function num(params: Record<string, unknown>, key: string): number | undefined {
  const value = params[key];
  return typeof value === "number" ? value : undefined;
}

function str(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  return typeof value === "string" ? value : "";
}

/** The meter deltas an `effect` action carries (0 for meters it leaves alone). */
export function effectDeltas(call: ImplementationCall): {
  mood: number;
  reputation: number;
  strain: number;
  cost: number;
} {
  if (call.type !== "effect") return { mood: 0, reputation: 0, strain: 0, cost: 0 };
  const cost = call.params["cost"];
  let costSum = 0;
  if (cost !== null && typeof cost === "object") {
    for (const amount of Object.values(cost)) if (typeof amount === "number") costSum += amount;
  }
  return {
    mood: num(call.params, "mood") ?? 0,
    reputation: num(call.params, "reputation") ?? 0,
    strain: num(call.params, "strain") ?? 0,
    cost: costSum,
  };
}

/**
 * Applies one action to the context and returns the new context (the input is never changed).
 * Besides the author's `effect`/`remember`/`forget`, the compiler adds `visit` (on every state's
 * entry) and `record` (after every option's actions) so guards can ask what happened earlier.
 */
export function applyAction(ctx: RunContext, call: ImplementationCall): RunContext {
  const p = call.params;
  switch (call.type) {
    case "effect": {
      const next: RunContext = { ...ctx, mood: clampMeter(ctx.mood + (num(p, "mood") ?? 0)) };
      // Optional meters only exist when the scenario declares them; an effect cannot invent one.
      if (ctx.reputation !== undefined)
        next.reputation = clampMeter(ctx.reputation + (num(p, "reputation") ?? 0));
      if (ctx.strain !== undefined) next.strain = clampMeter(ctx.strain + (num(p, "strain") ?? 0));
      const cost = p["cost"];
      if (cost !== null && typeof cost === "object") {
        const ledger = { ...ctx.ledger };
        for (const [item, amount] of Object.entries(cost)) {
          if (typeof amount !== "number") continue;
          ledger[item] = (ledger[item] ?? 0) + amount;
        }
        next.ledger = ledger;
      }
      return next;
    }
    case "remember":
      return { ...ctx, facts: withItem(ctx.facts, str(p, "fact")) };
    case "forget":
      return { ...ctx, facts: ctx.facts.filter((f) => f !== str(p, "fact")) };
    case "visit":
      return { ...ctx, visited: withItem(ctx.visited, str(p, "state")) };
    case "record": {
      const tags = Array.isArray(p["tags"]) ? (p["tags"] as TagName[]) : [];
      let said = ctx.said;
      for (const tag of tags) said = withItem(said, tag);
      return { ...ctx, said: [...said], chosen: withItem(ctx.chosen, str(p, "option")) };
    }
    default:
      return ctx;
  }
}

/** Decides one guard against the context. A meter the scenario does not have never passes. */
export function guardPasses(ctx: RunContext, call: ImplementationCall): boolean {
  const p = call.params;
  const value = num(p, "value") ?? 0;
  switch (call.type) {
    case "moodBelow":
      return ctx.mood < value;
    case "moodAtLeast":
      return ctx.mood >= value;
    case "reputationBelow":
      return ctx.reputation !== undefined && ctx.reputation < value;
    case "reputationAtLeast":
      return ctx.reputation !== undefined && ctx.reputation >= value;
    case "strainAbove":
      return ctx.strain !== undefined && ctx.strain > value;
    case "strainAtMost":
      return ctx.strain !== undefined && ctx.strain <= value;
    case "costAbove":
      return totalCost(ctx.ledger) > value;
    case "costAtMost":
      return totalCost(ctx.ledger) <= value;
    case "said":
      return ctx.said.includes(str(p, "tag"));
    case "notSaid":
      return !ctx.said.includes(str(p, "tag"));
    case "chose":
      return ctx.chosen.includes(str(p, "option"));
    case "notChose":
      return !ctx.chosen.includes(str(p, "option"));
    case "remembers":
      return ctx.facts.includes(str(p, "fact"));
    case "forgot":
      return !ctx.facts.includes(str(p, "fact"));
    case "visited":
      return ctx.visited.includes(str(p, "state"));
    case "notVisited":
      return !ctx.visited.includes(str(p, "state"));
    default:
      return false;
  }
}
