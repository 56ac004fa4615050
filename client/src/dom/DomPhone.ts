import type { TraineeView } from "@hotseat/shared";
import { announce } from "../a11y/announce";
import type { PhaserApp } from "../app/phaserApp";
import { saveLocale } from "../app/prefs";
import { normalizeCode, routePath } from "../app/route";
import { sceneFor } from "../app/sceneFor";
import { app } from "../app/services";
import type { AppState } from "../app/store";
import type { MessageKey } from "../i18n/en";
import { isUiLocale, getLocale, t } from "../i18n/t";
import { closeReasonKey } from "../net/closeReason";
import { failureText } from "../net/refusal";
import type { HitTarget } from "../ui/hitRegistry";
import { metersModel } from "../viewModel/meters";
import { traineeModel, type TraineeModel } from "../viewModel/traineeModel";
import { reservationOf } from "../net/earlyReservation";
import type { SeatReservation } from "@colyseus/sdk";
import { traineePageHtml } from "./traineePageHtml";
import { RosterPicker } from "./rosterPicker";
import { refusalOfJoinError } from "../net/refusal";

/** The routes a phone opens first: the join link (`/join/CODE`) and its seat (`/play/CODE`). */
export type PhoneRoute = { kind: "home"; code: string } | { kind: "trainee"; code: string };

/** How long a refusal stays on the page (the canvas shows its toast as long). */
const errorMs = 5000;

/** A Join pressed before the entry chunk arrived (dom/earlyJoin.ts): the matchmaker's answer is on its way. */
type EarlyJoin = { code: string; name: string; response: Promise<Response> };
declare global {
  interface Window {
    __hotseatEarlyJoin?: EarlyJoin | undefined;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * A phone's first page, drawn as HTML from the small entry chunk: the join form, then the trainee's view
 * with real buttons, so a phone on a slow network can join and vote before Phaser has arrived. When the
 * canvas is there (`attach`), the trainee's scene starts, and once it has drawn this page steps aside: the
 * scene's accessible layer takes over, and the focus moves to the same button there.
 */
export class DomPhone {
  /** The page in index.html: the join form (#dom-join) and the trainee's view (#dom-trainee). */
  private readonly root: HTMLElement;
  private readonly joinPart: HTMLElement;
  private readonly traineePart: HTMLElement;
  private screen: "join" | "trainee" | "gone" = "join";
  private phaser?: PhaserApp;
  private handingOver = false;
  private lastHtml = "";
  private lastBanner = "";
  private model?: TraineeModel;
  private view?: TraineeView;
  /** The first vote this phone saw per step, so a different later one reads "changed" (as on the canvas). */
  private readonly votes = new Map<number, string>();
  private stopRender?: () => void;
  /** A group session's roster picker, drawn into the form above the name field. */
  private readonly picker: RosterPicker;

  constructor(
    route: PhoneRoute,
    private readonly onReady: () => void,
  ) {
    this.root = byId("dom-page");
    this.joinPart = byId("dom-join");
    this.traineePart = byId("dom-trainee");
    this.picker = rosterPickerIn(byId<HTMLFormElement>("join-form"));
    this.root.addEventListener("click", (e) => this.onClick(e));
    document.addEventListener("keydown", this.onKey);
    this.wireForm();
    if (route.kind === "home") {
      this.showJoin(route.code);
      const early = window.__hotseatEarlyJoin;
      window.__hotseatEarlyJoin = undefined;
      if (early) void this.submit(early.code, early.name, reservationOf(early.response));
    } else {
      this.showTrainee();
      void this.join(route.code);
    }
  }

  /** Whether this page is on screen (before the canvas takes over). */
  get visible(): boolean {
    return this.screen !== "gone";
  }

  /** The screen this page shows, named as the canvas scene that will take it over. */
  sceneKey(): string {
    return this.screen === "join" ? "home" : "trainee";
  }

  /** What this page last drew: the trainee's model, or the join form's code. */
  currentModel(): unknown {
    return this.screen === "trainee" ? this.model : { screen: "home" };
  }

  /** The page's buttons as the test hook reports canvas targets: id, text, place in page pixels. */
  targets(): HitTarget[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>("button[data-target]")].map((b) => {
      const r = b.getBoundingClientRect();
      return {
        id: b.dataset.target ?? "",
        label: b.querySelector(".hs-dom-card-text")?.textContent ?? b.textContent ?? "",
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
        enabled: b.getAttribute("aria-disabled") !== "true",
      };
    });
  }

  /** The canvas has booted: a joined phone hands over now, a phone still on the form when it joins. */
  attach(phaser: PhaserApp): void {
    this.phaser = phaser;
    if (this.screen === "join") this.onReady();
    else void this.handOver();
  }

  /** The form's handlers, once: the inline script's own handler stands aside for an adopted form. */
  private wireForm(): void {
    const form = byId<HTMLFormElement>("join-form");
    form.dataset.owner = "entry";
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.submit(byId<HTMLInputElement>("join-code").value, byId<HTMLInputElement>("join-name").value);
    });
    byId<HTMLSelectElement>("lang-select").addEventListener("change", (e) => {
      const value = (e.target as HTMLSelectElement).value;
      if (!isUiLocale(value)) return;
      saveLocale(value);
      document.documentElement.lang = value;
      app().store.update({ locale: value });
      this.translate();
    });
  }

  /** The page's fixed texts in the current language (the inline script may have set them already). */
  private translate(): void {
    for (const el of this.joinPart.querySelectorAll<HTMLElement>("[data-text]"))
      el.textContent = t(el.dataset.text as MessageKey);
    byId<HTMLSelectElement>("lang-select").value = getLocale();
  }

  /** Shows the form; what the inline script filled in or the user already typed stays. */
  private showJoin(code: string, error = ""): void {
    this.screen = "join";
    this.stopRender?.();
    this.traineePart.replaceChildren();
    this.lastHtml = "";
    this.translate();
    const codeInput = byId<HTMLInputElement>("join-code");
    const nameInput = byId<HTMLInputElement>("join-name");
    if (!codeInput.value) codeInput.value = code;
    if (!nameInput.value && code) nameInput.value = app().conn.savedName(code) ?? "";
    void this.picker.load(normalizeCode(code));
    byId("join-error").textContent = error;
    this.joinPart.hidden = false;
    this.root.hidden = false;
    // The inline script put the focus in the name field; the user may be typing there already.
    if (!this.root.contains(document.activeElement)) (code ? nameInput : codeInput).focus();
  }

  private async submit(rawCode: string, rawName: string, reserved?: Promise<SeatReservation>): Promise<void> {
    const error = byId("join-error");
    const code = normalizeCode(rawCode);
    if (!code) return void (error.textContent = t("home.codeMissing"));
    let name = rawName.trim();
    try {
      const picked = await this.picker.pick(code);
      if (picked.kind === "missing") return void (error.textContent = t("learn.pickMissing"));
      if (picked.kind === "learner") name = picked.name;
    } catch (e) {
      return void (error.textContent = failureText(e));
    }
    if (!name) return void (error.textContent = t("home.nameMissing"));
    error.textContent = t("conn.connecting");
    try {
      await app().conn.join(code, "trainee", name, reserved);
    } catch (e) {
      error.textContent = t("home.joinFailed", { reason: failureText(e) });
      if (refusalOfJoinError(e).code === "join.bad-learner") this.picker.forget();
      app().store.update({ status: "idle" });
      return;
    }
    history.replaceState(null, "", routePath({ kind: "trainee", code }));
    if (this.phaser) void this.handOver();
    else this.showTrainee();
  }

  /** `/play/CODE`: takes this device's seat again; a refusal goes back to the form with the reason. */
  private async join(code: string): Promise<void> {
    try {
      await app().conn.join(code, "trainee");
    } catch (e) {
      app().store.update({ status: "idle" });
      history.replaceState(null, "", routePath({ kind: "home", code }));
      this.showJoin(code, t("home.joinFailed", { reason: failureText(e) }));
      if (this.phaser) this.onReady();
    }
  }

  private showTrainee(): void {
    this.screen = "trainee";
    this.joinPart.hidden = true;
    this.root.hidden = false;
    const unsubscribe = app().store.subscribe(() => this.render());
    // A timed vote counts down here too, and a refusal's line goes away.
    const tick = setInterval(() => this.render(), 1000);
    this.stopRender = () => {
      unsubscribe();
      clearInterval(tick);
      this.stopRender = undefined;
    };
    this.render();
  }

  private render(): void {
    if (this.screen !== "trainee") return;
    const state = app().store.get();
    const view = state.view?.role === "trainee" ? state.view : undefined;
    this.view = view;
    const banner = this.banner(state);
    let html: string;
    if (!view) {
      this.model = undefined;
      html = `<header class="hs-dom-brand"><h1>${t("app.title")}</h1></header><p class="hs-dom-status"><span role="status">${t("conn.connecting")}</span></p>`;
    } else {
      if (view.myVote && !this.votes.has(view.stepIndex)) this.votes.set(view.stepIndex, view.myVote);
      this.model = traineeModel(view, this.votes.get(view.stepIndex), Date.now());
      const gender = this.model.customer?.look.gender ?? view.scenario?.look?.gender;
      const meters = view.meters
        ? metersModel(view.meters, [], view.scenario?.currency ?? "EUR", getLocale(), gender)
        : undefined;
      html = traineePageHtml(this.model, meters, banner);
    }
    if (html === this.lastHtml) return;
    this.lastHtml = html;
    // Rebuilt whole (it lives a few seconds at most); the focus stays on the same button.
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.target;
    this.traineePart.innerHTML = html;
    if (focused) this.root.querySelector<HTMLElement>(`[data-target="${CSS.escape(focused)}"]`)?.focus();
  }

  /** The connection's trouble or the last refusal, as the canvas's banner and toast say them. */
  private banner(state: AppState): string {
    const msg =
      state.status === "reconnecting"
        ? t("conn.reconnecting")
        : state.status === "lost"
          ? t("conn.lost")
          : state.status === "kicked"
            ? t(closeReasonKey(state.closeCode))
            : state.error && Date.now() - state.error.at < errorMs
              ? state.error.message
              : "";
    if (msg !== this.lastBanner) {
      this.lastBanner = msg;
      if (msg) announce(msg);
    }
    return msg;
  }

  private onClick(e: MouseEvent): void {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-target]");
    if (!button || button.getAttribute("aria-disabled") === "true") return;
    this.activate(button.dataset.target ?? "");
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.screen !== "trainee" || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number(e.key);
    const option = Number.isInteger(n) && n >= 1 ? this.view?.options[n - 1] : undefined;
    if (option) this.activate(`option.${option.id}`);
  };

  /** What a tap on a card sends, exactly as the trainee's scene sends it. */
  private activate(target: string): void {
    const view = this.view;
    if (!view) return;
    if (target.startsWith("team.")) {
      app().conn.send({ type: "trainee.pickTeam", teamId: target.slice("team.".length) });
      return;
    }
    const action = this.model?.action;
    if (target.startsWith("option.") && action)
      app().conn.send({ type: action, optionId: target.slice("option.".length), stepIndex: view.stepIndex });
  }

  /** Starts the canvas scene for the current view and steps aside once it has drawn. */
  private async handOver(): Promise<void> {
    const phaser = this.phaser;
    if (!phaser || this.handingOver) return;
    this.handingOver = true;
    const view = app().store.get().view;
    await phaser.startAndDraw(view?.role === "trainee" ? sceneFor(view) : "trainee");
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.target;
    this.stopRender?.();
    this.screen = "gone";
    // Removed, not hidden: the home page's canvas form uses the same ids.
    this.root.remove();
    document.removeEventListener("keydown", this.onKey);
    if (focused) document.querySelector<HTMLElement>(`#a11y [data-target="${CSS.escape(focused)}"]`)?.focus();
    this.onReady();
  }
}

/** The roster picker's place in the join form: above the name field, which it hides where no name is typed. */
function rosterPickerIn(form: HTMLFormElement): RosterPicker {
  const nameLabel = byId<HTMLInputElement>("join-name").closest("label") as HTMLElement;
  const container = document.createElement("div");
  container.id = "join-roster";
  container.hidden = true;
  form.insertBefore(container, nameLabel);
  return new RosterPicker(container, nameLabel);
}
