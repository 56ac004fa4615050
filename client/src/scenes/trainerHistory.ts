import type { ClientMessage, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import { t } from "../i18n/t";
import { Button } from "../ui/Button";
import { fitText } from "../ui/fitText";
import { textStyle, theme } from "../ui/theme";
import type { HistoryRow } from "../viewModel/trainerModel";

/** The decisions so far, newest last, each with its rewind (per team in team play). */
export function drawHistory(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  view: TrainerView,
  history: HistoryRow[],
  cy: number,
  send: (message: ClientMessage) => void,
): void {
  d.add(scene.add.text(1500, cy + 10, t("trainer.history"), textStyle(24, theme.ink, { bold: true })));
  let hy = cy + 50;
  // Many teams get one line of text per decision, so every team keeps a rewind above the bottom edge.
  const lines = view.style === "teams" && view.teams.length > 3 ? 1 : 2;
  const rowH = lines * 24 + 62;
  // Newest last; as many as fit above the bottom edge.
  let fit = Math.max(1, Math.floor((1060 - hy) / rowH));
  // In team play every team keeps its latest decisions on screen, so any team's run can be rewound.
  const perTeam = Math.max(1, Math.floor(fit / Math.max(1, view.teams.length)));
  if (view.style !== "teams") {
    // Older decisions keep a small rewind button each ("⟲ 2"), four to a row, so every step stays reachable.
    const gridH = (older: number) => Math.ceil(older / 4) * 50;
    while (fit > 1 && history.length > fit && hy + gridH(history.length - fit) + fit * rowH > 1060) fit--;
    const older = history.slice(0, Math.max(0, history.length - fit));
    older.forEach((h, i) =>
      d.add(
        new Button(
          scene,
          1500 + (i % 4) * 96,
          hy + Math.floor(i / 4) * 50,
          { id: h.id, label: `⟲ ${h.stepIndex + 1}`, width: 88, height: 42, fontSize: 18, fill: 0xe5e9f2 },
          () => send(h.rewind),
        ),
      ),
    );
    hy += gridH(older.length);
  }
  const rows =
    view.style === "teams"
      ? view.teams.flatMap((team) => history.filter((h) => h.teamId === team.id).slice(-perTeam))
      : history.slice(-fit);
  for (const h of rows) {
    const text = fitText(
      scene.add.text(
        1500,
        hy,
        `${h.text}${h.split ? `  [${h.split}]` : ""}`,
        textStyle(18, theme.inkDim, { wrap: 380 }),
      ),
      lines,
    );
    d.add(text);
    hy += text.height + 6;
    d.add(
      new Button(
        scene,
        1500,
        hy,
        { id: h.id, label: h.rewindLabel, width: 380, height: 44, fontSize: 17, fill: 0xe5e9f2 },
        () => send(h.rewind),
      ),
    );
    hy += 56;
  }
}
