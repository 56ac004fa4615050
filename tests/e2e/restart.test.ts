import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario, localize, stateMetaOf } from "@hotseat/shared";
import { freePort, startServerProcess } from "../../server/bench/serverProcess";
import type { ServerProcess } from "../../server/bench/serverProcess";
import {
  clickTarget,
  optionIds,
  Pages,
  repoRoot,
  shared,
  stageLogger,
  viewOf,
  waitReady,
  waitView,
} from "./harness";
import type { ProjectorView, TraineeView, TrainerView } from "./harness";

const scenarioFile = join(repoRoot, "scenarios", "ruined-hat", "scenario.yaml");
const compiled = loadScenario(readFileSync(scenarioFile, "utf8"), scenarioFile).compiled!;
/** The customer's first line of ruined-hat in `locale`, straight from the scenario file. */
const openingLine = (locale: string) =>
  localize(stateMetaOf(compiled, compiled.scenario.machine.initial).line ?? "", locale, "en");

type View = { phase: string; stepIndex: number; myVote?: string; votes?: Record<string, string> };
type AnyView = TraineeView | ProjectorView | TrainerView;

const workDir = mkdtempSync(join(tmpdir(), "hotseat-e2e-restart-"));
const dataDir = join(workDir, "data");
mkdirSync(dataDir);
const servers: ServerProcess[] = [];
let browser: Browser;
let pages: Pages;
const stage = stageLogger("restart");

async function startServer(port: number): Promise<ServerProcess> {
  // Up to 120 s: a busy 2-core machine can take longer than the default 30 s to start a server.
  const server = await startServerProcess(
    port,
    {
      HOTSEAT_DATA_DIR: dataDir,
      HOTSEAT_SCENARIOS_DIR: join(repoRoot, "scenarios"),
      HOTSEAT_RECONNECT_SECONDS: "60",
      HOTSEAT_CLIENT_DIR: shared.clientDir(),
    },
    120_000,
  );
  servers.push(server);
  return server;
}

/** A page in its own browser profile; `locale` is a UI language chosen on an earlier visit. */
async function openPage(width: number, height: number, locale?: string): Promise<Page> {
  return pages.open({ width, height }, locale ? { locale } : {});
}

/** The page's connection status as the client's store has it. */
async function status(page: Page): Promise<string | undefined> {
  return page.evaluate(() => window.__hotseat?.state().status);
}

beforeAll(async () => {
  browser = await shared.browser();
  pages = new Pages(browser);
}, 60_000);

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await Promise.all(servers.map((s) => s.kill()));
  rmSync(workDir, { recursive: true, force: true });
});

describe("a server killed mid-vote and started again", () => {
  it("brings every open page back to the same step, votes and language, with no reload or click", async () => {
    const port = await freePort();
    const first = await startServer(port);
    const url = first.url;

    const trainer = await openPage(1920, 1080);
    await trainer.goto(url);
    await waitReady(trainer);
    await trainer.waitForFunction(
      () =>
        Array.from(document.querySelectorAll("#scenario-select option")).some((o) => o.textContent !== ""),
      null,
      { polling: 100 },
    );
    await trainer.selectOption("#scenario-select", "ruined-hat");
    await trainer.click("#host-button");
    await trainer.waitForURL(/\/trainer\/[A-Z0-9]+$/);
    await waitReady(trainer);
    const code = trainer.url().split("/").pop() ?? "";
    await waitView<TrainerView>(trainer, (v) => v.role === "trainer" && v.phase === "lobby");

    const projector = await openPage(1920, 1080);
    await projector.goto(`${url}/projector/${code}`);
    const trainees = [await openPage(390, 844), await openPage(390, 844, "pl")];
    await waitReady(projector);
    for (const [i, page] of trainees.entries()) {
      await page.goto(`${url}/join/${code}`);
      await waitReady(page);
      await page.fill("#join-name", `Pat ${i + 1}`);
      await page.click("#join-button");
      await waitView(page, (v) => v.role === "trainee");
    }
    await waitView<TrainerView>(trainer, (v) => v.roster.length === 2);

    // The trainer reads the console in Romanian; the second phone was set to Polish before.
    await trainer.selectOption("#trainer-lang", "ro");
    await clickTarget(trainer, "ctl.start");
    await waitView(trainer, (v) => v.phase === "deciding");
    const inLanguage = async () =>
      Promise.all(
        [trainer, ...trainees].map((p) =>
          viewOf<AnyView>(p).then((v) => (v && "customer" in v ? v.customer?.line : undefined)),
        ),
      );
    await waitView<TrainerView>(trainer, (v) => v.customer?.line === openingLine("ro"));
    expect(await inLanguage()).toEqual([openingLine("ro"), openingLine("en"), openingLine("pl")]);
    await clickTarget(trainer, "ctl.vote");
    for (const page of trainees) await waitView<TraineeView>(page, (v) => v.can === "vote");
    const options = await optionIds(trainees[0]!);
    await clickTarget(trainees[0]!, options[0] ?? "");
    // The same option for both, so the reveal after the restart is not a tie.
    await clickTarget(trainees[1]!, options[0] ?? "");
    await waitView<TrainerView>(trainer, (v) => Object.keys(v.votes).length === 2);
    await waitView<ProjectorView>(projector, (v) => v.votesCast === 2);
    const open = [trainer, projector, ...trainees];
    const before = await Promise.all(open.map((p) => viewOf<View>(p)));
    // A page that reloaded would lose the window mark; a view from the new server lacks the view mark.
    for (const page of open)
      await page.evaluate(() => {
        (window as unknown as { mark: number }).mark = 1;
        Object.assign(window.__hotseat?.state().view ?? {}, { fromOldServer: true });
      });

    stage("killing the server");
    await first.kill("SIGKILL");
    await Promise.all(
      open.map((page) =>
        page.waitForFunction(() => window.__hotseat?.state().status !== "connected", null, {
          polling: 50,
          timeout: 10_000,
        }),
      ),
    );
    stage("every page noticed; restarting on the same port and data");
    const second = await startServer(port);
    stage("restarted");

    await Promise.all(
      open.map((page) =>
        page.waitForFunction(
          () => {
            const state = window.__hotseat?.state();
            return (
              state?.status === "connected" && state.view !== undefined && !("fromOldServer" in state.view)
            );
          },
          null,
          { polling: 100, timeout: 30_000 },
        ),
      ),
    );
    stage("every page rejoined");
    // Resumed lazily, when the first page came back by code.
    expect(second.output()).toContain(`[${code}] resumed from its log`);
    const after = await Promise.all(open.map((p) => viewOf<View>(p)));
    for (const [i, view] of after.entries()) {
      expect(view?.phase).toBe("voting");
      expect(view?.stepIndex).toBe(before[i]?.stepIndex);
    }
    expect(after[0]?.votes).toEqual(before[0]?.votes);
    expect(after[2]?.myVote).toBe(options[0]!.slice("option.".length));
    expect(after[3]?.myVote).toBe(options[0]!.slice("option.".length));
    // Each page rejoined in its own language.
    expect(await inLanguage()).toEqual([openingLine("ro"), openingLine("en"), openingLine("pl")]);
    await waitView<TrainerView>(trainer, (v) => v.roster.filter((r) => r.connected).length === 2);
    await waitView<ProjectorView>(projector, (v) => v.votesCast === 2);
    // Only the live connections count: the ones that died with the old process were closed.
    await waitView<TrainerView>(trainer, (v) => v.projectorCount === 1);
    for (const page of open)
      expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    expect(await Promise.all(open.map(status))).toEqual(open.map(() => "connected"));

    // The live connections carry on: the trainer reveals and everyone sees it.
    await clickTarget(trainer, "ctl.reveal");
    await Promise.all(open.map((page) => waitView(page, (v) => v.phase === "revealed")));
    stage("revealed");
  }, 300_000);
});
