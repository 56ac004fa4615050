import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clickTarget,
  ensureClientBuilt,
  launchBrowser,
  optionIds,
  shoot,
  shootAt,
  startServer,
  viewOf,
  waitReady,
  waitView,
  type TestServer,
} from "./harness";

type TraineeView = {
  me: { id: string; name: string };
  can: string;
  myVote?: string;
  stepIndex: number;
  phase: string;
  team?: { id: string };
};

let server: TestServer;
const startedAt = Date.now();
/** Logs how long each stage took, so a slow machine shows where the time goes. */
function stage(name: string): void {
  console.log(`[e2e ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${name}`);
}
let browser: Browser;
const contexts: BrowserContext[] = [];
const phoneSize = { width: 390, height: 844 };
const stageSize = { width: 1920, height: 1080 };

async function openPage(size: { width: number; height: number }, phone = false): Promise<Page> {
  const context = await browser.newContext({
    viewport: size,
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  return page;
}

async function joinAs(page: Page, code: string, name: string, viaLink: boolean): Promise<void> {
  await page.goto(viaLink ? `${server.url}/join/${code}` : `${server.url}/`);
  await waitReady(page);
  if (!viaLink) await page.fill("#join-code", code.toLowerCase());
  await page.fill("#join-name", name);
  await page.click("#join-button");
  await page.waitForFunction(
    () => window.__hotseat?.scene() === "trainee" && window.__hotseat.state().view,
    null,
    {
      polling: 100,
    },
  );
}

// Building the client and booting the server can be slow on a busy machine.
beforeAll(async () => {
  ensureClientBuilt();
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("a workshop in the browser", () => {
  it("runs class vote, hot seat and teams from phones, projector and console to the debrief", async () => {
    // The trainer hosts the flagship scenario from the home page.
    stage("The trainer hosts the flagship scenario from the home page.");
    const trainer = await openPage(stageSize);
    await trainer.goto(server.url);
    await waitReady(trainer);
    await shoot(trainer, "home-1920");
    const scenarioIds = await trainer.$$eval("#scenario-select option", (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    const scenarioId = scenarioIds.includes("ruined-hat") ? "ruined-hat" : (scenarioIds[0] ?? "");
    await trainer.selectOption("#scenario-select", scenarioId);
    await trainer.click("#host-button");
    await trainer.waitForURL(/\/trainer\/[A-Z0-9]+$/);
    await waitReady(trainer);
    const code = trainer.url().split("/").pop() ?? "";
    await waitView(trainer, `view.role === "trainer" && view.phase === "lobby"`);

    const projector = await openPage(stageSize);
    await projector.goto(`${server.url}/projector/${code}`);
    await waitReady(projector);
    await waitView(projector, `view.joinCode === ${JSON.stringify(code)}`);

    // Three trainees: a phone from the QR link, two laptops typing the code.
    stage("Three trainees: a phone from the QR link, two laptops typing the code.");
    const ana = await openPage(phoneSize, true);
    await ana.goto(`${server.url}/join/${code}`);
    await waitReady(ana);
    await shoot(ana, "home-join-390");
    await joinAs(ana, code, "Ana", true);
    const ben = await openPage({ width: 1024, height: 700 });
    await joinAs(ben, code, "Ben", false);
    const cleo = await openPage({ width: 1024, height: 700 });
    await joinAs(cleo, code, "Cleo", false);
    const trainees = [ana, ben, cleo];
    await waitView(projector, "view.traineeCount === 3");
    await shoot(projector, "projector-lobby-1920");
    await shoot(trainer, "trainer-lobby-1920");
    await shoot(ana, "trainee-lobby-390");

    // A broken upload shows diagnostics with codes and lines, and is not selected.
    stage("A broken upload shows diagnostics with codes and lines, and is not selected.");
    await trainer.setInputFiles("#upload-input", {
      name: "broken.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(
        "formatVersion: 1\nid: broken\ntitle: Broken\nmachine:\n  initial: nowhere\n  states: {}\n",
      ),
    });
    await trainer.waitForFunction(
      () => document.querySelector("#diagnostics")?.textContent?.includes("HS0"),
      null,
      {
        polling: 100,
      },
    );
    expect(await trainer.textContent("#diagnostics")).toMatch(/broken\.yaml:\d+:\d+ error HS0\d\d/);
    expect((await viewOf<{ scenario: { id: string } }>(trainer)).scenario.id).toBe(scenarioId);
    await shoot(trainer, "trainer-upload-diagnostics-1920");

    // Class vote.
    stage("Class vote.");
    await clickTarget(trainer, "style.class-vote");
    await clickTarget(trainer, "ctl.start");
    await waitView(trainer, `view.phase === "deciding"`);
    await clickTarget(trainer, "ctl.vote");
    for (const p of trainees) await waitView(p, `view.can === "vote"`);
    const first = await optionIds(ana);
    expect(first.length).toBeGreaterThan(1);
    await clickTarget(ana, first[0] ?? "");
    await clickTarget(ben, first[0] ?? "");
    await clickTarget(cleo, first[1] ?? "");
    await waitView(cleo, `view.myVote === ${JSON.stringify((first[1] ?? "").slice(7))}`);
    // Cleo changes her mind: the phone says so.
    stage("Cleo changes her mind: the phone says so.");
    await clickTarget(cleo, first[0] ?? "");
    await waitView(cleo, `view.myVote === ${JSON.stringify((first[0] ?? "").slice(7))}`);
    // The scene builds its model on the frame after the view arrives.
    await cleo.waitForFunction(
      () => /changed/i.test((window.__hotseat?.model() as { status?: string } | undefined)?.status ?? ""),
      null,
      { timeout: 20_000, polling: 100 },
    );
    const cleoModel = (await cleo.evaluate(() => window.__hotseat?.model())) as { status: string };
    expect(cleoModel.status).toMatch(/changed/i);

    // Ana reloads mid-vote and keeps her seat and her vote.
    stage("Ana reloads mid-vote and keeps her seat and her vote.");
    const before = await viewOf<TraineeView>(ana);
    await ana.reload();
    await waitReady(ana);
    await waitView(ana, `view.can === "vote"`);
    const after = await viewOf<TraineeView>(ana);
    expect(after.me.id).toBe(before.me.id);
    expect(after.myVote).toBe(before.myVote);
    await waitView(projector, "view.votesCast === 3");
    await shoot(ana, "trainee-vote-390");
    await shoot(projector, "projector-voting-1920");
    await shoot(trainer, "trainer-voting-1920");
    await shootAt(ben, "trainee-vote-1920", stageSize);
    await shootAt(projector, "projector-voting-390", phoneSize);
    // On a phone the console is a remote control with the same controls: the trainer reveals from it.
    // Back on the laptop it goes away.
    await trainer.setViewportSize(phoneSize);
    await trainer.waitForSelector("#trainer-remote #remote-ctl-reveal:not([disabled])", { timeout: 20_000 });
    await shoot(trainer, "trainer-voting-390");
    await trainer.click("#remote-ctl-reveal");
    await waitView(projector, `view.phase === "revealed"`);
    await trainer.setViewportSize(stageSize);
    await trainer.waitForSelector("#trainer-remote", { state: "detached", timeout: 20_000 });
    await waitView(ana, `view.phase === "revealed"`);
    await shoot(projector, "projector-revealed-1920");
    await shoot(ana, "trainee-revealed-390");

    // Next decision by keyboard shortcut, then the trainer rewinds to it and the class replays it.
    stage("Next decision by keyboard shortcut, then the trainer rewinds to it and the class replays it.");
    await trainer.keyboard.press("n");
    await waitView(ana, `view.can === "vote" && view.stepIndex === 1`);
    const second = await optionIds(ana);
    for (const p of trainees) await clickTarget(p, second[0] ?? "");
    await waitView(projector, "view.votesCast === 3");
    await trainer.keyboard.press("r");
    await waitView(trainer, `view.history.length === 2 || view.phase === "debrief"`);
    stage("rewinding");
    await clickTarget(trainer, "rewind.1");
    await waitView(trainer, `view.stepIndex === 1 && view.phase === "deciding"`);
    await waitView(ana, `view.stepIndex === 1`);
    await trainer.keyboard.press("e");
    stage("ended; waiting for every page to show the debrief");
    for (const p of [...trainees, projector, trainer])
      await p.waitForFunction(() => window.__hotseat?.scene() === "debrief", null, { polling: 100 });
    // The debrief names a technique or defence mechanism for the steps played, from the views alone.
    await projector.waitForFunction(
      () => Array.isArray((window.__hotseat?.model() as { techniques?: unknown } | undefined)?.techniques),
      null,
      { timeout: 20_000, polling: 100 },
    );
    const wallDebrief = (await projector.evaluate(() => window.__hotseat?.model())) as {
      techniques: unknown[];
      defences: unknown[];
    };
    expect(wallDebrief.techniques.length + wallDebrief.defences.length).toBeGreaterThan(0);
    await shoot(projector, "debrief-class-1920");
    await shoot(ana, "debrief-class-390");
    await shoot(trainer, "trainer-debrief-1920");
    await trainer.setViewportSize(phoneSize);
    await trainer.waitForSelector("#trainer-remote #remote-ctl-nextScenario", { timeout: 20_000 });
    await shoot(trainer, "trainer-debrief-390");
    await trainer.setViewportSize(stageSize);
    await trainer.waitForSelector("#trainer-remote", { state: "detached", timeout: 20_000 });

    // Hot seat: back to the lobby, same scenario, Ana takes the seat, the others mark.
    stage("Hot seat: back to the lobby, same scenario, Ana takes the seat, the others mark.");
    await clickTarget(trainer, "ctl.nextScenario");
    await waitView(trainer, `view.phase === "lobby"`);
    await trainer.waitForFunction(() => window.__hotseat?.scene() === "trainer", null, { polling: 100 });
    await trainer.waitForSelector("#library-select option[value='" + scenarioId + "']", {
      state: "attached",
    });
    await trainer.selectOption("#library-select", scenarioId);
    await waitView(trainer, `view.scenario && view.scenario.id === ${JSON.stringify(scenarioId)}`);
    await clickTarget(trainer, "style.hot-seat");
    await waitView(trainer, `view.style === "hot-seat"`);
    await clickTarget(trainer, "ctl.seat");
    await waitView(trainer, `Boolean(view.hotSeat)`);
    await clickTarget(trainer, "ctl.start");
    const seatName = (await viewOf<{ hotSeat: { holderName: string } }>(trainer)).hotSeat.holderName;
    const holder = trainees[["Ana", "Ben", "Cleo"].indexOf(seatName)] ?? ana;
    const observers = trainees.filter((p) => p !== holder);
    await waitView(holder, `view.can === "choose"`);
    for (const p of observers) await waitView(p, `view.can === "mark"`);
    const observer = observers[0] as Page;
    const marks = await optionIds(observer);
    await clickTarget(observer, marks[1] ?? marks[0] ?? "");
    await waitView(observer, "Boolean(view.myMark)");
    await shoot(holder === ana ? ana : observer, "trainee-hotseat-390");
    await shoot(projector, "projector-hotseat-1920");
    await clickTarget(holder, (await optionIds(holder))[0] ?? "");
    await waitView(projector, `view.phase === "revealed"`);
    await trainer.keyboard.press("e");
    await projector.waitForFunction(() => window.__hotseat?.scene() === "debrief", null, { polling: 100 });

    // Teams: two teams, each captain plays the first option until the run ends or three steps pass.
    stage("Teams: two teams, each captain plays the first option until the run ends or three steps pass.");
    await clickTarget(trainer, "ctl.nextScenario");
    await waitView(trainer, `view.phase === "lobby"`);
    await trainer.waitForFunction(() => window.__hotseat?.scene() === "trainer", null, { polling: 100 });
    await trainer.waitForSelector("#library-select option[value='" + scenarioId + "']", {
      state: "attached",
    });
    await trainer.selectOption("#library-select", scenarioId);
    await waitView(trainer, `view.scenario && view.scenario.id === ${JSON.stringify(scenarioId)}`);
    await clickTarget(trainer, "style.teams");
    await waitView(trainer, `view.style === "teams"`);
    await clickTarget(trainer, "ctl.teams");
    await waitView(trainer, "view.teams.length === 2");
    stage("Ana moves herself to the other team from her phone.");
    await waitView(ana, "view.teams.length === 2 && Boolean(view.team)");
    const anaTeam = (await viewOf<TraineeView>(ana)).team?.id;
    const otherTeam = anaTeam === "team-1" ? "team-2" : "team-1";
    await clickTarget(ana, `team.${otherTeam}`);
    await waitView(ana, `view.team && view.team.id === ${JSON.stringify(otherTeam)}`);
    await shoot(ana, "trainee-lobby-teams-390");
    await waitView(projector, "view.teams.length === 2");
    await shoot(projector, "projector-lobby-teams-1920");
    await clickTarget(trainer, "ctl.start");
    await waitView(projector, `view.phase !== "lobby" && view.teams.length === 2`);
    for (let step = 0; step < 3; step++) {
      for (const p of trainees) {
        const v = await viewOf<TraineeView>(p);
        if (v.can !== "choose") continue;
        const ids = await optionIds(p);
        if (ids[0]) await clickTarget(p, ids[0]);
        await p.waitForTimeout(300);
      }
      if (step === 0) {
        await shoot(projector, "projector-teams-1920");
        await shoot(ana, "trainee-teams-390");
      }
    }
    stage("The trainer rewinds one team's last decision from the console.");
    const played = (await viewOf<{ teams: { history: unknown[] }[] }>(trainer)).teams[0]?.history.length ?? 0;
    if (played > 0) {
      await clickTarget(trainer, `rewind.team-1.${played - 1}`);
      await waitView(trainer, `view.teams[0].stepIndex === ${played - 1}`);
    }
    // The console previews each team's options with their effects, drawn before the shot.
    await trainer.waitForFunction(
      () => document.querySelectorAll("#trainer-teams-preview [data-team]").length === 2,
      null,
      { polling: 100 },
    );
    expect(await trainer.textContent("#trainer-teams-preview")).toMatch(/Mood [+-]\d/);
    await shoot(trainer, "trainer-teams-1920");
    await trainer.keyboard.press("e");
    stage("ended; waiting for every page to show the debrief");
    for (const p of [...trainees, projector, trainer])
      await p.waitForFunction(() => window.__hotseat?.scene() === "debrief", null, { polling: 100 });
    await shoot(projector, "debrief-teams-1920");
    await shoot(ana, "debrief-teams-390");
    await shoot(trainer, "trainer-debrief-teams-1920");
  }, 600_000);

  it("lets one trainee practise alone: a solo run they choose in themselves, with feedback", async () => {
    const page = await openPage(phoneSize, true);
    await page.goto(server.url);
    await waitReady(page);
    await page.click("#practise-button");
    await page.waitForURL(/\/play\/[A-Z0-9]+$/, { timeout: 60_000 });
    await waitView(page, `view.style === "solo" && view.can === "choose"`, 60_000);
    const ids = await optionIds(page);
    await clickTarget(page, ids[0] ?? "");
    await waitView(page, `view.phase === "revealed" && Boolean(view.result)`);
    // The scene builds its model on the next frame after the view arrives.
    await page.waitForFunction(
      () =>
        ((window.__hotseat?.model() as { reveal?: { label: string } } | undefined)?.reveal?.label.length ??
          0) > 3,
      null,
      { timeout: 20_000, polling: 100 },
    );
    const model = (await page.evaluate(() => window.__hotseat?.model())) as { reveal?: { label: string } };
    expect(model.reveal?.label.length).toBeGreaterThan(3);
    await shoot(page, "practise-revealed-390");
  }, 300_000);
});
