import Phaser from "phaser";
import { t } from "../i18n/t";
import { failureText } from "../net/refusal";
import { DebriefScene } from "../scenes/DebriefScene";
import { HomeScene } from "../scenes/HomeScene";
import { ProjectorScene } from "../scenes/ProjectorScene";
import { TraineeScene } from "../scenes/TraineeScene";
import { TrainerScene } from "../scenes/TrainerScene";
import { hitTargets, type HitTarget } from "../ui/hitRegistry";
import { theme } from "../ui/theme";
import { renderOnDemand } from "./renderOnDemand";
import { chooseRenderer, glRendererName } from "./rendererChoice";
import { isStageRoute, routePath, type Route } from "./route";
import { app, provideServices } from "./services";

/**
 * The canvas part of the client: Phaser and every scene, in the chunk that `loadPhaser` fetches after the
 * entry. Stage routes boot it at once; a phone's join link shows the DOM page first and hands over later.
 */
export class PhaserApp {
  readonly game: Phaser.Game;
  private readonly ready: Promise<void>;

  constructor(stage: boolean) {
    this.game = new Phaser.Game({
      type: chooseRenderer(glRendererName()) === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
      parent: "game",
      backgroundColor: theme.bg,
      scale: stage
        ? { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: 1920, height: 1080 }
        : { mode: Phaser.Scale.RESIZE, width: "100%", height: "100%" },
      // No pixel reads (screenshots come from the compositor), so the drawing buffer need not be kept per frame.
      render: { antialias: true },
      // Nothing here needs 60 frames a second; 30 halves the work on phones and projector laptops.
      fps: { target: 30, limit: 30 },
      // The reveal's sound cues make their own AudioContext when the trainer turns sound on (audio/revealCues);
      // Phaser's sound manager is unused, and creating its context cost a quarter of every page's boot.
      audio: { noAudio: true },
    });
    // Added, not listed in the config: Phaser would start the first of a list at once, and on a phone's
    // join link the HTML page is still the home page.
    const scenes = {
      home: HomeScene,
      trainee: TraineeScene,
      projector: ProjectorScene,
      trainer: TrainerScene,
    };
    for (const [key, scene] of Object.entries({ ...scenes, debrief: DebriefScene }))
      this.game.scene.add(key, scene, false);
    this.ready = new Promise<void>((resolve) =>
      this.game.events.once(Phaser.Core.Events.READY, () => {
        // The projector draws a frame only when it changed or animates; other scenes draw every tick.
        renderOnDemand(this.game, () => this.activeScene());
        resolve();
      }),
    );
  }

  /** Resolves once the game has booted (renderer and scene manager exist). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The scene on screen, if any. */
  activeScene(): Phaser.Scene | undefined {
    return this.game.scene.getScenes(true)[0];
  }

  /** The active scene's view model, as it last drew it. */
  model(): unknown {
    return (this.activeScene() as unknown as { model?: unknown } | undefined)?.model;
  }

  /** Every clickable canvas target, in page pixels. */
  targets(): HitTarget[] {
    return hitTargets(this.game.canvas, this.game.scale.width, this.game.scale.height);
  }

  /** True when no tween is moving. */
  settled(): boolean {
    return (this.activeScene()?.tweens.getTweens().length ?? 0) === 0;
  }

  /** Stops whatever runs and starts scene `key`. */
  start(key: string): void {
    for (const s of this.game.scene.getScenes(true)) this.game.scene.stop(s.scene.key);
    this.game.scene.start(key);
  }

  /** Starts scene `key` and resolves once it has drawn its first frame on the canvas. */
  startAndDraw(key: string): Promise<void> {
    return new Promise((resolve) => {
      const scene = this.game.scene.getScene(key);
      scene.events.once(Phaser.Scenes.Events.POST_UPDATE, () =>
        this.game.events.once(Phaser.Core.Events.POST_RENDER, () => resolve()),
      );
      this.start(key);
    });
  }

  /** Starts the scene for a route that the canvas shows from the start (home, practice, stage roles). */
  async boot(route: Route): Promise<void> {
    await this.whenReady();
    const { store, conn } = app();
    if (route.kind === "practise" && route.scenarioId) {
      this.start("trainee");
      try {
        // Practising alone: the server hosts a started solo session with the only seat kept for this device.
        const practice = await conn.practise(route.scenarioId, t("home.practiseName"));
        await conn.join(practice.code, "trainee");
        history.replaceState(null, "", routePath({ kind: "trainee", code: practice.code }));
      } catch (e) {
        store.update({
          status: "idle",
          error: {
            code: "practise",
            message: t("home.practiseFailed", { reason: failureText(e) }),
            at: Date.now(),
          },
        });
        this.start("home");
      }
      return;
    }
    if (route.kind === "home" || route.kind === "practise") {
      // Ready (for tests and for the keyboard) once the home page has drawn and focused its join form.
      await this.startAndDraw("home");
      return;
    }
    // Never here: the Studio and "My practice" are pages of their own that run instead of the game (main.ts).
    if (route.kind === "studio" || route.kind === "my-practice" || route.kind === "groups") return;
    const role = route.kind;
    this.start(role);
    try {
      await conn.join(route.code, role);
    } catch (e) {
      store.update({
        status: "idle",
        error: { code: "join", message: t("home.joinFailed", { reason: failureText(e) }), at: Date.now() },
      });
      if (role === "trainee") {
        history.replaceState(null, "", routePath({ kind: "home", code: route.code }));
        provideServices({ store, conn, route: { kind: "home", code: route.code } });
        this.start("home");
      }
    }
  }
}

/** Creates the game for a route: a stage route gets the fixed 1920x1080 stage, everything else fits the screen. */
export function createPhaserApp(route: Route): PhaserApp {
  return new PhaserApp(isStageRoute(route));
}
