import type Phaser from "phaser";
import { CustomerFace } from "../ui/CustomerFace";
import { fitText } from "../ui/fitText";
import { outcomeLook, outcomeTextCss } from "../ui/ScenarioMap";
import { textStyle, theme } from "../ui/theme";
import type { ProjectorModel } from "../viewModel/projectorModel";

/**
 * The team board on the wall: one row per team with its customer's face, feeling and current line, its
 * mood and cost, and how its run ended in the ending's own colour and mark (the debrief's colours).
 */
export function drawTeamBoard(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  model: ProjectorModel,
): void {
  const rows = model.teams ?? [];
  // Rows share the wall's height: two or three teams get room for their customer's whole line.
  const rowH = Math.min(300, 880 / Math.max(1, rows.length));
  const big = rowH >= 170;
  rows.forEach((row, i) => {
    const y = 170 + i * rowH;
    const h = rowH - 16;
    const g = scene.add.graphics();
    g.fillStyle(i % 2 ? theme.panel : theme.panelLight, 1).fillRoundedRect(60, y, 1800, h, 20);
    if (row.outcome) {
      // The ending's colour down the row's edge, as on the debrief's map.
      g.fillStyle(outcomeLook[row.outcome].colour, 1).fillRoundedRect(60, y, 14, h, {
        tl: 20,
        bl: 20,
        tr: 0,
        br: 0,
      });
    }
    const r = Math.min(96, (h - 24) / 2);
    const face = new CustomerFace(scene, 60 + 34 + r, y + h / 2, r, model.look);
    face.show(row.moodValue, row.emotion, true);
    d.add([g, face]);
    const nameX = 60 + 34 + 2 * r + 30;
    const name = scene.add.text(nameX, y + 12, row.name, textStyle(big ? 40 : 32, theme.ink, { bold: true }));
    fitText(name.setWordWrapWidth(300, true), 1);
    d.add(name);
    d.add(
      scene.add.text(nameX, name.y + name.height + 4, `${row.members}\n${row.step}`, {
        ...textStyle(24, theme.inkDim),
        lineSpacing: 2,
      }),
    );
    // The customer: the feeling's word, then what they say now (as many lines as the row holds).
    const lineX = 640;
    const lineW = 1380 - lineX;
    const feeling = scene.add.text(
      lineX,
      y + 12,
      row.feeling,
      textStyle(big ? 30 : 26, theme.accentCss, { bold: true }),
    );
    d.add(feeling);
    if (row.says) {
      const size = big ? 30 : 24;
      const says = scene.add.text(lineX, feeling.y + feeling.height + 4, `“${row.says}”`, {
        ...textStyle(size, theme.ink, { wrap: lineW }),
        lineSpacing: 2,
      });
      fitText(says, Math.max(1, Math.floor((y + h - 8 - says.y) / (size * 1.2 + 2))));
      d.add(says);
    }
    // Meters and the ending, right-aligned.
    const size = big ? 32 : 26;
    const right = 1836;
    const mood = scene.add
      .text(right, y + 12, row.mood, textStyle(size, theme.ink, { bold: true }))
      .setOrigin(1, 0);
    const cost = scene.add
      .text(right, mood.y + mood.height + 2, row.cost, textStyle(size, theme.accentCss, { bold: true }))
      .setOrigin(1, 0);
    const status = scene.add
      .text(
        right,
        cost.y + cost.height + 4,
        row.outcome ? `${outcomeLook[row.outcome].mark} ${row.status}` : row.status,
        textStyle(big ? 28 : 24, row.outcome ? outcomeTextCss[row.outcome] : theme.inkDim, {
          bold: true,
          align: "right",
          wrap: 440,
        }),
      )
      .setOrigin(1, 0);
    fitText(status, Math.max(1, Math.floor((y + h - 6 - status.y) / ((big ? 28 : 24) * 1.2))));
    d.add([mood, cost, status]);
  });
}
