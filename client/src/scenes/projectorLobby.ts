import type Phaser from "phaser";
import { t } from "../i18n/t";
import { LobbyTeams } from "../ui/LobbyTeams";
import { QrCode } from "../ui/QrCode";
import { textStyle, theme } from "../ui/theme";
import type { ProjectorModel } from "../viewModel/projectorModel";
import { lobbyNameCloud } from "./projectorExtras";

/**
 * The wall while the class joins: the address, the big code, the count and the QR code, then the teams
 * formed so far or the names arriving; with joining locked, just the lobby (and the teams).
 */
export function drawLobby(scene: Phaser.Scene, d: Phaser.GameObjects.Container, model: ProjectorModel): void {
  // Teams formed in the lobby are listed by name and member count: never who is in which team.
  const teams = model.teams?.map(({ name, members }) => ({ name, members }));
  if (!model.join) {
    d.add(
      scene.add
        .text(960, teams ? 300 : 540, t("phase.lobby"), textStyle(64, theme.ink, { bold: true }))
        .setOrigin(0.5),
    );
    if (teams) d.add(new LobbyTeams(scene, 120, 420, 1680, 600, t("projector.teams"), teams));
    return;
  }
  d.add(
    scene.add.text(
      120,
      200,
      t("projector.joinAt", { url: "" }).trim(),
      textStyle(52, theme.inkDim, { bold: true }),
    ),
  );
  d.add(
    scene.add.text(
      120,
      270,
      model.join.url.replace(/^https?:\/\//, "").replace(/\/join\/.*$/, ""),
      textStyle(64, theme.ink, { bold: true }),
    ),
  );
  d.add(scene.add.text(120, 400, t("projector.code"), textStyle(52, theme.inkDim, { bold: true })));
  const code = scene.add.text(
    110,
    460,
    model.join.code.split("").join(" "),
    textStyle(180, theme.accentCss, { bold: true }),
  );
  // Wide letters (W, M) must not run under the QR code.
  if (code.width > 1160) code.setFontSize(Math.floor((180 * 1160) / code.width));
  d.add(code);
  d.add(scene.add.text(120, 720, model.join.count, textStyle(56, theme.ink, { bold: true })));
  // The title is already at the top; with teams, its second mention gives way to the team board.
  if (teams) d.add(new LobbyTeams(scene, 120, 830, 1680, 230, t("projector.teams"), teams));
  else if (model.names) d.add(lobbyNameCloud(scene, 120, 800, 1680, 250, model.names));
  else d.add(scene.add.text(120, 820, model.title, textStyle(40, theme.inkDim, { wrap: 1000 })));
  const qr = new QrCode(scene, 1300, 220, model.join.url, 520);
  d.add(qr);
}
