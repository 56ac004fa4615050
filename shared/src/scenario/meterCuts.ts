import type { ImplementationCall, MeterName } from "./runContext";
import { clampMeter, effectDeltas, meterNames } from "./runContext";
import type { BranchModel, ScenarioModel } from "./scenarioModel";

/** Per state and meter: sorted values c where meter < c and meter >= c may lead to different futures. */
export type MeterCuts = Map<string, Record<MeterName, number[]>>;

// The first value at which a guard on `meter` flips (meters are integers 0..100).
function directCut(meter: MeterName, guard: ImplementationCall): number | undefined {
  const value = guard.params["value"];
  if (typeof value !== "number") return undefined;
  const t = guard.type;
  let cut: number | undefined;
  if (meter === "mood" && (t === "moodBelow" || t === "moodAtLeast")) cut = Math.ceil(value);
  if (meter === "reputation" && (t === "reputationBelow" || t === "reputationAtLeast"))
    cut = Math.ceil(value);
  if (meter === "strain" && (t === "strainAbove" || t === "strainAtMost")) cut = Math.floor(value) + 1;
  return cut !== undefined && cut >= 1 && cut <= 100 ? cut : undefined;
}

// What a branch does to one meter, as a table over the 101 values it can have before.
function moveTable(model: ScenarioModel, from: string, branch: BranchModel, meter: MeterName): Int16Array {
  const calls = [...branch.actions];
  if (branch.target !== undefined && branch.target !== from)
    calls.push(...(model.states.get(branch.target)?.entry ?? []));
  const deltas = calls.map((c) => effectDeltas(c)[meter]).filter((d) => d !== 0);
  const table = new Int16Array(101);
  for (let m = 0; m <= 100; m++) {
    let v = m;
    for (const d of deltas) v = clampMeter(v + d);
    table[m] = v;
  }
  return table;
}

/**
 * Which meter values the future can tell apart, per state. Meters move monotonically (clamped
 * sums), so a guard ahead splits the values now at one point: the first value that reaches its
 * threshold. Collecting those points backwards to a fixpoint gives classes of values that are
 * guaranteed to behave the same, so the path analysis keys states by class, not by exact value.
 */
export function meterCuts(model: ScenarioModel): MeterCuts {
  const states = [...model.states.values()];
  const branchesOf = (s: (typeof states)[number]) => [...s.always, ...s.options.flatMap((o) => o.branches)];
  // cuts[state][meter] is a 101-slot flag array: slot c set means a split between c-1 and c.
  const cuts = new Map<string, Record<MeterName, Uint8Array>>();
  const guarded = new Set<MeterName>();
  for (const s of states) {
    const own = { mood: new Uint8Array(101), reputation: new Uint8Array(101), strain: new Uint8Array(101) };
    for (const b of branchesOf(s)) {
      if (b.guard === undefined) continue;
      for (const meter of meterNames) {
        const c = directCut(meter, b.guard);
        if (c === undefined) continue;
        own[meter][c] = 1;
        guarded.add(meter);
      }
    }
    cuts.set(s.id, own);
  }
  const meters = meterNames.filter((m) => guarded.has(m));
  const moves = states.map((s) =>
    branchesOf(s).map((b) => ({
      to: b.target ?? s.id,
      table: Object.fromEntries(meters.map((m) => [m, moveTable(model, s.id, b, m)])) as Record<
        MeterName,
        Int16Array
      >,
    })),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (let i = states.length - 1; i >= 0; i--) {
      const own = cuts.get((states[i] as { id: string }).id);
      if (own === undefined) continue;
      for (const { to, table } of moves[i] ?? []) {
        const after = cuts.get(to);
        if (after === undefined) continue;
        for (const meter of meters) {
          const t = table[meter];
          const ahead = after[meter];
          const mine = own[meter];
          // t is non-decreasing: every cut c in (t[m-1], t[m]] is first reached from value m.
          for (let m = 1; m <= 100; m++) {
            for (let c = (t[m - 1] as number) + 1; c <= (t[m] as number); c++) {
              if (ahead[c] === 1 && mine[m] !== 1) {
                mine[m] = 1;
                changed = true;
              }
            }
          }
        }
      }
    }
  }
  const list = (flags: Uint8Array) => [...flags.keys()].filter((c) => flags[c] === 1);
  const out: MeterCuts = new Map();
  for (const [id, own] of cuts) {
    out.set(id, { mood: list(own.mood), reputation: list(own.reputation), strain: list(own.strain) });
  }
  return out;
}

/** The class of a meter value given a state's cuts: how many cuts lie at or below it. */
export function meterClass(cuts: readonly number[], value: number): number {
  let n = 0;
  for (const c of cuts) if (c <= value) n++;
  return n;
}

/** The inclusive range of values in the same class as `value`. */
export function classRange(cuts: readonly number[], value: number): [number, number] {
  let lo = 0;
  let hi = 100;
  for (const c of cuts) {
    if (c <= value) lo = Math.max(lo, c);
    else hi = Math.min(hi, c - 1);
  }
  return [lo, hi];
}
