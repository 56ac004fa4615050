import type { ClientMessage, PathStepView } from "@hotseat/shared";
import type { AppState, RoleView } from "../app/store";
import { app } from "../app/services";
import { getLocale, t } from "../i18n/t";
import { reportUrl } from "../net/mySessions";
import { sendNextScenario } from "../net/sendNextScenario";
import { Button } from "../ui/Button";
import { esc, htmlPanel } from "../ui/HtmlPanel";
import { drawScenarioMap } from "../ui/ScenarioMap";
import { textStyle, theme } from "../ui/theme";
import { debriefModel, type DebriefModel } from "../viewModel/debriefModel";
import { costAxis, moodAxis } from "../viewModel/chartAxes";
import { clampPage, debriefPages, endingHeading, type DebriefPage } from "../viewModel/debriefPages";
import { trainerModel } from "../viewModel/trainerModel";
import { debriefDoc } from "../a11y/debriefDoc";
import { sceneFor } from "../app/sceneFor";
import { BaseScene } from "./BaseScene";
import { drawDebriefChart } from "./debriefChart";
import { mapTracks } from "./debriefMap";
import { drawWallPage, toneColour } from "./debriefWall";
import { removePracticeLinkBar, updatePracticeLinkBar } from "./practiceLinkBar";
import { removeSoloEndBar, updateSoloEndBar } from "./soloEndBar";
import { enableScroll } from "./scroll";
import { removeTrainerRemote, updateTrainerDebriefRemote, wantsRemote } from "./trainerRemote";

/**
 * The debrief for every role: path on a simple map, mood and cost chart, techniques and defence
 * mechanisms, vote split and observers' marks, abandoned branches, the ending, and report exports.
 */
export class DebriefScene extends BaseScene {
  private lastKey = "";
  /** The page the wall shows and how many there are (wall and console only). */
  private pages?: { index: number; count: number };
  /** The path played, with the states each step led from and to, for the map. */
  private path: PathStepView[] = [];
  private contentHeight = 0;
  private footRoom = 0;

  constructor() {
    super("debrief");
  }

  override create(): void {
    super.create();
    this.lastKey = "";
    enableScroll(this, () => this.contentHeight);
    this.events.once("shutdown", removeTrainerRemote);
    this.events.once("shutdown", removeSoloEndBar);
    this.events.once("shutdown", removePracticeLinkBar);
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
        ? {
            teams: view.teams.map((team) => ({
              name: team.name,
              path: team.path ?? [],
              meters: team.meters,
              ...(team.outcome ? { outcome: team.outcome } : {}),
              ...(team.endingTitle ? { endingTitle: team.endingTitle } : {}),
              ...(team.branches ? { branches: team.branches } : {}),
            })),
          }
        : {}),
      // The server computes the best path and sends it at the debrief (never to trainees' phones).
      ...(view.role !== "trainee" && view.best ? { best: view.best } : {}),
      currency,
      locale: getLocale(),
      ...(view.scenario?.tags ? { declaredTags: view.scenario.tags } : {}),
    });
    this.model = model;
    const money = { currency, locale: getLocale() };
    // The wall's pages (the console walks them; trainees scroll through everything instead).
    const pages = view.role === "trainee" ? [] : debriefPages(model, { hasMap: Boolean(view.map), ...money });
    const page = clampPage(view.role === "trainee" ? 0 : view.debriefPage, pages.length);
    this.pages = { index: page, count: pages.length };
    // What the tests read: the debrief, and on the wall and the console the page shown and its kind.
    this.model = { ...model, page: { index: page, count: pages.length, kind: pages[page]?.kind } };
    // The trainer's phone gets what to do next and the page buttons; the debrief itself is on the wall.
    if (view.role === "trainer" && wantsRemote()) {
      const send = (msg: ClientMessage) =>
        msg.type === "trainer.nextScenario" ? void sendNextScenario(view.scenario?.id) : app().conn.send(msg);
      updateTrainerDebriefRemote(view, trainerModel(view), send, {
        index: page,
        titles: pages.map((p) => p.title),
      });
    } else removeTrainerRemote();
    if (view.role === "trainee")
      updateSoloEndBar(
        view,
        (msg) => app().conn.send(msg),
        () => window.location.assign("/"),
      );
    else removeSoloEndBar();
    // Room under the content for the link to My practice, when a learner's phone shows it.
    this.footRoom = view.role === "trainee" && updatePracticeLinkBar(view, state.code) ? 80 : 0;
    if (view.role !== "trainee") removePracticeLinkBar();
    const key = JSON.stringify([model, page, this.scale.width, this.scale.height, state.locale]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    // The trainer's phone remote covers the page and has its own buttons: the layer would only add
    // hidden stops to the tab order under it.
    if (view.role === "trainer" && wantsRemote()) this.a11y.destroy();
    else
      this.a11y.render(
        debriefDoc(
          model,
          money,
          pages.length
            ? t("debrief.pageStatus", {
                page: page + 1,
                count: pages.length,
                title: pages[page]?.title ?? "",
              })
            : undefined,
        ),
      );
    this.children.removeAll(true);
    // The wall and the console are stage routes (a fixed 1920x1080 scaled to fit); trainees' own screens
    // scroll through the whole debrief at their own pace.
    if (view.role === "trainee") this.drawNarrow(model, money);
    else this.drawStage(model, view, pages, page, money);
  }

  /**
   * The wall and the trainer's console show the same page, cut by the page model; the console draws it a
   * little smaller, with the page buttons, the rewinds and "Next scenario" beside and under it, never on it.
   */
  private drawStage(
    m: DebriefModel,
    view: RoleView,
    pages: DebriefPage[],
    page: number,
    money: { currency: string; locale: string },
  ): void {
    const before = new Set(this.children.list);
    drawWallPage(this, m, pages, page, {
      title: view.scenario?.title ?? "",
      ...(view.map ? { map: view.map } : {}),
      tracks: mapTracks(view, this.path),
      teamNames: view.role !== "trainee" ? view.teams.map((team) => team.name) : [],
      money,
    });
    if (view.role !== "trainer") return;
    // The page as the wall shows it, scaled into the console's upper left, in a frame.
    const made = this.children.list.filter((o) => !before.has(o));
    const scale = 0.78;
    this.add.container(0, 0, made).setScale(scale);
    this.add
      .graphics()
      .lineStyle(2, 0xffffff, 0.35)
      .strokeRect(1, 1, 1920 * scale, 1080 * scale);
    this.drawConsole(view, pages, page, scale);
  }

  private drawConsole(
    view: RoleView & { role: "trainer" },
    pages: DebriefPage[],
    page: number,
    scale: number,
  ): void {
    const go = (to: number) => app().conn.send({ type: "trainer.debriefPage", page: to });
    const x = Math.ceil(1920 * scale) + 24;
    const w = 1920 - x - 24;
    new Button(
      this,
      x,
      16,
      {
        id: "debrief.prevPage",
        label: t("debrief.prevPage"),
        width: w,
        height: 60,
        fontSize: 22,
        fill: 0xe5e9f2,
        enabled: page > 0,
      },
      () => go(page - 1),
    );
    new Button(
      this,
      x,
      88,
      {
        id: "debrief.nextPage",
        label: t("debrief.nextPage"),
        width: w,
        height: 72,
        fontSize: 24,
        enabled: page < pages.length - 1,
      },
      () => go(page + 1),
    );
    // Every page by name, the one on the wall marked, so the trainer can jump back to a page the room asks about.
    pages.forEach((p, i) => {
      new Button(
        this,
        x,
        184 + i * 58,
        {
          id: `debrief.page.${i}`,
          label: `${i + 1}. ${p.title}`,
          width: w,
          height: 50,
          fontSize: 18,
          fill: i === page ? theme.accent : theme.panelLight,
          textColor: i === page ? theme.inkDark : theme.ink,
          selected: i === page,
        },
        () => go(i),
      );
    });
    new Button(
      this,
      x,
      1080 - 24 - 72,
      {
        id: "ctl.nextScenario",
        label: t("trainer.nextScenario"),
        width: w,
        height: 72,
        fontSize: 24,
        enabled: view.controls.nextScenario,
      },
      () => void sendNextScenario(view.scenario?.id),
    );
    const code = view.joinCode;
    htmlPanel(
      this,
      { x, y: 1080 - 24 - 72 - 70, w },
      `<div class="hs-row"><strong>${esc(t("debrief.export"))}:</strong>
        <a id="export-csv" href="${esc(reportUrl(code, "csv"))}" style="color:#ffd166;font-weight:700">CSV</a>
        <a id="export-json" href="${esc(reportUrl(code, "json"))}" target="_blank" style="color:#ffd166;font-weight:700">JSON</a></div>`,
      "debrief-export",
    );
    // Under the page: the last decisions (of every team in team play), each with its own rewind; earlier ones
    // (class play) get a small "⟲ 2" button each in a row above, so any step can be tried again.
    const top = Math.ceil(1080 * scale) + 14;
    const history = trainerModel(view).history;
    const rewindW = Math.floor((x - 24 - 60 - 3 * 16) / 4);
    if (view.teams.length === 0)
      history.slice(0, -4).forEach((h, i) => {
        if (i >= 16) return;
        new Button(
          this,
          24 + i * 84,
          top,
          { id: h.id, label: `⟲ ${h.stepIndex + 1}`, width: 76, height: 48, fontSize: 18, fill: 0xe5e9f2 },
          () => app().conn.send(h.rewind),
        );
      });
    history.slice(-4).forEach((h, i) => {
      new Button(
        this,
        24 + i * (rewindW + 16),
        1080 - 24 - 100,
        { id: h.id, label: h.rewindLabel, width: rewindW, height: 100, fontSize: 18, fill: 0xe5e9f2 },
        () => app().conn.send(h.rewind),
      );
    });
  }

  /** Presentation clickers send Page Down / Page Up (or the arrows): they walk the wall through the pages. */
  protected override onShortcut(e: KeyboardEvent): boolean {
    const view = app().store.get().view;
    if (view?.role !== "trainer" || !this.pages) return false;
    const step = ["PageDown", "ArrowRight", "ArrowDown"].includes(e.key)
      ? 1
      : ["PageUp", "ArrowLeft", "ArrowUp"].includes(e.key)
        ? -1
        : 0;
    if (step === 0) return false;
    const to = this.pages.index + step;
    if (to >= 0 && to < this.pages.count) app().conn.send({ type: "trainer.debriefPage", page: to });
    return true;
  }

  private drawNarrow(m: DebriefModel, money: { currency: string; locale: string }): void {
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
      add(endingHeading(m), 22, toneColour({ outcome: m.ending.kind }), true);
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
    // The chart with its axes: mood on the left, cost on the right, values at every point.
    const axisW = 52;
    y += 44;
    drawDebriefChart(
      this,
      m,
      { x: x0 + axisW, y, w: inner - 2 * axisW - 12, h: 200 },
      {
        mood: moodAxis(),
        ...(m.teams.length ? {} : { cost: costAxis(m.chart.maxCost, money.currency, money.locale) }),
      },
      money,
      15,
    );
    y += 290;
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
      add(m.votes.map((v) => `${v.step}. ${v.label} (${v.split})`).join("\n"), 17, theme.inkDim);
    }
    if (m.marks.length) {
      add(t("debrief.marks"), 20, theme.ink, true);
      add(
        m.marks
          .map((v) => `${v.step}. ${t("debrief.marksRow", { same: v.agreed, other: v.differed })}`)
          .join("\n"),
        17,
        theme.inkDim,
      );
    }
    this.contentHeight = y + 20 + this.footRoom;
  }
}
