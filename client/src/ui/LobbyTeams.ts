import Phaser from "phaser";
import { fitText } from "./fitText";
import { textStyle, theme } from "./theme";

/** What the lobby's team board shows of a team: its name and how many trainees are in it, nothing else. */
export type LobbyTeam = { name: string; members: string };

/**
 * The teams waiting in the lobby, as a grid of cards (up to four a row) in the box from (x, y), `w` wide
 * and `h` high, under a heading; cards and type shrink as the teams multiply (the console splits up to 12).
 */
export class LobbyTeams extends Phaser.GameObjects.Container {
  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
    heading: string,
    teams: LobbyTeam[],
  ) {
    super(scene, x, y);
    const title = scene.add.text(0, 0, heading, textStyle(40, theme.inkDim, { bold: true }));
    this.add(title);
    const n = teams.length;
    const cols = n <= 4 ? Math.max(1, n) : n <= 6 ? 3 : 4;
    const rows = Math.ceil(n / cols);
    const gap = 16;
    const top = title.height + 12;
    const cardW = (w - (cols - 1) * gap) / cols;
    const cardH = Math.min(110, (h - top - (rows - 1) * gap) / Math.max(1, rows));
    const size = Math.round(Math.max(24, Math.min(40, cardH * 0.4)));
    const g = scene.add.graphics();
    this.add(g);
    const cards = teams.map((team, i) => {
      const cx = (i % cols) * (cardW + gap);
      const cy = top + Math.floor(i / cols) * (cardH + gap);
      g.fillStyle(i % 2 ? theme.panel : theme.panelLight, 1).fillRoundedRect(cx, cy, cardW, cardH, 16);
      const members = scene.add
        .text(
          cx + cardW - 20,
          cy + cardH / 2,
          team.members,
          textStyle(Math.max(22, size * 0.8), theme.inkDim),
        )
        .setOrigin(1, 0.5);
      const name = scene.add
        .text(cx + 20, cy + cardH / 2, team.name, textStyle(size, theme.ink, { bold: true }))
        .setOrigin(0, 0.5);
      this.add([name, members]);
      return { name, room: cardW - members.width - 56 };
    });
    // Every name at one size, the largest at which all stay clear of their member counts (down to 22 px);
    // a name still too long is cut at a word.
    let nameSize = size;
    for (; nameSize > 22 && cards.some((c) => c.name.width > c.room); nameSize--)
      for (const c of cards) c.name.setFontSize(nameSize - 1);
    for (const c of cards.filter((card) => card.name.width > card.room)) {
      c.name.setWordWrapWidth(c.room, true);
      fitText(c.name, 1);
    }
    this.setSize(w, h);
    scene.add.existing(this);
  }
}
