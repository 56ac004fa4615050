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
import { revealHeadline, tieCounts } from "../viewModel/revealModel";
import { drawHistory } from "./trainerHistory";
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
    y = this.drawTieBanner(d, view, y);
    d.add(this.add.text(660, y + 8, t("trainer.effects"), textStyle(24, theme.inkDim, { bold: true })));
    // Option labels get up to five lines, fewer when all the cards would not fit above the bottom edge.
    const bottom = view.result || view.ending ? 1000 : 1070;
    let cards = this.add.container(0, 0);
    let oy = 0;
    for (const lines of [5, 3, 2, 1]) {
      cards.destroy();
      cards = this.add.container(0, 0);
      oy = this.drawOptionCards(cards, view, model, y + 48, lines);
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

  /**
   * A tied vote, said plainly above the options: the tied answers with their votes, what the trainer does
   * now, and the draw right there (each tied option's card has its own "Pick this"). Returns the y below.
   */
  private drawTieBanner(d: Phaser.GameObjects.Container, view: TrainerView, top: number): number {
    if (view.phase !== "closed" || view.tiedOptionIds.length < 2) return top;
    const counts = tieCounts(view.options, view.tally, view.tiedOptionIds);
    const text = fitText(
      this.add.text(676, top + 14, t("tie.console", { counts }), {
        ...textStyle(22, theme.inkDark, { bold: true, wrap: 540 }),
        lineSpacing: 2,
      }),
      4,
    );
    const h = Math.max(84, text.height + 28);
    const g = this.add.graphics();
    g.fillStyle(theme.accent, 1).fillRoundedRect(660, top, 800, h, 12);
    const draw = new Button(
      this,
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
      () => this.send({ type: "trainer.breakTie", draw: true }),
    );
    d.add([g, text, draw]);
    return top + h + 8;
  }

  /** One card per option with its effects, votes and the override button; returns the y below the last. */
  private drawOptionCards(
    d: Phaser.GameObjects.Container,
    view: TrainerView,
    model: ReturnType<typeof trainerModel>,
    top: number,
    lines: number,
  ): number {
    let oy = top;
    const tied = new Set(view.tiedOptionIds);
    model.previews.forEach((p, i) => {
      const g = this.add.graphics();
      const label = fitText(
        this.add.text(
          680,
          oy + 10,
          `${i + 1}. ${p.label}`,
          textStyle(22, theme.ink, { bold: true, wrap: 500 }),
        ),
        lines,
      );
      const fx = this.add.text(
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
        const tag = this.add.text(
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
      const votes = this.add
        .text(1232, oy + 12, `${p.votes}`, textStyle(34, theme.accentCss, { bold: true }))
        .setOrigin(1, 0);
      const breakTie = view.phase === "closed" && tied.has(p.id);
      const btn = new Button(
        this,
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
          this.send(
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
  const headline = revealHeadline(view.result);
  const lines = [`${headline.mark} ${headline.text}`, view.result.feedback ?? ""];
  if (ending && view.controls.showEnding)
    lines.unshift(t("trainer.lastDecision", { title: ending.title, outcome }));
  return lines.filter(Boolean).join("\n");
}
