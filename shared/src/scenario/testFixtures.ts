import type { Scenario } from "./scenarioSchema";

/**
 * A small hand-countable scenario used by the engine's tests. Its eight paths:
 * ambassador 2, kept 1, neutral 2, public-adversary 3; the ending `lost` is never reached.
 */
export function hatScenario(): Scenario {
  return {
    formatVersion: 1,
    id: "ruined-hat",
    title: { en: "The ruined hat", pl: "Zniszczona czapka" },
    summary: "Ana's merino hat fell apart after two washes.",
    languages: ["en", "pl"],
    audience: "B2C",
    persona: { name: "Ana", description: "A loyal customer, furious today", customerType: "aggressive" },
    matter: { hard: "A new hat or her money back", soft: ["anger", "regret"] },
    values: ["Warm, durable clothes"],
    brokenPromise: "Premium merino that lasts for years",
    currency: "EUR",
    meters: { mood: 20, reputation: 60 },
    endings: {
      ambassador: { outcome: "ambassador", title: "A fan", debrief: "She tells friends about you." },
      kept: { outcome: "kept", title: "Kept", debrief: "She stays, a little cool." },
      neutral: { outcome: "neutral", title: "Refunded", debrief: "Money back, no warmth." },
      public: { outcome: "public-adversary", title: "Gone public", debrief: "A one-star review." },
      lost: { outcome: "lost-quietly", title: "Lost", debrief: "She never comes back." },
    },
    machine: {
      initial: "opening",
      states: {
        opening: {
          meta: {
            line: { en: "Your crap hat fell apart!", pl: "Twoja czapka się rozpadła!" },
            emotion: "anger",
          },
          on: {
            "ask-what-happened": {
              target: "details",
              actions: [{ type: "effect", params: { mood: 10, cost: { staffTime: 3 } } }],
              meta: { label: { en: "Tell me what happened.", pl: "Co się stało?" }, tags: ["listens"] },
            },
            "quote-the-label": [
              {
                guard: { type: "moodBelow", params: { value: 15 } },
                target: "gone-public",
                actions: [{ type: "effect", params: { mood: -20, reputation: -15 } }],
                meta: { label: "The label says hand wash only.", tags: ["blames-customer"] },
              },
              {
                target: "grudging",
                actions: [{ type: "effect", params: { mood: -10 } }],
                meta: { feedback: "She hears: it is your fault.", tags: ["blames-customer"] },
              },
            ],
          },
        },
        details: {
          meta: { line: "I washed it once, by hand!", emotion: "disappointment" },
          on: {
            acknowledge: {
              target: "offer",
              actions: [
                { type: "effect", params: { mood: 20 } },
                { type: "remember", params: { fact: "wants-hat" } },
              ],
              meta: { label: "That must be so disappointing.", tags: ["acknowledges-emotion"] },
            },
            "blame-courier": {
              target: "grudging",
              actions: [{ type: "effect", params: { mood: -15 } }],
              meta: { label: "The courier must have damaged it.", tags: ["blames-subcontractor"] },
            },
          },
        },
        grudging: {
          meta: { line: "So it is my fault?", emotion: "contempt" },
          on: {
            apologise: {
              guard: { type: "notVisited", params: { state: "details" } },
              target: "details",
              actions: [{ type: "effect", params: { mood: 5 } }],
              meta: { label: "I am sorry, tell me more.", tags: ["apologises"] },
            },
            insist: {
              target: "gone-public",
              actions: [{ type: "effect", params: { mood: -30 } }],
              meta: { label: "Rules are rules.", tags: ["blames-customer"] },
            },
          },
        },
        offer: {
          meta: { line: "So what will you do about it?", emotion: "calm" },
          on: {
            replace: {
              guard: { type: "remembers", params: { fact: "wants-hat" } },
              target: "check",
              actions: [{ type: "effect", params: { mood: 20, cost: { replacement: 40 } } }],
              meta: { label: "I will send you a new hat today.", tags: ["offers-solution"] },
            },
            refund: {
              target: "refunded",
              actions: [{ type: "effect", params: { cost: { refund: 60 } } }],
              meta: { label: "Here is your money back.", tags: ["offers-solution"] },
            },
            thank: {
              guard: { type: "said", params: { tag: "listens" } },
              target: "check",
              actions: [{ type: "effect", params: { mood: 60 } }],
              meta: { label: "Thank you for telling us.", tags: ["lets-customer-win"] },
            },
          },
        },
        check: {
          meta: { line: "Hm.", emotion: "calm" },
          always: [
            { guard: { type: "moodAtLeast", params: { value: 60 } }, target: "delighted" },
            { target: "satisfied" },
          ],
        },
        delighted: {
          type: "final",
          meta: { line: "You are wonderful!", emotion: "delighted", ending: "ambassador" },
        },
        satisfied: { type: "final", meta: { line: "Fine.", emotion: "pleased", ending: "kept" } },
        refunded: {
          type: "final",
          entry: [{ type: "effect", params: { mood: -5 } }],
          meta: { line: "Whatever.", emotion: "disappointment", ending: "neutral" },
        },
        "gone-public": {
          type: "final",
          entry: [{ type: "effect", params: { reputation: -20 } }],
          meta: { line: "Everyone will hear about this!", emotion: "contempt", ending: "public" },
        },
      },
    },
  };
}
