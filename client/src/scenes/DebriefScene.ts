import Phaser from "phaser";
import type { PathStepView } from "@hotseat/shared";
import type { AppState, RoleView } from "../app/store";
import { app } from "../app/services";
import { getLocale, t } from "../i18n/t";
import { reportUrl } from "../net/mySessions";
import { Button } from "../ui/Button";
import { fitText } from "../ui/fitText";
import { esc, htmlPanel } from "../ui/HtmlPanel";
import { drawScenarioMap, teamColours } from "../ui/ScenarioMap";
import { textStyle, theme } from "../ui/theme";
import { debriefModel, type DebriefModel } from "../viewModel/debriefModel";
import { formatMoney } from "../viewModel/money";
import { trainerModel } from "../viewModel/trainerModel";
import { debriefDoc } from "../a11y/debriefDoc";
import { sceneFor } from "../app/sceneFor";
import { BaseScene } from "./BaseScene";
import { drawPathOnMap, mapTracks } from "./debriefMap";
import { removeSoloEndBar, updateSoloEndBar } from "./soloEndBar";
import { enableScroll } from "./scroll";
import { removeTrainerRemote, updateTrainerDebriefRemote, wantsRemote } from "./trainerRemote";

/**
 * The debrief for every role: path on a simple map, mood and cost chart, techniques and defence
 * mechanisms, vote split and observers' marks, abandoned branches, the ending, and report exports.
 */
export class DebriefScene extends BaseScene {
  private lastKey = "";
  /** The path played, with the states each step led from and to, for the map. */
  private path: PathStepView[] = [];
  private contentHeight = 0;

  constructor() {
    super("debrief");
  }

  override create(): void {
    super.create();
    this.lastKey = "";
    enableScroll(this, () => this.contentHeight);
    this.events.once("shutdown", removeTrainerRemote);
    this.events.once("shutdown", removeSoloEndBar);
    const onWindowResize = () => this.invalidate();
    window.addEventListener("resize", onWindowResize);
    this.events.once("shutdown", () => window.removeEventListener("resize", onWindowResize));
  }

  protected draw(state: AppState): void {
    const view = state.view;
    if (!view) return;
    if (sceneFor(view) !== this.scene.key) {
      this.scene.start(sceneFor(view));
      return;
    }
    const currency = view.scenario?.currency ?? "EUR";
    const path =
      view.role === "trainer"
        ? view.history.map((d) => ({
            stepIndex: d.stepIndex,
            optionId: d.optionId,
            label: d.label,
            decidedBy: d.decidedBy,
            tags: d.tags,
            moodAfter: d.meters.mood,
            costAfter: d.meters.cost,
            ...(d.from !== undefined ? { from: d.from } : {}),
            ...(d.to !== undefined ? { to: d.to } : {}),
          }))
        : (view.path ?? []);
    this.path = path;
    const model = debriefModel({
      path,
      ...(view.ending ? { ending: view.ending } : {}),
      ...(view.role !== "trainee" ? { branches: view.branches } : {}),
      ...(view.role === "trainer" ? { history: view.history } : {}),
      ...(view.startMeters ? { startMeters: view.startMeters } : {}),
      ...(view.role !== "trainee"
        ? { teams: view.teams.map((team) => ({ name: team.name, path: team.path ?? [] })) }
        : {}),
      // The server computes the best path and sends it at the debrief (never to trainees' phones).
      ...(view.role !== "trainee" && view.best ? { best: view.best } : {}),
      currency,
      locale: getLocale(),
    });
    this.model = model;
    // The trainer's phone gets what to do next; the debrief itself is on the wall.
    if (view.role === "trainer" && wantsRemote())
      updateTrainerDebriefRemote(view, trainerModel(view), (msg) => app().conn.send(msg));
    else removeTrainerRemote();
    if (view.role === "trainee")
      updateSoloEndBar(
        view,
        (msg) => app().conn.send(msg),
        () => window.location.assign("/"),
      );
    else removeSoloEndBar();
    const key = JSON.stringify([model, this.scale.width, this.scale.height, state.locale]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    // The trainer's phone remote covers the page and has its own buttons: the layer would only add
    // hidden stops to the tab order under it.
    if (view.role === "trainer" && wantsRemote()) this.a11y.destroy();
    else this.a11y.render(debriefDoc(model, { currency, locale: getLocale() }));
    this.children.removeAll(true);
    const wide = this.scale.width >= 1000;
    if (wide) this.drawWide(model, view);
    else this.drawNarrow(model);
  }

  private drawWide(m: DebriefModel, view: RoleView): void {
    this.add.text(
      60,
      30,
      `${t("debrief.title")} · ${view.scenario?.title ?? ""}`,
      textStyle(48, theme.ink, { bold: true }),
    );
    if (m.ending) {
      this.add.text(
        60,
        100,
        `${t("debrief.ending")}: ${m.ending.outcome} — ${m.ending.title}`,
        textStyle(36, theme.accentCss, { bold: true, wrap: 1800 }),
      );
    }
    // Without an ending text (the trainer ended early) the map and chart move up into its place; a long
    // one (Polish and Romanian run a third longer) takes a smaller type before anything is cut.
    const top = m.ending ? Math.max(330, this.endingText(m.ending.debrief) + 56) : 170;
    drawPathOnMap(this, m, view, view.map, this.path, { x: 60, y: top, w: 1100, h: 256 });
    this.drawChart(m, 60, top + 310, 1100, Math.max(150, Math.min(m.ending ? 220 : 300, 860 - (top + 310))));
    let x = 1220;
    let y = top - 10;
    // One line per row, cut to fit, so the column never runs into the buttons at the bottom.
    const clip = (row: string) => (row.length > 52 ? `${row.slice(0, 50).trimEnd()}…` : row);
    const list = (title: string, rows: string[], color: string) => {
      if (y > 820) return;
      this.add.text(x, y, title, textStyle(28, theme.ink, { bold: true }));
      y += 40;
      const body = this.add.text(x, y, rows.length ? rows.map(clip).join("\n") : t("debrief.none"), {
        ...textStyle(24, color),
        lineSpacing: 4,
        maxLines: Math.max(1, Math.floor((860 - y) / 33)),
      });
      y += body.height + 20;
    };
    list(
      t("debrief.techniques"),
      m.techniques.map((c) => `✔ ${c.name} ×${c.count}`),
      theme.goodCss,
    );
    list(
      t("debrief.defences"),
      m.defences.map((c) => `✖ ${c.name} ×${c.count}`),
      theme.badOnDarkCss,
    );
    if (m.votes.length)
      list(
        t("debrief.votes"),
        m.votes.map((v) => `${v.step}. [${v.split}] ${v.label}`),
        theme.inkDim,
      );
    if (m.marks.length)
      list(
        t("debrief.marks"),
        m.marks.map((v) => `${v.step}. ✔ ${v.agreed} · ✖ ${v.differed}`),
        theme.inkDim,
      );
    if (view.role !== "trainee" && view.teams.length > 0)
      list(
        t("projector.teams"),
        view.teams.map(
          (team) =>
            `${team.name}: ${team.outcome ? t(`outcome.${team.outcome}`) : t("debrief.unfinished")} · ${t("meter.mood")} ${Math.round(team.meters.mood)} · ${t("meter.cost")} ${formatMoney(team.meters.cost, view.scenario?.currency ?? "EUR", getLocale())}`,
        ),
        theme.ink,
      );
    if (m.best)
      list(
        t("debrief.best"),
        [...m.best.labels.map((l, i) => `${i + 1}. ${l}`), m.best.summary],
        theme.inkDim,
      );
    x = 60;
    y = 900;
    if (view.role === "trainer") {
      // The last decisions (of every team in team play), each with its own rewind; earlier ones (class
      // play) get a small "⟲ 2" button each in a row above, so any step can be tried again.
      const history = trainerModel(view).history;
      if (view.teams.length === 0)
        history.slice(0, -4).forEach((h, i) => {
          if (i >= 13) return;
          new Button(
            this,
            60 + i * 84,
            890,
            { id: h.id, label: `⟲ ${h.stepIndex + 1}`, width: 76, height: 48, fontSize: 18, fill: 0xe5e9f2 },
            () => app().conn.send(h.rewind),
          );
        });
      history.slice(-4).forEach((h, i) => {
        new Button(
          this,
          60 + i * 280,
          960,
          { id: h.id, label: h.rewindLabel, width: 264, height: 64, fontSize: 18, fill: 0xe5e9f2 },
          () => app().conn.send(h.rewind),
        );
      });
      new Button(
        this,
        1560,
        860,
        {
          id: "ctl.nextScenario",
          label: t("trainer.nextScenario"),
          width: 300,
          height: 60,
          fontSize: 22,
          enabled: view.controls.nextScenario,
        },
        () => app().conn.send({ type: "trainer.nextScenario" }),
      );
      const code = view.joinCode;
      htmlPanel(
        this,
        { x: 1220, y: 940, w: 640 },
        `<div class="hs-row"><strong>${esc(t("debrief.export"))}:</strong>
          <a id="export-csv" href="${esc(reportUrl(code, "csv"))}" style="color:#ffd166;font-weight:700">CSV</a>
          <a id="export-json" href="${esc(reportUrl(code, "json"))}" target="_blank" style="color:#ffd166;font-weight:700">JSON</a></div>`,
        "debrief-export",
      );
    }
  }

  /** The ending's debrief text under its title, in the largest type that fits a few lines; returns its bottom. */
  private endingText(text: string): number {
    const body = this.add.text(60, 150, text, {
      ...textStyle(26, theme.ink, { wrap: 1100 }),
      lineSpacing: 4,
    });
    for (const [size, maxLines] of [
      [26, 4],
      [23, 5],
      [21, 6],
    ] as const) {
      body.setFontSize(size);
      if (body.getWrappedText().length <= maxLines) break;
    }
    fitText(body, 6);
    return body.y + body.height;
  }

  private drawNarrow(m: DebriefModel): void {
    const { width } = this.scale;
    const W = Math.min(width, 720);
    const x0 = (width - W) / 2 + 14;
    const inner = W - 28;
    let y = 14;
    const add = (text: string, size: number, color: string, bold = false) => {
      const o = this.add.text(x0, y, text, {
        ...textStyle(size, color, { bold, wrap: inner }),
        lineSpacing: 3,
      });
      y += o.height + 12;
    };
    add(t("debrief.title"), 28, theme.ink, true);
    if (m.ending) {
      add(`${m.ending.outcome} — ${m.ending.title}`, 22, theme.accentCss, true);
      add(m.ending.debrief, 18, theme.ink);
    }
    add(t("debrief.path"), 20, theme.ink, true);
    const view = app().store.get().view;
    if (view?.map) {
      y += drawScenarioMap(
        this,
        view.map,
        mapTracks(view, this.path),
        { x: x0, y, width: inner, height: 250 },
        {
          small: true,
          teamNames: view.role !== "trainee" ? view.teams.map((team) => team.name) : [],
        },
      );
      y += 12;
    }
    for (const s of m.steps) {
      add(`${s.n}. ${s.label}`, 18, theme.inkDim);
      y -= 8;
      for (const b of s.tags) add(b.text, 16, b.good ? theme.goodCss : theme.badOnDarkCss, true);
    }
    this.drawChart(m, x0, y + 40, inner, 200);
    y += 270;
    add(t("debrief.techniques"), 20, theme.ink, true);
    add(
      m.techniques.map((c) => `✔ ${c.name} ×${c.count}`).join("\n") || t("debrief.none"),
      18,
      theme.goodCss,
    );
    add(t("debrief.defences"), 20, theme.ink, true);
    add(
      m.defences.map((c) => `✖ ${c.name} ×${c.count}`).join("\n") || t("debrief.none"),
      18,
      theme.badOnDarkCss,
    );
    if (m.votes.length) {
      add(t("debrief.votes"), 20, theme.ink, true);
      add(m.votes.map((v) => `${v.step}. [${v.split}] ${v.label}`).join("\n"), 17, theme.inkDim);
    }
    if (m.marks.length) {
      add(t("debrief.marks"), 20, theme.ink, true);
      add(m.marks.map((v) => `${v.step}. ✔ ${v.agreed} · ✖ ${v.differed}`).join("\n"), 17, theme.inkDim);
    }
    this.contentHeight = y + 20;
  }

  /** Mood (circles, left axis 0..100) and cost (squares, right axis) over the steps. */
  private drawChart(m: DebriefModel, x: number, y: number, w: number, h: number): void {
    const small = w < 700;
    this.add
      .text(x, y - 6, t("debrief.chart"), textStyle(small ? 18 : 28, theme.ink, { bold: true }))
      .setOrigin(0, 1);
    const g = this.add.graphics();
    g.lineStyle(2, 0xffffff, 0.6).strokeRect(x, y, w, h);
    for (let i = 1; i < 4; i++)
      g.lineStyle(1, 0xffffff, 0.2).lineBetween(x, y + (h * i) / 4, x + w, y + (h * i) / 4);
    const n = Math.max(1, m.chart.mood.length - 1);
    const px = (i: number) => x + 20 + ((w - 40) * i) / n;
    const moodPts = m.chart.mood.map((v, i) => new Phaser.Math.Vector2(px(i), y + h - (h * v) / 100));
    const costPts = m.chart.cost.map(
      (v, i) => new Phaser.Math.Vector2(px(i), y + h - (h * v) / m.chart.maxCost),
    );
    // In team play each team's mood gets its own line, named at its end so colour is not the only key.
    const longest = Math.max(n, ...m.teams.map((team) => team.mood.length - 1));
    const tx = (i: number) => x + 20 + ((w - 140) * i) / Math.max(1, longest);
    // Each team in its colour on the map too; names that would land on each other move down a line.
    const labels: { x: number; y: number }[] = [];
    m.teams.forEach((team, ti) => {
      const pts = team.mood.map((v, i) => new Phaser.Math.Vector2(tx(i), y + h - (h * v) / 100));
      const colour = teamColours[ti % teamColours.length] ?? theme.accent;
      g.lineStyle(4, colour, 1).strokePoints(pts);
      pts.forEach((p) => g.fillStyle(colour, 1).fillCircle(p.x, p.y, 6));
      const end = pts[pts.length - 1];
      if (!end) return;
      const lineH = small ? 18 : 24;
      let ly = end.y;
      while (labels.some((l) => Math.abs(l.x - end.x) < 120 && Math.abs(l.y - ly) < lineH)) ly -= lineH;
      labels.push({ x: end.x, y: ly });
      this.add
        .text(end.x + 10, ly, team.name, {
          ...textStyle(small ? 14 : 20, `#${colour.toString(16).padStart(6, "0")}`, { bold: true }),
        })
        .setOrigin(0, 0.5);
    });
    if (m.teams.length) {
      this.add.text(x + 6, y + 4, `● ${t("meter.mood")} (0–100)`, textStyle(small ? 15 : 22, theme.goodCss));
      return;
    }
    g.lineStyle(5, theme.good, 1).strokePoints(moodPts);
    moodPts.forEach((p) => g.fillStyle(theme.good, 1).fillCircle(p.x, p.y, 8));
    g.lineStyle(4, theme.accent, 1).strokePoints(costPts);
    costPts.forEach((p) => g.fillStyle(theme.accent, 1).fillRect(p.x - 7, p.y - 7, 14, 14));
    const fs = small ? 15 : 22;
    this.add.text(x + 6, y + 4, `● ${t("meter.mood")} (0–100)`, textStyle(fs, theme.goodCss, { bold: true }));
    this.add
      .text(
        x + w - 6,
        y + 4,
        `■ ${t("meter.cost")} (≤ ${m.chart.costLabel})`,
        textStyle(fs, theme.accentCss, { bold: true }),
      )
      .setOrigin(1, 0);
  }
}
