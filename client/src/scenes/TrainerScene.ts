import type { ClientMessage, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import type { AppState } from "../app/store";
import { app } from "../app/services";
import type { MessageKey } from "../i18n/en";
import { getLocale, t } from "../i18n/t";
import { Button } from "../ui/Button";
import { fitText } from "../ui/fitText";
import { CustomerFace } from "../ui/CustomerFace";
import { textStyle, theme } from "../ui/theme";
import { lookOfView } from "../viewModel/customerFeeling";
import { formatMoney } from "../viewModel/money";
import { teamPreviews } from "../viewModel/teamPreviewModel";
import { removeTrainerRemote, updateTrainerRemote, wantsRemote } from "./trainerRemote";
import { trainerModel, visibleControls } from "../viewModel/trainerModel";
import { sceneFor } from "../app/sceneFor";
import { playStyleChoices } from "../viewModel/playStyles";
import { BaseScene } from "./BaseScene";
import { revealHeadline } from "../viewModel/revealModel";
import { drawHistory } from "./trainerHistory";
import { drawOptionCards, drawTieBanner } from "./trainerOptionCards";
import { RosterPanel } from "./trainerRosterPanel";
import { buildSetupPanel } from "./trainerSetupPanel";
import { buildTeamsPanel, removeTeamsPanel } from "./trainerTeamsPanel";

/**
 * The trainer's console (laptop, 1920x1080 stage): scenario library and upload with diagnostics, roster,
 * play style, vote/reveal/next/pause/end with keyboard shortcuts, option effects preview, override, rewind.
 */
export class TrainerScene extends BaseScene {
  private dynamic?: Phaser.GameObjects.Container;
  private face?: CustomerFace;
  private lastKey = "";
  private roster?: RosterPanel;
  private teamCount = 2;
  private setupBuilt = false;

  constructor() {
    super("trainer");
  }

  override create(): void {
    super.create();
    // A scene restarted from the debrief (e.g. after a rewind) must draw again even if the view is the same.
    this.lastKey = "";
    this.children.removeAll(true);
    this.face = new CustomerFace(this, 760, 190, 80);
    this.face.setIdle(!this.instant);
    this.dynamic = this.add.container(0, 0);
    this.setupBuilt = false;
    this.roster = new RosterPanel(this, (m) => this.send(m));
    this.events.once("shutdown", removeTrainerRemote);
    // The stage keeps its 1920x1080 game size however the window changes, so watch the window itself
    // to swap between the laptop console and the phone remote.
    const onWindowResize = () => this.invalidate();
    window.addEventListener("resize", onWindowResize);
    this.events.once("shutdown", () => window.removeEventListener("resize", onWindowResize));
  }

  private send(message: ClientMessage): void {
    app().conn.send(message);
  }

  protected draw(state: AppState): void {
    const view = state.view?.role === "trainer" ? state.view : undefined;
    if (!view) return;
    if (sceneFor(view) !== this.scene.key) {
      this.scene.start(sceneFor(view));
      return;
    }
    if (!this.setupBuilt) this.buildSetupPanel(view);
    this.roster?.update(view);
    const model = trainerModel(view, this.teamCount);
    this.model = { ...model, phase: view.phase, style: view.style, stepIndex: view.stepIndex };
    // On a phone the laptop layout would be unreadably small: a remote control lies over it instead.
    if (wantsRemote()) updateTrainerRemote(view, model, (m) => this.send(m));
    else removeTrainerRemote();
    const key = JSON.stringify([view, state.locale, this.teamCount]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const setup = document.getElementById("setup-panel");
    if (setup) setup.style.display = view.phase === "lobby" ? "flex" : "none";
    this.drawDynamic(view, model);
  }

  private drawDynamic(view: TrainerView, model: ReturnType<typeof trainerModel>): void {
    this.dynamic?.destroy();
    const d = this.add.container(0, 0);
    this.dynamic = d;
    const code = view.joinCode;
    d.add(
      this.add.text(
        40,
        20,
        `${t("trainer.title")} · ${view.scenario?.title ?? "—"}`,
        textStyle(32, theme.ink, { bold: true }),
      ),
    );
    d.add(
      this.add.text(
        40,
        64,
        t("trainer.joinUrl", { url: app().conn.joinUrlFor(code), code }),
        textStyle(24, theme.accentCss, { bold: true }),
      ),
    );
    d.add(this.add.text(1880, 24, model.status, textStyle(26, theme.inkDim, { bold: true })).setOrigin(1, 0));

    // Style buttons (lobby) — what kind of play.
    if (view.phase === "lobby") {
      this.face?.setVisible(false);
      d.add(this.add.text(660, 120, t("trainer.style"), textStyle(26, theme.ink, { bold: true })));
      playStyleChoices().forEach(({ style, label }, i) => {
        d.add(
          new Button(
            this,
            660 + (i % 2) * 400,
            160 + Math.floor(i / 2) * 80,
            {
              id: `style.${style}`,
              label,
              width: 380,
              height: 64,
              fontSize: 22,
              selected: view.style === style,
              fill: view.style === style ? theme.accent : 0xe5e9f2,
            },
            () => this.send({ type: "trainer.setStyle", style }),
          ),
        );
      });
      if (view.style === "teams") {
        [2, 3, 4, 5, 6].forEach((n, i) =>
          d.add(
            new Button(
              this,
              660 + i * 120,
              340,
              {
                id: `teams.${n}`,
                label: `${n}`,
                width: 100,
                height: 56,
                fontSize: 24,
                selected: this.teamCount === n,
                fill: 0xe5e9f2,
              },
              () => {
                this.teamCount = n;
                this.invalidate();
              },
            ),
          ),
        );
      }
    }

    // Controls column.
    let cy = 120;
    for (const c of visibleControls(view, model.controls)) {
      d.add(
        new Button(
          this,
          1500,
          cy,
          {
            id: c.id,
            label: c.label,
            width: 380,
            height: 58,
            fontSize: 22,
            enabled: c.enabled,
            ...(c.id === "ctl.tieDraw" ? { fill: theme.good } : {}),
          },
          () => this.send(c.message),
        ),
      );
      cy += 68;
    }

    if (view.phase === "lobby") {
      removeTeamsPanel();
      d.add(this.add.text(660, 430, t("trainer.shortcuts"), textStyle(22, theme.inkDim, { wrap: 800 })));
      return;
    }
    if (view.style === "teams") {
      // Every team has its own customer and options: one card each instead of the class step below.
      this.face?.setVisible(false);
      d.add(this.add.text(660, 120, t("trainer.effects"), textStyle(24, theme.inkDim, { bold: true })));
      buildTeamsPanel(this, teamPreviews(view), { x: 660, y: 154, w: 800, h: 906 });
    } else {
      removeTeamsPanel();
      this.drawClassStep(d, view, model);
    }
    drawHistory(this, d, view, model.history, cy, (m) => this.send(m));
  }

  /** The class's current step: the customer, the meters, each option's effects with override buttons. */
  private drawClassStep(
    d: Phaser.GameObjects.Container,
    view: TrainerView,
    model: ReturnType<typeof trainerModel>,
  ): void {
    // Current step: each block starts below the one above it, so a long customer line pushes the rest down.
    this.face?.setVisible(Boolean(view.customer));
    let y = 290;
    if (view.customer) {
      this.face?.setLook(lookOfView(view));
      this.face?.setIdle(!this.instant);
      this.face?.show(view.meters?.mood ?? 50, view.customer.emotion, this.instant);
      const line = fitText(
        this.add.text(860, 120, `${view.customer.name}: “${view.customer.line}”`, {
          ...textStyle(26, theme.ink, { wrap: 600 }),
          lineSpacing: 4,
        }),
        7,
      );
      d.add(line);
      y = Math.max(y, 120 + line.height + 14);
    }
    if (view.meters) {
      const m = view.meters;
      const currency = view.scenario?.currency ?? "EUR";
      d.add(
        this.add.text(
          660,
          y,
          `${t("meter.mood")} ${Math.round(m.mood)} · ${t("meter.cost")} ${formatMoney(m.cost, currency, getLocale())}${m.reputation !== undefined ? ` · ${t("meter.reputation")} ${m.reputation}` : ""}${m.strain !== undefined ? ` · ${t("meter.strain")} ${m.strain}` : ""}`,
          textStyle(24, theme.accentCss, { bold: true }),
        ),
      );
      y += 36;
    }
    if (view.hotSeat) {
      d.add(
        this.add.text(
          660,
          y,
          t("projector.hotSeat", { name: view.hotSeat.holderName }),
          textStyle(24, theme.ink, { bold: true }),
        ),
      );
      y += 36;
    }
    const send = (m: ClientMessage) => this.send(m);
    y = drawTieBanner(this, d, view, y, send);
    d.add(this.add.text(660, y + 8, t("trainer.effects"), textStyle(24, theme.inkDim, { bold: true })));
    // Option labels get up to five lines, fewer when all the cards would not fit above the bottom edge.
    const bottom = view.result || view.ending ? 1000 : 1070;
    let cards = this.add.container(0, 0);
    let oy = 0;
    for (const lines of [5, 3, 2, 1]) {
      cards.destroy();
      cards = this.add.container(0, 0);
      oy = drawOptionCards(this, cards, view, model, y + 48, lines, send);
      if (oy <= bottom) break;
    }
    d.add(cards);
    const text = resultText(view);
    if (text) {
      // The expert feedback gets the room left above the bottom edge, cut at a word when it runs out.
      const r = fitText(
        this.add.text(660, oy + 10, text, textStyle(20, theme.goodCss, { wrap: 800 })),
        Math.max(1, Math.floor((1070 - oy) / 25)),
      );
      d.add(r);
    }
  }

  private buildSetupPanel(view: TrainerView): void {
    this.setupBuilt = true;
    buildSetupPanel(
      this,
      view,
      (m) => this.send(m),
      () => {
        // Rebuild the HTML panels in the new language on the next draw.
        this.setupBuilt = false;
      },
      () => {
        // The roster follows the setup panel's real height (diagnostics after an upload push it down).
        this.invalidate();
      },
    );
  }

  protected override onShortcut(e: KeyboardEvent): boolean {
    const view = app().store.get().view;
    if (view?.role !== "trainer") return false;
    const control = trainerModel(view, this.teamCount).controls.find(
      (c) => c.key === e.key.toLowerCase() && c.enabled,
    );
    if (!control) return false;
    this.send(control.message);
    return true;
  }
}

/**
 * What the console says under the options: the ending as its own moment; else the answer played, how it was
 * decided, behind ⚠ when it is a defence mechanism (never a tick), and its feedback, with a note when that
 * was the last decision and where it ends (the trainer knows before the class, to lead into it).
 */
function resultText(view: TrainerView): string | undefined {
  const ending = view.ending;
  const outcome = ending ? t(`outcome.${ending.outcome}` as MessageKey) : "";
  if (ending && view.phase === "ending") return `${outcome}: ${ending.title}\n${ending.debrief}`;
  if (!view.result) return undefined;
  const headline = revealHeadline(view.result, view.scenario?.tags);
  const lines = [`${headline.mark} ${headline.text}`, view.result.feedback ?? ""];
  if (ending && view.controls.showEnding)
    lines.unshift(t("trainer.lastDecision", { title: ending.title, outcome }));
  return lines.filter(Boolean).join("\n");
}
