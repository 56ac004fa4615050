import type Phaser from "phaser";
import type { PathStepView, ScenarioMapView } from "@hotseat/shared";
import type { RoleView } from "../app/store";
import { t } from "../i18n/t";
import { fitText } from "../ui/fitText";
import { drawScenarioMap, teamColours } from "../ui/ScenarioMap";
import { textStyle, theme } from "../ui/theme";
import type { DebriefModel } from "../viewModel/debriefModel";
import type { MapTrack } from "../viewModel/pathMapModel";

/** The walks to draw on the debrief's map: abandoned branches under the path played, or each team's path. */
export function mapTracks(view: RoleView, path: readonly PathStepView[]): MapTrack[] {
  if (view.role !== "trainee" && view.teams.length > 0)
    return view.teams.map((team, i) => ({ kind: "team", colour: i, steps: team.path ?? [] }));
  const branches: MapTrack[] =
    view.role === "trainee" ? [] : view.branches.map((b) => ({ kind: "branch", steps: b.steps }));
  return [...branches, { kind: "path", steps: path }];
}

/**
 * The debrief's "path taken" on a projector or laptop: the scenario's map on the left with the path
 * drawn on it, and beside it each step's option and techniques (each team's outcome in team play),
 * then the abandoned branches (dashed on the map). Fits the box it is given.
 */
export function drawPathOnMap(
  scene: Phaser.Scene,
  m: DebriefModel,
  view: RoleView,
  map: ScenarioMapView | undefined,
  path: readonly PathStepView[],
  box: { x: number; y: number; w: number; h: number },
): void {
  const { x, y, w, h } = box;
  scene.add.text(x, y - 10, t("debrief.path"), textStyle(28, theme.ink, { bold: true })).setOrigin(0, 1);
  // Without a map (a view from before maps were sent) the steps take the whole width.
  const mapW = map ? Math.round(w * 0.56) : -24;
  const teamNames = view.role !== "trainee" ? view.teams.map((team) => team.name) : [];
  if (map)
    drawScenarioMap(scene, map, mapTracks(view, path), { x, y, width: mapW, height: h }, { teamNames });
  const lx = x + mapW + 24;
  const lw = w - mapW - 24;
  let ly = y;
  const bottom = y + h;
  const line = (text: string, size: number, color: string, lines = 1, bold = false) => {
    if (ly + size > bottom) return;
    const o = fitText(scene.add.text(lx, ly, text, textStyle(size, color, { wrap: lw, bold })), lines);
    ly += o.height + 4;
  };
  if (m.teams.length) {
    m.teams.forEach((team, i) => {
      const colour = `#${(teamColours[i % teamColours.length] ?? theme.accent).toString(16).padStart(6, "0")}`;
      line(`■ ${team.name}`, 22, colour, 1, true);
      line(team.steps.map((s) => `${s.n}. ${s.label}`).join("  "), 17, theme.inkDim, 2);
    });
    return;
  }
  for (const s of m.steps) {
    line(`${s.n}. ${s.label}`, 19, theme.ink, 2);
    const tags = s.tags.map((b) => b.short).join(" · ");
    if (tags) line(tags, 16, s.tags.every((b) => b.good) ? theme.goodCss : theme.badOnDarkCss, 1, true);
  }
  for (const b of m.branches)
    line(
      `⟲ ${t("debrief.step", { step: b.fromStep })}: ${b.labels.join(" → ")}${b.ending ? ` (${b.ending})` : ""}`,
      17,
      theme.inkDim,
      2,
    );
}
