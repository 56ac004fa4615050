import type Phaser from "phaser";
import { t } from "../i18n/t";
import { rewindWords, type RewindCue } from "../viewModel/rewindCue";
import { textStyle, theme } from "./theme";

/** How long a rewind's cue stays up (ms): long enough to read twice, short enough not to cover the step. */
export const rewindCueMs = 4000;

/** What the overlay shows now: a paused session, and a rewind seen at `at` (page ms). */
export type OverlayInput = {
  paused: boolean;
  rewound?: { cue: RewindCue; at: number };
  now: number;
  reduced: boolean;
};

/**
 * Session-wide cues drawn over a scene (the wall and the phones): a paused session dims everything under a
 * large "Paused" with a pause mark, and a rewind shows a banner with a rewind mark for a few seconds. Drawn
 * in screen space above the scene and below the connection banner; rebuilt when its input changes or when
 * the scene cleared its objects.
 */
export class SessionOverlay {
  private objects: Phaser.GameObjects.GameObject[] = [];
  private key = "";
  private expiry?: Phaser.Time.TimerEvent;

  constructor(
    private readonly scene: Phaser.Scene,
    /** Asks the scene to draw again (when the rewind cue's time is up). */
    private readonly redraw: () => void,
  ) {}

  /** Brings the overlay in line with `input`. */
  sync(input: OverlayInput): void {
    const cue = input.rewound && input.now - input.rewound.at < rewindCueMs ? input.rewound : undefined;
    const { width, height } = this.scene.scale;
    const key = JSON.stringify([input.paused, cue, width, height, t("seq.paused")]);
    const gone = this.objects.some((o) => !o.scene);
    if (key === this.key && !gone) return;
    const fresh = cue !== undefined && !this.key.includes(JSON.stringify(cue));
    this.key = key;
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.expiry?.remove();
    this.expiry = undefined;
    if (input.paused) this.drawPaused(width, height);
    if (cue) {
      this.drawRewind(cue.cue, width, fresh && !input.reduced);
      this.expiry = this.scene.time.delayedCall(rewindCueMs - (input.now - cue.at) + 20, () => this.redraw());
    }
  }

  private keep<T extends Phaser.GameObjects.GameObject>(obj: T, depth: number): T {
    (obj as unknown as Phaser.GameObjects.Components.Depth).setDepth(depth);
    (obj as unknown as Phaser.GameObjects.Components.ScrollFactor).setScrollFactor(0);
    this.objects.push(obj);
    return obj;
  }

  private drawPaused(width: number, height: number): void {
    const big = width >= 1000;
    const s = this.scene;
    this.keep(s.add.rectangle(0, 0, width, height, theme.bg, 0.85).setOrigin(0, 0), 900);
    const cy = height * (big ? 0.42 : 0.38);
    const bar = big ? 34 : 18;
    const barH = big ? 150 : 76;
    // A solid card behind the words: the dimmed scene must not read through them.
    const cardW = Math.min(width - 24, big ? 1100 : 360);
    const cardTop = cy - barH * 1.6;
    const cardH = barH * 1.6 + (big ? 300 : 150);
    const card = s.add.graphics();
    card.fillStyle(theme.panel, 1).fillRoundedRect((width - cardW) / 2, cardTop, cardW, cardH, big ? 36 : 20);
    card.lineStyle(big ? 6 : 3, theme.accent, 1);
    card.strokeRoundedRect((width - cardW) / 2, cardTop, cardW, cardH, big ? 36 : 20);
    this.keep(card, 901);
    const mark = s.add.graphics();
    mark.fillStyle(theme.accent, 1);
    mark.fillRoundedRect(-bar * 1.6, -barH / 2, bar, barH, bar / 3);
    mark.fillRoundedRect(bar * 0.6, -barH / 2, bar, barH, bar / 3);
    mark.setPosition(width / 2, cy - barH * 0.9);
    this.keep(mark, 901);
    this.keep(
      s.add
        .text(width / 2, cy, t("seq.paused"), textStyle(big ? 130 : 56, theme.ink, { bold: true }))
        .setOrigin(0.5, 0),
      901,
    );
    this.keep(
      s.add
        .text(
          width / 2,
          cy + (big ? 170 : 76),
          t("seq.pausedHint"),
          textStyle(big ? 44 : 22, theme.inkDim, { align: "center", wrap: cardW - 40 }),
        )
        .setOrigin(0.5, 0),
      901,
    );
  }

  private drawRewind(cue: RewindCue, width: number, animate: boolean): void {
    const big = width >= 1000;
    const s = this.scene;
    const words = rewindWords(cue);
    const pad = big ? 28 : 14;
    const markW = big ? 96 : 44;
    const maxW = Math.min(width - 24, big ? 1500 : 560);
    const textW = maxW - markW - pad * 3;
    const title = s.add.text(
      0,
      0,
      words.title,
      textStyle(big ? 56 : 26, theme.inkDark, { bold: true, wrap: textW }),
    );
    const detail = words.detail
      ? s.add.text(0, 0, words.detail, textStyle(big ? 36 : 18, theme.inkDark, { wrap: textW }))
      : undefined;
    const textH = title.height + (detail ? detail.height + 6 : 0);
    const boxW = Math.min(maxW, markW + pad * 3 + Math.max(title.width, detail?.width ?? 0));
    const boxH = Math.max(textH, markW * 0.7) + pad * 2;
    const x0 = (width - boxW) / 2;
    const y0 = big ? 150 : 56;
    const box = s.add.container(0, 0);
    const g = s.add.graphics();
    g.fillStyle(0x000000, 0.35).fillRoundedRect(x0 + 6, y0 + 8, boxW, boxH, 22);
    g.fillStyle(theme.accent, 1).fillRoundedRect(x0, y0, boxW, boxH, 22);
    g.lineStyle(big ? 5 : 3, 0xffffff, 1).strokeRoundedRect(x0, y0, boxW, boxH, 22);
    // The rewind mark: two triangles pointing back, like a player's ⏪ button (drawn: no emoji font needed).
    const mx = x0 + pad;
    const my = y0 + boxH / 2;
    const h = markW * 0.62;
    g.fillStyle(theme.bg, 1);
    g.fillTriangle(mx, my, mx + markW / 2, my - h / 2, mx + markW / 2, my + h / 2);
    g.fillTriangle(mx + markW / 2, my, mx + markW, my - h / 2, mx + markW, my + h / 2);
    title.setPosition(mx + markW + pad, y0 + (boxH - textH) / 2);
    box.add([g, title]);
    if (detail) {
      detail.setPosition(title.x, title.y + title.height + 6);
      box.add(detail);
    }
    this.keep(box, 950);
    if (animate) {
      box.setAlpha(0).setY(-20);
      s.tweens.add({ targets: box, alpha: 1, y: 0, duration: 300, ease: "Back.easeOut" });
    }
  }
}
