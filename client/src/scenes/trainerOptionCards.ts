import type { ClientMessage, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import { t } from "../i18n/t";
import { Button } from "../ui/Button";
import { fitText } from "../ui/fitText";
import { textStyle, theme } from "../ui/theme";
import { tieCounts } from "../viewModel/revealModel";
import type { trainerModel } from "../viewModel/trainerModel";

/**
 * A tied vote, said plainly above the options: the tied answers with their votes, what the trainer does
 * now, and the draw right there (each tied option's card has its own "Pick this"). Returns the y below.
 */
export function drawTieBanner(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  view: TrainerView,
  top: number,
  send: (m: ClientMessage) => void,
): number {
  if (view.phase !== "closed" || view.tiedOptionIds.length < 2) return top;
  const counts = tieCounts(view.options, view.tally, view.tiedOptionIds);
  const text = fitText(
    scene.add.text(676, top + 14, t("tie.console", { counts }), {
      ...textStyle(22, theme.inkDark, { bold: true, wrap: 540 }),
      lineSpacing: 2,
    }),
    4,
  );
  const h = Math.max(84, text.height + 28);
  const g = scene.add.graphics();
  g.fillStyle(theme.accent, 1).fillRoundedRect(660, top, 800, h, 12);
  const draw = new Button(
    scene,
    1236,
    top + (h - 60) / 2,
    {
      id: "tie.draw",
      label: t("tie.draw"),
      width: 210,
      height: 60,
      fontSize: 20,
      fill: theme.good,
      enabled: view.controls.breakTie,
    },
    () => send({ type: "trainer.breakTie", draw: true }),
  );
  d.add([g, text, draw]);
  return top + h + 8;
}

/** One card per option with its effects, votes and the override button; returns the y below the last. */
export function drawOptionCards(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  view: TrainerView,
  model: ReturnType<typeof trainerModel>,
  top: number,
  lines: number,
  send: (m: ClientMessage) => void,
): number {
  let oy = top;
  const tied = new Set(view.tiedOptionIds);
  model.previews.forEach((p, i) => {
    const g = scene.add.graphics();
    const label = fitText(
      scene.add.text(
        680,
        oy + 10,
        `${i + 1}. ${p.label}`,
        textStyle(22, theme.ink, { bold: true, wrap: 500 }),
      ),
      lines,
    );
    const fx = scene.add.text(
      680,
      oy + 16 + label.height,
      p.effects,
      textStyle(18, theme.inkDim, { wrap: 500 }),
    );
    // Techniques in green and defence mechanisms in red, each still marked ✔ or ✖.
    const tags: Phaser.GameObjects.Text[] = [];
    let ty = fx.y + fx.height;
    let tx = 680;
    let tagsBottom = ty;
    for (const good of [true, false]) {
      const names = p.badges.filter((b) => b.good === good).map((b) => b.short);
      if (!names.length) continue;
      const tag = scene.add.text(
        tx,
        ty,
        names.join("  "),
        textStyle(18, good ? theme.goodCss : theme.badOnDarkCss, { bold: true, wrap: 500 }),
      );
      if (tx > 680 && tx + tag.width > 1180) {
        tx = 680;
        ty = tagsBottom;
        tag.setPosition(tx, ty);
      }
      tx += tag.width + 14;
      tagsBottom = Math.max(tagsBottom, tag.y + tag.height);
      tags.push(tag);
    }
    const h = Math.max(84, tagsBottom - oy + 12);
    g.fillStyle(tied.has(p.id) ? 0x5a4a1f : theme.panel, 1).fillRoundedRect(660, oy, 800, h, 12);
    const votes = scene.add
      .text(1232, oy + 12, `${p.votes}`, textStyle(34, theme.accentCss, { bold: true }))
      .setOrigin(1, 0);
    const breakTie = view.phase === "closed" && tied.has(p.id);
    const btn = new Button(
      scene,
      1244,
      oy + 12,
      {
        id: `override.${p.id}`,
        label: breakTie ? t("tie.pick") : `▶ ${t("trainer.override")}`,
        width: 204,
        height: Math.min(60, h - 24),
        fontSize: 16,
        fill: 0xe5e9f2,
        enabled: breakTie ? view.controls.breakTie : view.controls.override,
      },
      () =>
        send(
          breakTie
            ? { type: "trainer.breakTie", optionId: p.id }
            : { type: "trainer.override", optionId: p.id },
        ),
    );
    d.add([g, label, fx, ...tags, votes, btn]);
    oy += h + 10;
  });
  return oy;
}
