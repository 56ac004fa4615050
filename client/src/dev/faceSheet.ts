import type { Emotion, ResolvedLook } from "@hotseat/shared";
import Phaser from "phaser";
import { setLocale, type UiLocale } from "../i18n/t";
import { CustomerFace } from "../ui/CustomerFace";
import { textStyle, theme } from "../ui/theme";
import { customerFeeling, feelingFor, feelings } from "../viewModel/customerFeeling";

/** One persona row of the sheet, as the sheet's test passes it in. */
export type SheetPersona = { scenario: string; name: string; look: ResolvedLook; locale: UiLocale };

declare global {
  interface Window {
    __faceSheet?: { personas: SheetPersona[]; done?: boolean };
  }
}

// An emotion and a mood that show each feeling, in the order of the sheet's columns.
const examples: [Emotion, number][] = [
  ["anger", 12],
  ["contempt", 25],
  ["disappointment", 30],
  ["regret", 30],
  ["fear", 25],
  ["anger", 65],
  ["contempt", 55],
  ["disappointment", 50],
  ["regret", 45],
  ["fear", 50],
  ["calm", 27],
  ["calm", 55],
  ["pleased", 30],
  ["pleased", 65],
  ["delighted", 90],
];
if (examples.map(([e, m]) => feelingFor(e, m)).join() !== feelings.join())
  throw new Error("sheet columns out of date");

const radius = 84;
const cellW = 2 * radius + 62;
const cellH = 2 * radius + 96;
const headW = 250;

/**
 * A development page (client/faces.html, not part of the build): every persona of the shipped scenarios
 * in every feeling, with the words shown beside the face in English and in the scenario's other language,
 * so the looks and expressions can be judged on one sheet (tests/e2e/faceSheet.test.ts screenshots it).
 */
class SheetScene extends Phaser.Scene {
  create(): void {
    const personas = window.__faceSheet?.personas ?? [];
    personas.forEach((p, row) => {
      const y = 20 + row * cellH;
      this.add.text(16, y + 20, p.name, textStyle(34, theme.ink, { bold: true }));
      this.add.text(16, y + 66, p.scenario, textStyle(20, theme.inkDim, { wrap: headW - 30 }));
      const l = p.look;
      const lookText = [
        l.age,
        l.gender,
        `${l.hairColour} ${l.hair}`,
        `${l.skin} skin`,
        l.glasses === "none" ? "" : `${l.glasses} glasses`,
        l.facialHair === "none" ? "" : l.facialHair,
        `${l.clothesColour} ${l.clothes}`,
      ]
        .filter(Boolean)
        .join(", ");
      this.add.text(16, y + 100, lookText, textStyle(17, theme.inkDim, { wrap: headW - 30 }));
      examples.forEach(([emotion, mood], col) => {
        const x = headW + col * cellW + cellW / 2;
        new CustomerFace(this, x, y + radius + 6, radius, l).show(mood, emotion, true);
        setLocale("en");
        const en = customerFeeling(emotion, mood, l.gender);
        setLocale(p.locale);
        const local = customerFeeling(emotion, mood, l.gender);
        setLocale("en");
        const cy = y + 2 * radius + 14;
        this.add
          .text(x, cy, `${en.word} · ${mood} ${en.moodWord}`, textStyle(17, theme.ink, { bold: true }))
          .setOrigin(0.5, 0);
        this.add
          .text(x, cy + 24, `${local.word} · ${local.moodWord}`, textStyle(16, theme.accentCss))
          .setOrigin(0.5, 0);
        this.add.text(x, cy + 48, `${emotion} @ ${mood}`, textStyle(14, theme.inkDim)).setOrigin(0.5, 0);
      });
    });
    // One frame is the whole sheet: stop the loop so the screenshot does not wait on 90 faces redrawn.
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      this.game.loop.sleep();
      if (window.__faceSheet) window.__faceSheet.done = true;
    });
  }
}

const count = window.__faceSheet?.personas.length ?? 0;
/** The sheet's size in pixels, so the page can be sized to it. */
export const sheetSize = {
  width: headW + examples.length * cellW + 10,
  height: 30 + Math.max(1, count) * cellH,
};
new Phaser.Game({
  // The renderer these machines' projectors use (software WebGL is refused by rendererChoice).
  type: Phaser.CANVAS,
  parent: "sheet",
  backgroundColor: theme.bg,
  ...sheetSize,
  render: { antialias: true },
  scene: SheetScene,
});
