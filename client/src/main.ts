import { loadPhaser } from "./app/loadPhaser";
import type { PhaserApp } from "./app/phaserApp";
import { loadLocale, loadReducedMotion } from "./app/prefs";
import { parseRoute } from "./app/route";
import { provideServices } from "./app/services";
import { Store } from "./app/store";
import { watchCues } from "./app/watchCues";
import { DomPhone } from "./dom/DomPhone";
import { redeemRenewLink } from "./dom/renewLink";
import { setLocale } from "./i18n/t";
import { Connection } from "./net/connection";

// The entry chunk: the connection, the shared schemas, the texts and the phone's HTML page. Phaser and the
// scenes come in a second download (loadPhaser), which a phone on a join link no longer waits for.
const route = parseRoute(window.location.pathname);
// The Studio is a tool page of its own, loaded only when a trainer opens it (a trainee's phone never downloads
// it); no game runs there, so this module goes no further on that page.
if (route.kind === "studio") {
  (await import("./studio/studioPage")).openStudio(route);
  await new Promise<never>(() => undefined);
}
const locale = loadLocale();
// "My practice" (a learner's own record) is a page of its own too, loaded only when a trainee opens it.
if (route.kind === "my-practice") {
  setLocale(locale);
  document.documentElement.lang = locale;
  await (await import("./learning/myPracticePage")).openMyPractice();
  await new Promise<never>(() => undefined);
}
// A trainer's groups and their pages (issue 11): a tool page of its own, never downloaded by a trainee.
if (route.kind === "groups") {
  setLocale(locale);
  document.documentElement.lang = locale;
  (await import("./groups/groupsPage")).openGroups(route);
  await new Promise<never>(() => undefined);
}
setLocale(locale);
document.documentElement.lang = locale;
const store = new Store({ status: "idle", locale, reducedMotion: loadReducedMotion() });
const conn = new Connection(store);
// A rewind is noticed here, whichever scene is on screen, and shown briefly by the wall and the phones.
watchCues(store);
provideServices({ store, conn, route });
// A learner's renew link (/#renew=<token>) moves their practice record to this phone.
void redeemRenewLink();

const ready = () => {
  if (window.__hotseat) window.__hotseat.ready = true;
};
const phone =
  route.kind === "trainee" || (route.kind === "home" && route.code)
    ? new DomPhone({ kind: route.kind, code: route.code ?? "" }, ready)
    : undefined;
// Other routes never show the join link's HTML page, and the home page's canvas form has the same ids.
if (!phone) document.getElementById("dom-page")?.remove();
let phaser: PhaserApp | undefined;
// The HTML page answers for the phone until the canvas has taken over.
const onPage = () => (phone?.visible ? phone : undefined);

window.__hotseat = {
  ready: false,
  scene: () => onPage()?.sceneKey() ?? phaser?.activeScene()?.scene.key,
  model: () => (onPage() ? onPage()?.currentModel() : phaser?.model()),
  state: () => store.get(),
  targets: () => onPage()?.targets() ?? phaser?.targets() ?? [],
  settled: () => phaser?.settled() ?? true,
};

void loadPhaser(route).then(async (p) => {
  phaser = p;
  await p.whenReady();
  if (phone) phone.attach(p);
  else {
    await p.boot(route);
    ready();
  }
});
