import type { ProjectorView } from "@hotseat/shared";
import type Phaser from "phaser";
import type { AppState } from "../app/store";
import { t } from "../i18n/t";
import { CostTicker } from "../ui/CostTicker";
import { CustomerFace } from "../ui/CustomerFace";
import { roomAnswerItems } from "./projectorExtras";
import { fitColumn } from "../ui/fitColumn";
import { MeterBar } from "../ui/MeterBar";
import { Tally } from "../ui/Tally";
import { textStyle, theme } from "../ui/theme";
import { projectorModel, type ProjectorModel } from "../viewModel/projectorModel";
import { sceneFor } from "../app/sceneFor";
import { RevealCues } from "../audio/revealCues";
import type { RevealSequence } from "../ui/revealSequence";
import { tagPart } from "../ui/revealSequence";
import { SessionOverlay } from "../ui/SessionOverlay";
import type { TallyBar } from "../viewModel/tallyModel";
import { revealWitness, startReveal } from "./projectorReveal";
import type { RevealWitness } from "../viewModel/revealTimeline";
import { BaseScene } from "./BaseScene";
import { drawEndingPanel, drawResultPanel, drawTieHeadline } from "./projectorPanels";
import { drawTeamBoard } from "./projectorTeams";
import { drawLobby } from "./projectorLobby";
import { drawCustomerLine } from "./projectorCustomerLine";

/**
 * The wall view at 1920x1080, read from the back of the room: a large face, the line in a bubble,
 * mood with number and shape, the itemised cost, live tally, join code with QR, hot seat, team board.
 */
export class ProjectorScene extends BaseScene {
  private face?: CustomerFace;
  private mood?: MeterBar;
  private extras: MeterBar[] = [];
  private cost?: CostTicker;
  private dynamic?: Phaser.GameObjects.Container;
  private lastKey = "";
  private lastMood = "";
  /** The reveal playing on the wall, if any; redraws wait for it (see draw). */
  private sequence?: RevealSequence;
  private heldDraw = false;
  /** What the wall last drew, to tell a reveal it watched from one it arrived at, and to animate from. */
  private witness?: RevealWitness;
  private lastView?: ProjectorView;
  private lastTally?: TallyBar[];
  /** The room's speaker: the reveal's sound cues, when the trainer turned them on. */
  private readonly cues = new RevealCues();
  private soundHint?: Phaser.GameObjects.Text;
  private overlay?: SessionOverlay;

  constructor() {
    super("projector");
  }

  override create(): void {
    super.create();
    // A scene restarted from the debrief (e.g. after a rewind) must draw again even if the view is the same.
    this.lastKey = "";
    this.children.removeAll(true);
    this.extras = [];
    this.face = new CustomerFace(this, 250, 318, 150);
    this.face.setIdle(!this.instant);
    this.mood = new MeterBar(this, 60, 640, 820, 52, t("meter.mood"), 40);
    this.cost = new CostTicker(this, 60, 800, 820, t("meter.cost"), 34);
    this.dynamic = this.add.container(0, 0);
    // A scene restarted from the debrief has no reveal playing (its tweens went with the old scene).
    this.sequence = undefined;
    this.heldDraw = false;
    this.overlay = new SessionOverlay(this, () => this.invalidate());
    this.soundHint = this.add
      .text(960, 1066, `♪ ${t("seq.soundHint")}`, {
        ...textStyle(30, theme.inkDark, { bold: true }),
        backgroundColor: "#ffd166",
        padding: { x: 18, y: 10 },
      })
      .setOrigin(0.5, 1)
      .setDepth(960)
      .setVisible(false);
    // A click or a key on the wall finishes a reveal at once; the first one also lets the page play sound.
    this.input.on("pointerdown", () => this.onGesture());
    this.input.keyboard?.on("keydown", (e: KeyboardEvent) => {
      if (!/^[fFmM]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) this.onGesture();
    });
    // The vote timer counts down between views.
    this.time.addEvent({ delay: 500, loop: true, callback: () => this.invalidate() });
  }

  private onGesture(): void {
    if (this.cues.state === "locked") {
      void this.cues.unlock().then(() => this.invalidate());
      return;
    }
    this.sequence?.skip();
  }

  protected draw(state: AppState): void {
    const view = state.view?.role === "projector" ? state.view : undefined;
    if (!view) return;
    if (sceneFor(view) !== this.scene.key) {
      this.scene.start(sceneFor(view));
      return;
    }
    const model = projectorModel(view, state.joinUrl ?? "", Date.now());
    this.model = model;
    this.cues.setOn(view.sound === true);
    this.soundHint?.setText(`♪ ${t("seq.soundHint")}`).setVisible(this.cues.state === "locked");
    this.overlay?.sync({
      paused: view.paused,
      ...(state.rewound ? { rewound: state.rewound } : {}),
      now: Date.now(),
      reduced: this.instant,
    });
    const witness = revealWitness(view, model);
    if (this.sequence?.running) {
      // The same reveal (a trainee joined, the timer ticked): the redraw waits for the sequence's end. Anything
      // else (the trainer skipped it, or moved on) finishes it at once first.
      const same = this.witness?.phase === witness.phase && this.witness.stepIndex === witness.stepIndex;
      if (same && !view.revealSkipped) {
        this.heldDraw = true;
        return;
      }
      this.sequence.skip();
    }
    const key = JSON.stringify([model, state.locale]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const before = { witness: this.witness, view: this.lastView, tally: this.lastTally, frame: this.dynamic };
    this.witness = witness;
    this.lastView = view;
    this.lastTally = model.tally?.bars;
    const reveal = startReveal(this, { before, view, model, instant: this.instant });
    if (reveal) this.dynamic = undefined; // the sequence keeps the old frame until the reaction
    this.drawMeters(view, model, reveal !== undefined);
    this.drawDynamic(view, model);
    if (reveal && this.dynamic)
      this.sequence = reveal.play(this.dynamic, this.revealActors(model, reveal.costStages), () => {
        this.sequence = undefined;
        if (this.heldDraw) {
          this.heldDraw = false;
          this.lastKey = "";
          this.invalidate();
        }
      });
  }

  /** How the wall's persistent parts move during a reveal: the face, the meters and the cost, and the sounds. */
  private revealActors(model: ProjectorModel, costStages: NonNullable<ProjectorModel["meters"]>[]) {
    return {
      face: () => {
        if (model.customer) this.face?.show(model.mood, model.customer.emotion, false);
      },
      meters: () => {
        if (model.meters) this.setMeters(model.meters, false, false);
      },
      cost: (item: number) => {
        const stage = costStages[item];
        if (stage) this.cost?.set(stage.costLines, stage.costTotal, false);
      },
      cue: (cue: Parameters<RevealCues["play"]>[0]) => this.cues.play(cue),
      finish: () => {
        if (model.customer) this.face?.show(model.mood, model.customer.emotion, true);
        if (model.meters) this.setMeters(model.meters, true, true);
      },
    };
  }

  /** Sets the mood meter, the other bars (kept when they are the same ones, so they move) and, with `cost`, the ticker. */
  private setMeters(meters: NonNullable<ProjectorModel["meters"]>, instant: boolean, cost: boolean): void {
    this.mood?.set(meters.mood.value, meters.mood.color, meters.mood.suffix, instant);
    if (cost) this.cost?.set(meters.costLines, meters.costTotal, instant);
    const same =
      this.extras.length === meters.extra.length &&
      this.extras.every((bar, i) => bar.getData("label") === meters.extra[i]?.label);
    if (!same) {
      for (const e of this.extras) e.destroy();
      this.extras = meters.extra.map((m, i) =>
        new MeterBar(this, 60 + i * 420, 540, 400, 26, m.label, 26).setData("label", m.label),
      );
    }
    meters.extra.forEach((m, i) => this.extras[i]?.set(m.value, m.color, m.suffix, instant || !same));
  }

  private drawMeters(view: ProjectorView, model: ProjectorModel, held = false): void {
    const face = this.face;
    const show = view.phase !== "lobby" && Boolean(model.customer) && !model.teams;
    face?.setVisible(show);
    this.mood?.setVisible(show && Boolean(model.meters));
    this.cost?.setVisible(show && Boolean(model.meters));
    const moodKey = JSON.stringify([model.mood, model.customer?.emotion, model.meters, model.look]);
    if (moodKey === this.lastMood) return;
    this.lastMood = moodKey;
    face?.setLook(model.look);
    face?.setIdle(!this.instant);
    // A reveal moves the face and the meters at its own moments (revealActors).
    if (held) return;
    if (model.customer) face?.show(model.mood, model.customer.emotion, this.instant);
    if (model.meters) this.setMeters(model.meters, this.instant, true);
  }

  private drawDynamic(view: ProjectorView, model: ProjectorModel): void {
    const panelX = 960;
    const panelY = 620;
    const panelW = 900;
    this.dynamic?.destroy();
    const d = this.add.container(0, 0);
    this.dynamic = d;
    d.add(this.add.text(60, 24, model.title, textStyle(40, theme.inkDim, { bold: true, wrap: 1100 })));
    d.add(
      this.add
        .text(1860, 24, model.phaseText, textStyle(40, theme.accentCss, { bold: true }))
        .setOrigin(1, 0),
    );
    if (model.hotSeat) {
      d.add(
        this.add
          .text(1860, 84, `★ ${model.hotSeat}`, {
            ...textStyle(40, theme.inkDark, { bold: true }),
            backgroundColor: "#ffd166",
            padding: { x: 18, y: 8 },
          })
          .setOrigin(1, 0),
      );
    }
    if (view.phase === "lobby") {
      drawLobby(this, d, model);
      return;
    }
    // Where the customer's line (and narration) ends: the reveal's and the ending's panels may start higher.
    let textBottom = 160;
    if (model.customer && !model.teams) textBottom = drawCustomerLine(this, d, model.customer, model, panelY);
    // The ending's line sits at the bottom of the panel; everything above it must end higher.
    let panelBottom = 1050;
    if (model.ending && view.phase === "ending" && !model.teams) {
      // The ending's own moment: the panel takes the room under the customer's last words.
      const top = Math.min(panelY, Math.max(textBottom + 30, 300));
      drawEndingPanel(this, d, { x: panelX, y: top, w: panelW, bottom: panelBottom }, model.ending);
    } else if (model.ending) {
      const end = this.add
        .text(
          panelX,
          1030,
          `${model.ending.outcome}: ${model.ending.title}`,
          textStyle(36, theme.accentCss, { bold: true, wrap: panelW }),
        )
        .setOrigin(0, 1);
      d.add(tagPart(end, "ending"));
      panelBottom = 1030 - end.height - 16;
    }
    if (model.teams) {
      drawTeamBoard(this, d, model);
    } else if (view.phase === "ending") {
      // Drawn above: nothing else competes with the ending.
    } else if (model.tally) {
      // A tie is announced above the bars (which stay, with the tied ones starred); the count gives way.
      const barsY = model.tally.tie
        ? drawTieHeadline(
            this,
            d,
            {
              x: panelX,
              y: Math.min(panelY, Math.max(textBottom + 24, panelY - 80)),
              w: panelW,
              bottom: panelY + 100,
            },
            model.tally.tie,
          )
        : panelY + 60;
      if (!model.tally.tie)
        d.add(
          tagPart(
            this.add.text(panelX, panelY, model.tally.votes, textStyle(36, theme.ink, { bold: true })),
            "tally",
          ),
        );
      if (model.tally.timer)
        d.add(
          tagPart(
            this.add
              .text(
                panelX + panelW,
                panelY,
                `◷ ${model.tally.timer}`,
                textStyle(36, theme.accentCss, { bold: true }),
              )
              .setOrigin(1, 0),
            "tally",
          ),
        );
      const tally = new Tally(
        this,
        panelX,
        barsY,
        panelW,
        Math.min(90, (panelBottom - 30 - barsY) / Math.max(1, model.tally.bars.length)),
        30,
      );
      tally.set(model.tally.bars);
      d.add(tagPart(tally, "tally"));
    } else if (model.result) {
      // The answer, how it was decided and the class's split, then tags and feedback: from under the line.
      const top = Math.min(panelY, textBottom + 30);
      const before = d.length;
      const { headEnd } = drawResultPanel(
        this,
        d,
        { x: panelX, y: top, w: panelW, bottom: panelBottom },
        model.result,
        roomAnswerItems(model.roomAnswers, panelW),
      );
      // Tagged for the reveal: the answer and the class's split first, then tags, room answers and feedback.
      d.list.forEach((obj, i) => {
        if (i >= before) tagPart(obj, i < headEnd ? "chosen" : "feedback");
      });
    } else if (model.options.length && view.phase === "deciding") {
      d.add(
        fitColumn(
          this,
          panelX,
          panelY,
          panelBottom,
          model.options.map((o, i) => ({
            text: `${i + 1}. ${o}`,
            size: 32,
            min: 24,
            gap: 14,
            style: (size: number) => textStyle(size, theme.ink, { wrap: panelW }),
          })),
          // The options on the wall give way to the chosen answer at a reveal, like the tally.
        ).map((text) => tagPart(text, "tally")),
      );
    }
    if (model.join) {
      d.add(
        this.add.text(
          60,
          84,
          `${t("projector.code")}: ${model.join.code}  ·  ${model.join.url}`,
          textStyle(30, theme.accentCss, { bold: true }),
        ),
      );
    }
  }

  /** The projector needs no keys, but F toggles full screen (a gesture the browser accepts). */
  protected override onShortcut(e: KeyboardEvent): boolean {
    if (e.key === "f" || e.key === "F") {
      this.scale.toggleFullscreen();
      return true;
    }
    return false;
  }
}
