import Phaser from "phaser";
import type { AppState } from "../app/store";
import { saveReducedMotion } from "../app/prefs";
import { frameRequest, type OnDemandScene } from "../app/renderOnDemand";
import { app } from "../app/services";
import { A11yLayer } from "../a11y/A11yLayer";
import { announce } from "../a11y/announce";
import { t } from "../i18n/t";
import { closeReasonKey } from "../net/closeReason";
import { activateFocused, focusedId, hitObject, moveFocus } from "../ui/hitRegistry";
import { Button } from "../ui/Button";
import { textStyle, theme } from "../ui/theme";

/**
 * Common behaviour of every scene: redraw from the store on each change (once per frame), keyboard
 * focus with Tab/Enter, a connection banner, a toast for refusals, and the test hook's model. Frames are
 * drawn on demand (see wantsFrame): an idle phone in a workshop's discussion draws nothing.
 */
export abstract class BaseScene extends Phaser.Scene implements OnDemandScene {
  protected model: unknown;
  /** The scene's accessible DOM layer; a scene that renders into it hands the keyboard to the DOM. */
  protected a11y!: A11yLayer;
  /** Whether the layer also offers the scene's canvas-only buttons as DOM buttons. */
  protected mirrorTargets = true;
  private dirty = true;
  private banner?: Phaser.GameObjects.Text;
  private toast?: Phaser.GameObjects.Text;
  private lastErrorAt = 0;
  private lastBanner = "";
  /** Whether the next frame may differ from the last one drawn (see wantsFrame). */
  private frameWanted = true;
  private animatedLastTick = false;
  private lastScroll = "";

  /** Builds or updates the scene for the current state. */
  protected abstract draw(state: AppState): void;

  /** Whether animations should be skipped. */
  protected get instant(): boolean {
    return app().store.get().reducedMotion;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(theme.bg);
    this.a11y = new A11yLayer(this, { mirrorTargets: this.mirrorTargets });
    const unsubscribe = app().store.subscribe(() => (this.dirty = true));
    this.events.once("shutdown", unsubscribe);
    this.scale.on("resize", this.onResize, this);
    this.events.once("shutdown", () => this.scale.off("resize", this.onResize, this));
    const kb = this.input.keyboard;
    kb?.on("keydown", (e: KeyboardEvent) => this.onKey(e));
    this.dirty = true;
    // What changes pixels outside a redraw: hover and press on buttons, keys (focus), widgets that say so.
    for (const event of ["pointermove", "pointerdown", "pointerup", "wheel", "gameout"])
      this.input.on(event, this.requestFrame);
    kb?.on("keyup", this.requestFrame);
    this.events.on(frameRequest, this.requestFrame);
    this.events.once("shutdown", () => this.events.off(frameRequest, this.requestFrame));
    this.frameWanted = true;
  }

  /** Asks for the next frame to be drawn without redrawing the scene (its objects changed by themselves). */
  protected readonly requestFrame = (): void => {
    this.frameWanted = true;
  };

  /**
   * Whether the next frame may differ from the last one drawn: after a redraw, an input event or a widget's
   * request, while tweens run (plus one frame after they end) and when the camera scrolled. renderOnDemand
   * (phaserApp.ts) asks this after every update.
   */
  wantsFrame(): boolean {
    const animating = this.tweens.getTweens().length > 0;
    const cam = this.cameras.main;
    const scroll = `${cam.scrollX},${cam.scrollY}`;
    const want = this.frameWanted || animating || this.animatedLastTick || scroll !== this.lastScroll;
    this.frameWanted = false;
    this.animatedLastTick = animating;
    this.lastScroll = scroll;
    return want;
  }

  private readonly onResize = (): void => {
    this.dirty = true;
  };

  override update(): void {
    this.a11y.sync();
    if (!this.dirty) return;
    this.dirty = false;
    const state = app().store.get();
    this.draw(state);
    this.drawStatus(state);
    this.restoreFocus();
    this.frameWanted = true;
  }

  /** Asks for a redraw on the next frame. */
  protected invalidate(): void {
    this.dirty = true;
  }

  /** Scene-specific keys (shortcuts); return true when handled. */
  protected onShortcut(_e: KeyboardEvent): boolean {
    return false;
  }

  private onKey(e: KeyboardEvent): void {
    // Typing in a form field must not trigger canvas shortcuts.
    const target = e.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    // A page with an accessible layer, or focus on any page element (a form's button), leaves Tab, Enter
    // and Space to the browser: taking them here trapped the focus on the home page's Join button.
    const inDom =
      this.a11y.active || (target !== null && target !== document.body && target.tagName !== "CANVAS");
    if (inDom && (e.key === "Tab" || e.key === "Enter" || e.key === " ")) return;
    if (e.key === "Tab") {
      e.preventDefault();
      moveFocus(e.shiftKey ? -1 : 1);
      this.restoreFocus();
      this.scrollToFocus();
    } else if (e.key === "Enter" || e.key === " ") {
      if (focusedId()) {
        e.preventDefault();
        activateFocused();
      }
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey) {
      if (this.onShortcut(e)) return;
      // M toggles reduced motion on any screen (the home page has a checkbox for it too).
      if (e.key === "m" || e.key === "M") {
        const on = !app().store.get().reducedMotion;
        saveReducedMotion(on);
        app().store.update({ reducedMotion: on });
      }
    }
  }

  private restoreFocus(): void {
    const id = focusedId();
    this.children.each((c) => {
      if (c instanceof Button) c.setFocused(false);
    });
    const obj = id ? hitObject(id) : undefined;
    if (obj instanceof Button) obj.setFocused(true);
  }

  /** Scrolls a long page so the focused element is visible (phones scroll; stages do not). */
  protected scrollToFocus(): void {}

  private drawStatus(state: AppState): void {
    const { width } = this.scale;
    const big = width >= 1000;
    const msg =
      state.status === "reconnecting"
        ? t("conn.reconnecting")
        : state.status === "lost"
          ? t("conn.lost")
          : state.status === "kicked"
            ? t(closeReasonKey(state.closeCode))
            : state.status === "connecting"
              ? t("conn.connecting")
              : "";
    if (msg !== this.lastBanner) {
      this.lastBanner = msg;
      if (msg) announce(msg);
    }
    this.banner?.destroy();
    this.banner = undefined;
    if (msg) {
      this.banner = this.add
        .text(width / 2, 8, `⚠ ${msg}`, {
          ...textStyle(big ? 30 : 18, theme.inkDark, { bold: true, align: "center", wrap: width - 40 }),
          backgroundColor: "#ffd166",
          padding: { x: 16, y: 8 },
        })
        .setOrigin(0.5, 0)
        .setScrollFactor(0)
        .setDepth(1000);
    }
    if (state.error && state.error.at !== this.lastErrorAt) {
      this.lastErrorAt = state.error.at;
      announce(state.error.message);
      this.toast?.destroy();
      this.toast = this.add
        .text(width / 2, this.scale.height - 16, state.error.message, {
          ...textStyle(big ? 26 : 16, "#ffffff", { bold: true, align: "center", wrap: width - 60 }),
          backgroundColor: "#9d0208",
          padding: { x: 14, y: 8 },
        })
        .setOrigin(0.5, 1)
        .setScrollFactor(0)
        .setDepth(1000);
      const toast = this.toast;
      this.time.delayedCall(5000, () => {
        toast.destroy();
        this.requestFrame();
      });
    }
  }
}
