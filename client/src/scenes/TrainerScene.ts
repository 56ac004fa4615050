import type { ClientMessage, PlayStyle, TrainerView } from "@hotseat/shared";
import type Phaser from "phaser";
import type { AppState } from "../app/store";
import { app } from "../app/services";
import { t } from "../i18n/t";
import { Button } from "../ui/Button";
import { fitText } from "../ui/fitText";
import { CustomerFace } from "../ui/CustomerFace";
import { textStyle, theme } from "../ui/theme";
import { teamPreviews } from "../viewModel/teamPreviewModel";
import { trainerModel } from "../viewModel/trainerModel";
import { BaseScene } from "./BaseScene";
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
    this.dynamic = this.add.container(0, 0);
    this.setupBuilt = false;
    this.roster = new RosterPanel(this, (m) => this.send(m));
  }

  private send(message: ClientMessage): void {
    app().conn.send(message);
  }

  protected draw(state: AppState): void {
    const view = state.view?.role === "trainer" ? state.view : undefined;
    if (!view) return;
    if (view.phase === "debrief") {
      this.scene.start("debrief");
      return;
    }
    if (!this.setupBuilt) this.buildSetupPanel(view);
    this.roster?.update(view);
    const model = trainerModel(view, this.teamCount);
    this.model = { ...model, phase: view.phase, style: view.style, stepIndex: view.stepIndex };
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
      const styles: [PlayStyle, string][] = [
        ["class-vote", t("trainer.classVote")],
        ["hot-seat", t("trainer.hotSeat")],
        ["teams", t("trainer.teams").replace(/ \(T\)$/, "")],
        ["solo", t("home.practise")],
      ];
      d.add(this.add.text(660, 120, t("trainer.style"), textStyle(26, theme.ink, { bold: true })));
      styles.forEach(([style, label], i) => {
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
    for (const c of model.controls) {
      if (
        view.phase === "lobby" &&
        ["ctl.vote", "ctl.voteTimed", "ctl.reveal", "ctl.next", "ctl.pause", "ctl.end"].includes(c.id)
      )
        continue;
      if (view.phase !== "lobby" && ["ctl.start", "ctl.teams"].includes(c.id)) continue;
      // Situational controls appear only when they apply, so the column keeps room for the history.
      if (c.id === "ctl.tieDraw" && !c.enabled) continue;
      if (c.id === "ctl.seat" && view.style !== "hot-seat") continue;
      if (c.id === "ctl.teams" && view.style !== "teams") continue;
      if (c.id === "ctl.voteTimed" && view.style !== "class-vote") continue;
      // Teams choose on their own; the class's vote, reveal and next would only sit greyed out.
      if (view.style === "teams" && ["ctl.vote", "ctl.reveal", "ctl.next"].includes(c.id)) continue;
      if (c.id === "ctl.skip" && view.phase === "lobby") continue;
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
    this.drawHistory(d, view, model, cy);
  }

  /** The class's current step: the customer, the meters, each option's effects with override buttons. */
  private drawClassStep(
    d: Phaser.GameObjects.Container,
    view: TrainerView,
    model: ReturnType<typeof trainerModel>,
  ): void {
    // Current step.
    this.face?.setVisible(Boolean(view.customer));
    if (view.customer) {
      this.face?.show(view.meters?.mood ?? 50, view.customer.emotion, this.instant);
      d.add(
        this.add.text(860, 120, `${view.customer.name}: “${view.customer.line}”`, {
          ...textStyle(26, theme.ink, { wrap: 600 }),
          lineSpacing: 4,
        }),
      );
    }
    if (view.meters) {
      d.add(
        this.add.text(
          660,
          300,
          `${t("meter.mood")} ${Math.round(view.meters.mood)} · ${t("meter.cost")} ${view.meters.cost}${view.meters.reputation !== undefined ? ` · ${t("meter.reputation")} ${view.meters.reputation}` : ""}${view.meters.strain !== undefined ? ` · ${t("meter.strain")} ${view.meters.strain}` : ""}`,
          textStyle(24, theme.accentCss, { bold: true }),
        ),
      );
    }
    if (view.hotSeat)
      d.add(
        this.add.text(
          660,
          336,
          t("projector.hotSeat", { name: view.hotSeat.holderName }),
          textStyle(24, theme.ink, { bold: true }),
        ),
      );
    d.add(this.add.text(660, 380, t("trainer.effects"), textStyle(24, theme.inkDim, { bold: true })));
    let oy = 420;
    const tied = new Set(view.tiedOptionIds);
    model.previews.forEach((p, i) => {
      const g = this.add.graphics();
      const label = this.add.text(
        680,
        oy + 10,
        `${i + 1}. ${p.label}`,
        textStyle(22, theme.ink, { bold: true, wrap: 500 }),
      );
      const fx = this.add.text(
        680,
        oy + 16 + label.height,
        `${p.effects}${p.tags ? `\n${p.tags}` : ""}`,
        textStyle(18, theme.inkDim, { wrap: 500 }),
      );
      const h = Math.max(84, label.height + fx.height + 28);
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
          label: `${breakTie ? "⚖" : "▶"} ${t("trainer.override")}`,
          width: 204,
          height: Math.min(60, h - 24),
          fontSize: 16,
          fill: 0xe5e9f2,
          enabled: !view.paused,
        },
        () =>
          this.send(
            breakTie
              ? { type: "trainer.breakTie", optionId: p.id }
              : { type: "trainer.override", optionId: p.id },
          ),
      );
      d.add([g, label, fx, votes, btn]);
      oy += h + 10;
    });
    if (view.result) {
      // The expert feedback gets the room left above the bottom edge, cut at a word when it runs out.
      const r = fitText(
        this.add.text(
          660,
          oy + 10,
          `✔ ${view.result.label}\n${view.result.feedback ?? ""}`,
          textStyle(20, theme.goodCss, { wrap: 800 }),
        ),
        Math.max(1, Math.floor((1070 - oy) / 25)),
      );
      d.add(r);
    }
  }

  /** The decisions so far, newest last, each with its rewind (per team in team play). */
  private drawHistory(
    d: Phaser.GameObjects.Container,
    view: TrainerView,
    model: ReturnType<typeof trainerModel>,
    cy: number,
  ): void {
    d.add(this.add.text(1500, cy + 10, t("trainer.history"), textStyle(24, theme.ink, { bold: true })));
    let hy = cy + 50;
    // Many teams get one line of text per decision, so every team keeps a rewind above the bottom edge.
    const lines = view.style === "teams" && view.teams.length > 3 ? 1 : 2;
    const rowH = lines * 24 + 62;
    // Newest last; as many as fit above the bottom edge.
    const fit = Math.max(1, Math.floor((1060 - hy) / rowH));
    // In team play every team keeps its latest decisions on screen, so any team's run can be rewound.
    const perTeam = Math.max(1, Math.floor(fit / Math.max(1, view.teams.length)));
    const rows =
      view.style === "teams"
        ? view.teams.flatMap((team) => model.history.filter((h) => h.teamId === team.id).slice(-perTeam))
        : model.history.slice(-fit);
    for (const h of rows) {
      const text = fitText(
        this.add.text(
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
          this,
          1500,
          hy,
          { id: h.id, label: h.rewindLabel, width: 380, height: 44, fontSize: 17, fill: 0xe5e9f2 },
          () => this.send(h.rewind),
        ),
      );
      hy += 56;
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
