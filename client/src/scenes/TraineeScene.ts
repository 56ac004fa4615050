import type { TraineeView } from "@hotseat/shared";
import type Phaser from "phaser";
import type { AppState } from "../app/store";
import { app } from "../app/services";
import { getLocale, t } from "../i18n/t";
import { Card } from "../ui/Card";
import { CustomerFace } from "../ui/CustomerFace";
import { MeterBar } from "../ui/MeterBar";
import { textStyle, theme } from "../ui/theme";
import { metersModel } from "../viewModel/meters";
import { traineeModel, type TraineeModel } from "../viewModel/traineeModel";
import { traineeDoc } from "../a11y/traineeDoc";
import { sceneFor } from "../app/sceneFor";
import { BaseScene } from "./BaseScene";
import { enableScroll } from "./scroll";
import { drawEnding, drawReveal } from "./traineeReveal";
import { SessionOverlay } from "../ui/SessionOverlay";

/** The trainee's phone: customer and line, response cards, vote status, reveal with feedback, own meters. */
export class TraineeScene extends BaseScene {
  private content?: Phaser.GameObjects.Container;
  private face?: CustomerFace;
  private mood?: MeterBar;
  private contentHeight = 0;
  private lastKey = "";
  private votes = new Map<number, string>();
  private previousVote?: string;
  /** The phase and step last drawn: a new one (a reveal, the next vote, the ending) starts at the top. */
  private moment = "";
  /** A paused session and a rewind, shown over the phone. */
  private overlay?: SessionOverlay;

  constructor() {
    super("trainee");
  }

  override create(): void {
    super.create();
    // A scene restarted from the debrief (e.g. after a rewind) must draw again even if the view is the same.
    this.lastKey = "";
    this.moment = "";
    this.overlay = new SessionOverlay(this, () => this.invalidate());
    enableScroll(this, () => this.contentHeight);
    // A timed vote counts down on the phone too.
    this.time.addEvent({ delay: 1000, loop: true, callback: () => this.invalidate() });
  }

  protected draw(state: AppState): void {
    const view = state.view?.role === "trainee" ? state.view : undefined;
    if (!view) {
      this.drawWaiting();
      return;
    }
    if (sceneFor(view) !== this.scene.key) {
      this.scene.start(sceneFor(view));
      return;
    }
    // Remember the first vote this phone saw for each step, so a later different vote reads "changed".
    if (view.myVote && !this.votes.has(view.stepIndex)) this.votes.set(view.stepIndex, view.myVote);
    this.previousVote = this.votes.get(view.stepIndex);
    const model = traineeModel(view, this.previousVote, Date.now());
    this.model = {
      ...model,
      phase: view.phase,
      stepIndex: view.stepIndex,
      can: view.can,
      myVote: view.myVote,
    };
    const key = JSON.stringify([model, this.scale.width, this.scale.height, state.locale]);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.layout(view, model);
      // On a small phone the reveal's headline and feedback would otherwise sit above where the last view
      // was scrolled to, and only its tail would show.
      const moment = `${view.phase}:${view.stepIndex}`;
      if (moment !== this.moment) this.cameras.main.scrollY = 0;
      this.moment = moment;
      const meters = view.meters
        ? metersModel(view.meters, [], view.scenario?.currency ?? "EUR", getLocale())
        : undefined;
      this.a11y.render(traineeDoc(model, meters));
    }
    // After the layout, which clears the scene's objects: the overlay draws itself again when they went.
    this.overlay?.sync({
      paused: view.paused,
      ...(state.rewound ? { rewound: state.rewound } : {}),
      now: Date.now(),
      reduced: this.instant,
    });
  }

  private drawWaiting(): void {
    if (this.lastKey === "waiting") return;
    this.lastKey = "waiting";
    this.children.removeAll(true);
    this.face = undefined;
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2, t("conn.connecting"), textStyle(24, theme.ink, { align: "center" }))
      .setOrigin(0.5);
    this.a11y.render({
      label: t("app.title"),
      blocks: [
        { key: "title", kind: "heading", level: 1, text: t("app.title") },
        { key: "status", kind: "text", live: "status", text: t("conn.connecting") },
      ],
    });
  }

  private layout(view: TraineeView, model: TraineeModel): void {
    const { width } = this.scale;
    // Laptops get the same column, larger, so nobody squints at a 1920-wide screen.
    const k = width >= 1000 ? 1.35 : 1;
    const fs = (n: number) => Math.round(n * k);
    const W = Math.min(width, 720 * k);
    const x0 = (width - W) / 2;
    const pad = 14;
    const inner = W - pad * 2;
    this.content?.destroy();
    this.children.removeAll(true);
    const c = this.add.container(x0, 0);
    this.content = c;
    let y = 10;
    const title = this.add.text(
      pad,
      y,
      model.title,
      textStyle(fs(17), theme.inkDim, { bold: true, wrap: inner - 120 }),
    );
    c.add(title);
    if (model.team)
      c.add(
        this.add
          .text(W - pad, y, model.team, textStyle(fs(17), theme.accentCss, { bold: true }))
          .setOrigin(1, 0),
      );
    y += title.height + 8;

    if (view.phase === "lobby") {
      // A calm waiting screen: who you are, and where to look.
      const face = new CustomerFace(this, W / 2, y + 110, 80, view.scenario?.look);
      face.show(60, "calm", true);
      c.add(face);
      y += 220;
      const hello = this.add
        .text(
          W / 2,
          y,
          model.status,
          textStyle(fs(26), theme.ink, { bold: true, align: "center", wrap: inner }),
        )
        .setOrigin(0.5, 0);
      c.add(hello);
      y += hello.height + 20;
      // When the trainer has made teams, each trainee may move to another one before the start.
      if (model.teamChoices.length) {
        const head = this.add.text(
          pad,
          y,
          t("trainee.pickTeam"),
          textStyle(fs(20), theme.ink, { bold: true }),
        );
        c.add(head);
        y += head.height + 10;
        model.teamChoices.forEach((choice, index) => {
          const card = new Card(
            this,
            pad,
            y,
            {
              id: `team.${choice.id}`,
              index,
              text: choice.label,
              width: inner,
              minHeight: fs(56),
              fontSize: fs(19),
              selected: choice.selected,
              enabled: true,
            },
            () => app().conn.send({ type: "trainee.pickTeam", teamId: choice.id }),
          );
          c.add(card);
          y += card.height + 10;
        });
      }
      this.contentHeight = y + 20;
      return;
    }
    if (model.customer) {
      const faceR = fs(34);
      this.face = new CustomerFace(this, pad + faceR, y + faceR, faceR, model.customer.look);
      c.add(this.face);
      this.face.show(view.meters?.mood ?? 50, model.customer.emotion, true);
      this.face.setIdle(!this.instant);
      c.add(
        this.add.text(
          pad + faceR * 2 + 12,
          y + 4,
          model.customer.name,
          textStyle(fs(20), theme.ink, { bold: true }),
        ),
      );
      c.add(
        this.add.text(
          pad + faceR * 2 + 12,
          y + fs(32),
          model.customer.feeling,
          textStyle(fs(16), theme.inkDim),
        ),
      );
      y += faceR * 2 + 10;
      const line = this.add.text(pad + 14, y + 12, `“${model.customer.line}”`, {
        ...textStyle(fs(19), theme.inkDark, { wrap: inner - 28 }),
        lineSpacing: 4,
      });
      const bubble = this.add.graphics();
      bubble.fillStyle(0xffffff, 1).fillRoundedRect(pad, y, inner, line.height + 24, 16);
      bubble.fillTriangle(pad + 30, y, pad + 56, y, pad + 34, y - 14);
      c.add([bubble, line]);
      y += line.height + 24 + 14;
    }

    if (view.meters) {
      const gender = model.customer?.look.gender ?? view.scenario?.look?.gender;
      const m = metersModel(view.meters, [], view.scenario?.currency ?? "EUR", getLocale(), gender);
      this.mood = new MeterBar(this, pad, y, inner * 0.62, fs(22), m.mood.label, fs(17));
      this.mood.set(m.mood.value, m.mood.color, m.mood.suffix, true);
      c.add(this.mood);
      c.add(
        this.add
          .text(W - pad, y, t("meter.cost"), textStyle(fs(17), theme.ink, { bold: true }))
          .setOrigin(1, 0),
      );
      c.add(
        this.add
          .text(W - pad, y + fs(24), m.costTotal, textStyle(fs(24), theme.accentCss, { bold: true }))
          .setOrigin(1, 0),
      );
      y += fs(56);
      for (const extra of m.extra) {
        const bar = new MeterBar(this, pad, y, inner, fs(16), extra.label, fs(15));
        bar.set(extra.value, extra.color, extra.suffix, true);
        c.add(bar);
        y += fs(44);
      }
    }

    const status = this.add.text(pad, y, model.status, {
      ...textStyle(fs(20), theme.accentCss, { bold: true, wrap: inner }),
      lineSpacing: 3,
    });
    c.add(status);
    y += status.height + 12;

    // The ending's own moment comes first, above the last decision's feedback.
    const col = { scene: this, c, pad, inner, fs };
    if (model.ending && view.phase === "ending") y = drawEnding(col, model.ending, y);
    // The feedback on the last choice comes first: in solo and hot seat the next options follow it.
    if (model.reveal) y = drawReveal(col, model.reveal, y);
    if (model.moveOn) {
      const move = model.moveOn;
      const card = new Card(
        this,
        pad,
        y,
        {
          id: "moveOn",
          index: 0,
          text: move.label,
          width: inner,
          minHeight: fs(64),
          fontSize: fs(20),
          selected: false,
          enabled: true,
        },
        () => app().conn.send({ type: move.type }),
      );
      c.add(card);
      y += card.height + 12;
    }
    for (const card of model.cards) {
      const obj = new Card(
        this,
        pad,
        y,
        {
          id: `option.${card.id}`,
          index: card.index,
          text: card.text,
          width: inner,
          minHeight: fs(64),
          fontSize: fs(19),
          selected: card.selected,
          enabled: card.enabled,
        },
        () => this.pick(view, card.id),
      );
      c.add(obj);
      y += obj.height + 12;
    }

    this.contentHeight = y + 20;
  }

  private pick(view: TraineeView, optionId: string): void {
    const model = traineeModel(view, this.previousVote);
    if (!model.action) return;
    app().conn.send({ type: model.action, optionId, stepIndex: view.stepIndex });
  }

  protected override onShortcut(e: KeyboardEvent): boolean {
    const n = Number(e.key);
    const view = app().store.get().view;
    if (!Number.isInteger(n) || n < 1 || view?.role !== "trainee") return false;
    const option = view.options[n - 1];
    if (option) this.pick(view, option.id);
    return Boolean(option);
  }
}
