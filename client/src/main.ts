import Phaser from "phaser";
import { loadLocale, loadReducedMotion } from "./app/prefs";
import { isStageRoute, parseRoute, routePath } from "./app/route";
import { renderOnDemand } from "./app/renderOnDemand";
import { chooseRenderer, glRendererName } from "./app/rendererChoice";
import { provideServices, app } from "./app/services";
import { Store } from "./app/store";
import { setLocale, t } from "./i18n/t";
import { Connection } from "./net/connection";
import { failureText } from "./net/refusal";
import { DebriefScene } from "./scenes/DebriefScene";
import { HomeScene } from "./scenes/HomeScene";
import { ProjectorScene } from "./scenes/ProjectorScene";
import { TraineeScene } from "./scenes/TraineeScene";
import { TrainerScene } from "./scenes/TrainerScene";
import { hitTargets } from "./ui/hitRegistry";
import { theme } from "./ui/theme";

const route = parseRoute(window.location.pathname);
// The Studio is a tool page of its own, loaded only when a trainer opens it (a trainee's phone never downloads
// it); no game runs there, so this module goes no further on that page.
if (route.kind === "studio") {
  (await import("./studio/studioPage")).openStudio(route);
  await new Promise<never>(() => undefined);
}
const locale = loadLocale();
setLocale(locale);
document.documentElement.lang = locale;
const store = new Store({ status: "idle", locale, reducedMotion: loadReducedMotion() });
const conn = new Connection(store);
provideServices({ store, conn, route });

const stage = isStageRoute(route);
const game = new Phaser.Game({
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
  scene: [HomeScene, TraineeScene, ProjectorScene, TrainerScene, DebriefScene],
});

function activeScene(): Phaser.Scene | undefined {
  return game.scene.getScenes(true)[0];
}

window.__hotseat = {
  ready: false,
  scene: () => activeScene()?.scene.key,
  model: () => (activeScene() as unknown as { model?: unknown } | undefined)?.model,
  state: () => app().store.get(),
  targets: () => hitTargets(game.canvas, game.scale.width, game.scale.height),
  settled: () => (activeScene()?.tweens.getTweens().length ?? 0) === 0,
};

/**
 * Practising alone: the server hosts a started solo session with the only seat kept for this device
 * (one request), and this page takes that seat as a trainee.
 */
async function practise(scenarioId: string): Promise<string> {
  const practice = await conn.practise(scenarioId, t("home.practiseName"));
  await conn.join(practice.code, "trainee");
  return practice.code;
}

/** Starts the scene for the URL; roles connect first and fall back to the home page when that fails. */
async function boot(): Promise<void> {
  await new Promise<void>((resolve) => game.events.once(Phaser.Core.Events.READY, () => resolve()));
  // The projector draws a frame only when it changed or animates; other scenes draw every tick.
  renderOnDemand(game, activeScene);
  const start = (key: string) => {
    for (const s of game.scene.getScenes(true)) game.scene.stop(s.scene.key);
    game.scene.start(key);
  };
  const ready = () => {
    if (window.__hotseat) window.__hotseat.ready = true;
  };
  if (route.kind === "practise" && route.scenarioId) {
    start("trainee");
    try {
      const code = await practise(route.scenarioId);
      history.replaceState(null, "", routePath({ kind: "trainee", code }));
    } catch (e) {
      store.update({
        status: "idle",
        error: {
          code: "practise",
          message: t("home.practiseFailed", { reason: failureText(e) }),
          at: Date.now(),
        },
      });
      start("home");
    }
    ready();
    return;
  }
  if (route.kind === "home" || route.kind === "practise") {
    start("home");
    ready();
    return;
  }
  if (route.kind === "studio") return; // never here: the Studio page runs instead of the game (see above)
  const role = route.kind;
  start(role);
  try {
    await conn.join(route.code, role);
  } catch (e) {
    store.update({
      status: "idle",
      error: {
        code: "join",
        message: t("home.joinFailed", { reason: failureText(e) }),
        at: Date.now(),
      },
    });
    if (role === "trainee") {
      history.replaceState(null, "", routePath({ kind: "home", code: route.code }));
      provideServices({ store, conn, route: { kind: "home", code: route.code } });
      start("home");
    }
  }
  ready();
}

void boot();
