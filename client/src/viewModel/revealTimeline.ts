import type { LedgerLine } from "@hotseat/shared";

/** The moments of a reveal on the wall, in the order the room sees them. */
export type RevealPart = "settle" | "highlight" | "react" | "meters" | "cost" | "feedback";

/** A sound the wall may play as a moment starts (see client/src/audio/revealCues.ts). */
export type RevealCue = "tick" | "rise" | "fall" | "blip";

/** One moment: when it starts and how long it moves (ms from the reveal), and for `cost` which item. */
export type RevealStep = {
  part: RevealPart;
  start: number;
  duration: number;
  /** For `cost`: the index of the changed ledger item this step shows (0-based). */
  item?: number;
  cue?: RevealCue;
};

/** The whole sequence: its steps in order of start, and when the last one has finished moving. */
export type RevealPlan = { steps: RevealStep[]; total: number };

/** What the reveal has to show, and whether motion is reduced. */
export type RevealInput = {
  /** Whether the wall showed a tally before the reveal (a class vote): it settles and shows the choice. */
  tally: boolean;
  /** How many ledger items this decision changed; each ticks in on its own. */
  costItems: number;
  /** The mood's change: the reaction's tone rises when it is not negative, falls when it is. */
  moodDelta: number;
  /** `prefers-reduced-motion` or the app's own switch: everything at once. */
  reduced: boolean;
};

/**
 * How long each moment moves (ms). Chosen so a class vote's reveal with two cost items lasts about
 * four and a half seconds: long enough for a room to follow, short enough not to wait for.
 */
export const revealDurations = {
  settle: 600,
  highlight: 900,
  react: 1000,
  meters: 700,
  costItem: 380,
  feedback: 700,
} as const;

/** Cost items beyond this many share the same time, so a long ledger does not drag the reveal out. */
const costItemsAtFullPace = 5;

/**
 * The reveal as a timeline: tally settles → chosen answer highlighted → customer reacts → meters and the
 * cost ticker move item by item → feedback with its tags. Reduced motion puts every step at 0 ms with no
 * movement (the final frame at once) and keeps only the reaction's sound.
 */
export function revealTimeline(input: RevealInput): RevealPlan {
  const d = revealDurations;
  const items = Math.max(0, Math.floor(input.costItems));
  const reaction: RevealCue = input.moodDelta >= 0 ? "rise" : "fall";
  if (input.reduced) {
    const at = (part: RevealPart, cue?: RevealCue): RevealStep => ({
      part,
      start: 0,
      duration: 0,
      ...(cue ? { cue } : {}),
    });
    return {
      steps: [
        ...(input.tally ? [at("settle")] : []),
        at("highlight"),
        at("react", reaction),
        at("meters"),
        ...Array.from({ length: items }, (_, item) => ({ ...at("cost"), item })),
        at("feedback"),
      ],
      total: 0,
    };
  }
  const steps: RevealStep[] = [];
  let t = 0;
  if (input.tally) {
    steps.push({ part: "settle", start: t, duration: d.settle, cue: "tick" });
    t += d.settle;
  }
  // Without a tally (hot seat, an override) the chosen answer only needs to appear: half the time.
  const highlight = input.tally ? d.highlight : Math.round(d.highlight / 2);
  steps.push({ part: "highlight", start: t, duration: highlight });
  t += highlight;
  steps.push({ part: "react", start: t, duration: d.react, cue: reaction });
  // The meters start as the face finishes changing, so the eye goes from face to meters.
  t += Math.round(d.react * 0.7);
  steps.push({ part: "meters", start: t, duration: d.meters });
  const pace = items > costItemsAtFullPace ? (d.costItem * costItemsAtFullPace) / items : d.costItem;
  for (let item = 0; item < items; item++)
    steps.push({
      part: "cost",
      start: Math.round(t + 150 + item * pace),
      duration: Math.round(pace),
      item,
      cue: "blip",
    });
  const metersEnd = t + d.meters;
  const costEnd = items > 0 ? Math.round(t + 150 + items * pace) : 0;
  t = Math.max(metersEnd, costEnd);
  steps.push({ part: "feedback", start: t, duration: d.feedback });
  return { steps, total: t + d.feedback };
}

/** The steps that start in the interval (from, to] of the reveal's clock; `from` < 0 includes those at 0. */
export function stepsStarting(plan: RevealPlan, from: number, to: number): RevealStep[] {
  return plan.steps.filter((s) => s.start > from && s.start <= to);
}

/** The ledger and cost total after each changed item of a decision is added, in the ledger's order. */
export type CostStage = { ledger: LedgerLine[]; total: number };

/**
 * The cost ticker's stages for one decision: starting from the ledger before it, each item whose amount
 * changed is applied in turn (the total grows by that item's change); the last stage is exactly the ledger
 * and total after it. No changed item: no stage.
 */
export function costStages(
  before: readonly LedgerLine[],
  after: readonly LedgerLine[],
  beforeTotal: number,
  afterTotal: number,
): CostStage[] {
  const old = new Map(before.map((l) => [l.item, l.amount]));
  const changed = after.filter((l) => (old.get(l.item) ?? 0) !== l.amount);
  const stages: CostStage[] = [];
  const shown = new Map(old);
  let total = beforeTotal;
  changed.forEach((line, i) => {
    total += line.amount - (shown.get(line.item) ?? 0);
    shown.set(line.item, line.amount);
    const last = i === changed.length - 1;
    stages.push({
      // In the order of the final ledger; items not reached yet keep their old amounts (or are not there).
      ledger: last
        ? [...after]
        : after.flatMap((l) => {
            const amount = shown.get(l.item);
            return amount === undefined ? [] : [{ item: l.item, amount }];
          }),
      total: last ? afterTotal : total,
    });
  });
  return stages;
}

/** What the wall saw of a view, enough to tell a reveal it watched happen from one it only arrived at. */
export type RevealWitness = {
  scenarioId?: string;
  phase: string;
  stepIndex: number;
  /** Whether the wall shows one board of teams (no reveal is drawn then). */
  teams: boolean;
};

/** Phases from which a reveal can follow on the wall: a decision being made. */
const beforeReveal = new Set(["deciding", "voting", "closed"]);

/**
 * Whether `next` is a reveal this wall watched happen, and so plays as a sequence: the wall showed the same
 * scenario's decision just before. A wall that joins late or reloads (no `prev`), or one that was elsewhere,
 * shows the final frame at once, never a replay.
 */
export function revealPlays(prev: RevealWitness | undefined, next: RevealWitness): boolean {
  if (!prev || next.phase !== "revealed" || next.teams || prev.teams) return false;
  return (
    prev.scenarioId === next.scenarioId &&
    beforeReveal.has(prev.phase) &&
    next.stepIndex === prev.stepIndex + 1
  );
}
