import type { Diagnostic } from "@hotseat/shared";

/** States the map marks: those no run reaches (HS007), and those stuck in a loop with no way to an ending (HS008). */
export type MapMarks = { unreachable: Set<string>; stuck: Set<string> };

const stateOf = (d: Diagnostic): string | undefined =>
  d.path?.[0] === "machine" && d.path[1] === "states" && typeof d.path[2] === "string"
    ? d.path[2]
    : undefined;

/** The states to mark on the map, read from the scenario's diagnostics (the checks already found them). */
export function mapMarks(diagnostics: readonly Diagnostic[]): MapMarks {
  const marks: MapMarks = { unreachable: new Set(), stuck: new Set() };
  for (const d of diagnostics) {
    const state = stateOf(d);
    if (state === undefined) continue;
    if (d.code === "HS007") marks.unreachable.add(state);
    if (d.code === "HS008") marks.stuck.add(state);
  }
  return marks;
}
