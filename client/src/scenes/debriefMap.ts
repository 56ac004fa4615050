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
  // A rewind's abandoned branches are the point of the discussion: their rows are kept free, and a long
  // path gives up its last steps first (the map still shows every step).
  const branchRows = Math.min(m.branches.length * 46, h / 2);
  let limit = bottom;
  const line = (text: string, size: number, color: string, lines = 1, bold = false) => {
    if (ly + size * 1.3 > limit) return false;
    const o = fitText(scene.add.text(lx, ly, text, textStyle(size, color, { wrap: lw, bold })), lines);
    ly += o.height + 4;
    return true;
  };
  if (m.teams.length) {
    m.teams.forEach((team, i) => {
      const colour = `#${(teamColours[i % teamColours.length] ?? theme.accent).toString(16).padStart(6, "0")}`;
      line(`■ ${team.name}`, 22, colour, 1, true);
      line(team.steps.map((s) => `${s.n}. ${s.label}`).join("  "), 17, theme.inkDim, 2);
      const branches = view.role !== "trainee" ? (view.teams[i]?.branches ?? []) : [];
      for (const b of branches)
        line(
          `⟲ ${t("debrief.step", { step: b.fromStep + 1 })}: ${b.steps.map((s) => s.label).join(" → ")}`,
          16,
          theme.inkDim,
          1,
        );
    });
    return;
  }
  limit = bottom - branchRows;
  for (const [i, s] of m.steps.entries()) {
    // Room for this step (two lines) and its techniques, and if more follow for the line that counts them.
    const last = i === m.steps.length - 1;
    if (ly + 50 + (s.tags.length ? 24 : 0) + (last ? 0 : 26) > limit) {
      line(`… +${m.steps.length - i}`, 17, theme.inkDim);
      break;
    }
    line(`${s.n}. ${s.label}`, 19, theme.ink, 2);
    if (!s.tags.length) continue;
    // Techniques green and defence mechanisms red on one line, each still marked ✔ or ✖.
    let tx = lx;
    let rowH = 0;
    for (const good of [true, false]) {
      const names = s.tags.filter((b) => b.good === good).map((b) => b.short);
      if (!names.length || tx >= lx + lw) continue;
      const o = fitText(
        scene.add.text(
          tx,
          ly,
          names.join(" · "),
          textStyle(16, good ? theme.goodCss : theme.badOnDarkCss, { bold: true, wrap: lx + lw - tx }),
        ),
        1,
      );
      tx += o.width + 12;
      rowH = Math.max(rowH, o.height);
    }
    ly += rowH + 4;
  }
  limit = bottom;
  for (const b of m.branches)
    line(
      `⟲ ${t("debrief.step", { step: b.fromStep })}: ${b.labels.join(" → ")}${b.ending ? ` (${b.ending})` : ""}`,
      17,
      theme.inkDim,
      2,
    );
}
