import type { Page } from "playwright-core";
import { useBrowserTest } from "../browserTestFixture";
import type { BrowserTest } from "../browserTestFixture";
import { shared, shoot, waitReady, waitScene, waitView } from "../harness";
import type { ProjectorView, TraineeView, TrainerView } from "../harness";

/** The scenario every workshop test plays: the flagship, which the e2e tests may rely on. */
export const scenarioId = "ruined-hat";
export const phoneSize = { width: 390, height: 844 };
export const laptopSize = { width: 1024, height: 700 };
export const stageSize = { width: 1920, height: 1080 };

/** One workshop: the trainer's console, the projector, and three trainees (a phone and two laptops). */
export type Workshop = {
  code: string;
  trainer: Page;
  projector: Page;
  ana: Page;
  ben: Page;
  cleo: Page;
  trainees: [Page, Page, Page];
  /** The trainee page of the trainee called `name`. */
  byName: (name: string) => Page;
};

/** What a workshop test opens pages with. */
export type PageOpener = Pick<BrowserTest, "open">;

/** Connects this test file to the run's browser and closes its pages afterwards; returns the page opener. */
export function usePages(): () => PageOpener {
  const e2e = useBrowserTest();
  return () => e2e;
}

/** A trainee joins by typing the code on the home page, as on a laptop. */
async function joinByCode(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${shared.serverUrl()}/`);
  await waitReady(page);
  await page.fill("#join-code", code.toLowerCase());
  await page.fill("#join-name", name);
  await page.click("#join-button");
  await waitScene(page, "trainee");
  await waitView<TraineeView>(page, (v) => v.role === "trainee");
}

/** A trainee joins from the QR code's link, as on a phone: the code is already filled in. */
async function joinByLink(page: Page, code: string, name: string, shotName?: string): Promise<void> {
  await page.goto(`${shared.serverUrl()}/join/${code}`);
  await waitReady(page);
  if (shotName !== undefined) await shoot(page, shotName);
  await page.fill("#join-name", name);
  await page.click("#join-button");
  await waitScene(page, "trainee");
  await waitView<TraineeView>(page, (v) => v.role === "trainee");
}

/**
 * The trainer hosts the flagship scenario from the home page, the projector opens its link, and three
 * trainees join: Ana from a phone through the link, Ben and Cleo from laptops typing the code.
 * `shots` saves the home and lobby screenshots (one test does, so they are taken once).
 */
export async function openWorkshop(pages: PageOpener, shots = false): Promise<Workshop> {
  const url = shared.serverUrl();
  const trainer = await pages.open(stageSize);
  await trainer.goto(url);
  await waitReady(trainer);
  if (shots) await shoot(trainer, "home-1920");
  await trainer.selectOption("#scenario-select", scenarioId);
  await trainer.click("#host-button");
  await trainer.waitForURL(/\/trainer\/[A-Z0-9]+$/);
  await waitReady(trainer);
  const code = trainer.url().split("/").pop() ?? "";
  await waitView<TrainerView>(trainer, (v) => v.role === "trainer" && v.phase === "lobby");

  const projector = await pages.open(stageSize);
  await projector.goto(`${url}/projector/${code}`);
  await waitReady(projector);
  await waitView<ProjectorView>(projector, (v) => v.joinCode === code);

  const ana = await pages.open(phoneSize, { phone: true });
  await joinByLink(ana, code, "Ana", shots ? "home-join-390" : undefined);
  const ben = await pages.open(laptopSize);
  await joinByCode(ben, code, "Ben");
  const cleo = await pages.open(laptopSize);
  await joinByCode(cleo, code, "Cleo");
  await waitView<ProjectorView>(projector, (v) => v.traineeCount === 3);
  const names: Record<string, Page> = { Ana: ana, Ben: ben, Cleo: cleo };
  return {
    code,
    trainer,
    projector,
    ana,
    ben,
    cleo,
    trainees: [ana, ben, cleo],
    byName: (name) => {
      const page = names[name];
      if (!page) throw new Error(`no trainee called ${name}`);
      return page;
    },
  };
}

/** Waits until every page shows the debrief. */
export async function everyoneInDebrief(w: Workshop): Promise<void> {
  for (const p of [...w.trainees, w.projector, w.trainer]) await waitScene(p, "debrief");
}
