import { isMap, isScalar, parseDocument } from "yaml";

/** One state of the text: its id, where its key starts and where its body ends (offsets into the text). */
export type OutlinedState = { id: string; from: number; to: number };

/** The states under `machine.states` with their places in the text, even when the rest has errors. */
export function stateOutline(source: string): OutlinedState[] {
  const states = parseDocument(source).getIn(["machine", "states"], true);
  if (!isMap(states)) return [];
  return states.items.flatMap((pair) => {
    if (!isScalar(pair.key) || typeof pair.key.value !== "string" || !pair.key.range) return [];
    const end = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? pair.key.range[2];
    return [{ id: pair.key.value, from: pair.key.range[0], to: end }];
  });
}

/** The state whose part of the text holds `offset`, if any. */
export function stateAt(outline: readonly OutlinedState[], offset: number): string | undefined {
  return outline.find((s) => offset >= s.from && offset <= s.to)?.id;
}
