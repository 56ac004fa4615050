import type { PathStepView } from "@hotseat/shared";
import type { RoleView } from "../app/store";
import type { MapTrack } from "../viewModel/pathMapModel";

/** The walks to draw on the debrief's map: abandoned branches under the path played, or each team's path. */
export function mapTracks(view: RoleView, path: readonly PathStepView[]): MapTrack[] {
  if (view.role !== "trainee" && view.teams.length > 0)
    return [
      ...view.teams.flatMap((team) =>
        (team.branches ?? []).map((b): MapTrack => ({ kind: "branch", steps: b.steps })),
      ),
      ...view.teams.map((team, i): MapTrack => ({ kind: "team", colour: i, steps: team.path ?? [] })),
    ];
  const branches: MapTrack[] =
    view.role === "trainee" ? [] : view.branches.map((b) => ({ kind: "branch", steps: b.steps }));
  return [...branches, { kind: "path", steps: path }];
}
