// prng.ts imports nothing: the generator shares the session's PRNG without depending on the session.
import { seededRandom } from "../session/prng";
import type { Scenario, StateConfig, TransitionConfig } from "./scenarioSchema";
import { outcomes, techniqueTags } from "./vocabulary";
import type { TechniqueTag } from "./vocabulary";

/** Options for `generateScenario`. */
export type GenerateOptions = {
  /** How many states in total, endings included (at least 6). */
  states: number;
  /** Seed of the deterministic random generator. */
  seed?: number;
  /** States per layer (the conversation moves one or two layers forward per choice). */
  width?: number;
  /** Share of options (besides each state's first) that depend on the past: mood, said, remembers, visited. */
  guardRate?: number;
};

const facts = ["wants-refund", "mentioned-kids"] as const;
const guardFacts = ["wants-refund"] as const;
const guardTags: TechniqueTag[] = ["listens", "blames-customer"];

/**
 * Generates a layered scenario of `states` states with 2–4 options each, guards (mood, said,
 * remembers, visited) and effects. Pure and deterministic for a seed; used by tests and benchmarks.
 */
export function generateScenario(opts: GenerateOptions): Scenario {
  const rnd = seededRandom(opts.seed ?? 1);
  // Like authors do, meters move in steps of 5 and thresholds are round numbers.
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const endingIds = outcomes.map((o) => `${o}-end`);
  const finalCount = Math.min(endingIds.length, Math.max(1, opts.states - 1));
  const inner = Math.max(1, opts.states - finalCount);
  const width = Math.max(1, opts.width ?? 5);
  const guardRate = opts.guardRate ?? 0.15;
  // Layers widen 1, 2, 3… up to `width`, so every state can be reached from the one start.
  const layers: string[][] = [];
  for (let i = 0; i < inner;) {
    const size = Math.min(width, layers.length + 1, inner - i);
    layers.push(Array.from({ length: size }, (_, k) => `s${i + k}`));
    i += size;
  }
  const lastInner = layers[layers.length - 1];
  if (layers.length > 1 && lastInner !== undefined && lastInner.length < 2) {
    layers.pop();
    layers[layers.length - 1]?.push(...lastInner);
  }
  const finals = endingIds.slice(0, finalCount).map((e) => `end-${e}`);
  layers.push(finals);
  const states: Record<string, StateConfig> = {};
  for (let l = 0; l < layers.length - 1; l++) {
    const next = layers[l + 1] ?? finals;
    const after = layers[l + 2] ?? next;
    // The first options of a layer go to states of the next layer nothing leads to yet.
    const uncovered = [...next];
    const layer = layers[l] ?? [];
    layer.forEach((id, index) => {
      const on: Record<string, TransitionConfig | TransitionConfig[]> = {};
      const needed = Math.ceil(uncovered.length / (layer.length - index));
      const count = Math.min(4, Math.max(int(2, 4), needed));
      for (let o = 0; o < count; o++) {
        const optionId = `${id}-o${o}`;
        const target = () => (rnd() < 0.75 ? pick(next) : pick(after));
        const fresh = o === 0 || uncovered.length > count - o - 1 ? uncovered.shift() : undefined;
        const tags: TechniqueTag[] = [rnd() < 0.5 ? pick(guardTags) : pick(techniqueTags)];
        const effect = {
          type: "effect",
          params: { mood: 5 * int(-3, 4), ...(rnd() < 0.4 ? { cost: { staffTime: int(1, 10) } } : {}) },
        };
        const actions =
          rnd() < 0.15 ? [effect, { type: "remember", params: { fact: pick(facts) } }] : [effect];
        const main: TransitionConfig = {
          target: fresh ?? target(),
          actions,
          meta: { label: `Option ${o} of ${id}`, tags },
        };
        // Most options are plain; some depend on what happened before. Options that make a state
        // reachable stay plain, so it really is.
        const kind = o === 0 || fresh !== undefined || rnd() >= guardRate ? 0 : int(1, 4);
        if (kind === 1) {
          // A mood-dependent option: the customer reacts differently when already angry.
          on[optionId] = [
            { ...main, guard: { type: "moodBelow", params: { value: 5 * int(4, 10) } } },
            {
              target: target(),
              actions: [{ type: "effect", params: { mood: 5 * int(-1, 2) } }],
              meta: { tags },
            },
          ];
        } else if (kind === 2) {
          on[optionId] = { ...main, guard: { type: "said", params: { tag: pick(guardTags) } } };
        } else if (kind === 3) {
          on[optionId] = { ...main, guard: { type: "remembers", params: { fact: pick(guardFacts) } } };
        } else if (kind === 4 && l > 0) {
          // "Only if we did not already go through that" refers back to the moment just before.
          const earlier = layers[l - 1] ?? [];
          on[optionId] = { ...main, guard: { type: "notVisited", params: { state: pick(earlier) } } };
        } else {
          on[optionId] = main;
        }
      }
      states[id] = { meta: { line: `Customer line in ${id}`, emotion: "anger" }, on };
    });
  }
  finals.forEach((id, i) => {
    states[id] = {
      type: "final",
      meta: { line: `Goodbye from ${id}`, emotion: "calm", ending: endingIds[i] },
    };
  });
  const endings: Scenario["endings"] = {};
  endingIds.slice(0, finalCount).forEach((e, i) => {
    endings[e] = { outcome: outcomes[i] ?? "neutral", title: `Ending ${e}`, debrief: `Debrief of ${e}` };
  });
  return {
    formatVersion: 1,
    id: `generated-${opts.states}`,
    title: `Generated scenario with ${opts.states} states`,
    summary: "A generated conversation for tests and benchmarks.",
    languages: ["en"],
    audience: "B2C",
    persona: { name: "Gen", description: "A generated customer", customerType: "demanding" },
    matter: { hard: "Something", soft: ["anger"] },
    values: ["Being taken seriously"],
    brokenPromise: "A promise",
    currency: "EUR",
    meters: { mood: 40 },
    endings,
    machine: { initial: layers[0]?.[0] ?? "s0", states },
  };
}
