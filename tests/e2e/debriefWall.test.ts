import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import {
  repoRoot,
  ariaOf,
  shared,
  stageLogger,
  waitModel,
  waitReady,
  waitScene,
  waitView,
  type ProjectorView,
  type TrainerView,
  saveShot,
  screenshotsOn,
} from "./harness";
import { usePages } from "./workshop/workshopFixture";
import type { PageOpener } from "./workshop/workshopFixture";

/** Where the debrief's screenshots go, for a trainer to look at. */
const shots = join(repoRoot, "artifacts", "debrief");
const pages = usePages();
const stage = stageLogger("debrief wall");

type WallModel = { page?: { index: number; count: number; kind?: string }; votes?: unknown[] };

/** A real SDK connection that keeps the latest view. */
async function connect<V>(
  code: string,
  options: Record<string, unknown>,
): Promise<{ room: Room; view: () => V }> {
  const client = new Client(shared.serverUrl().replace(/^http/, "ws"));
  const room = await client.joinById(code, options);
  let last: V | undefined;
  room.onMessage("view", (v: V) => (last = v));
  room.onMessage("error", () => undefined);
  room.onMessage("welcome", () => undefined);
  const start = Date.now();
  while (last === undefined) {
    if (Date.now() - start > 20_000) throw new Error("no first view");
    await new Promise((r) => setTimeout(r, 20));
  }
  return { room, view: () => last as V };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Saves a screenshot under artifacts/debrief once the page's tweens have settled. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshotsOn) return;
  await page.evaluate(() => ((window as unknown as { __calm?: number }).__calm = 0));
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __calm: number };
      w.__calm = (window.__hotseat?.settled() ?? true) ? w.__calm + 1 : 0;
      return w.__calm >= 6;
    },
    null,
    { timeout: 20_000, polling: "raf" },
  );
  await saveShot(page, join(shots, `${name}.png`));
}

/** Hosts the flagship scenario through the API and opens the trainer's console for it in the browser. */
async function host(p: PageOpener): Promise<{ code: string; token: string; console: Page }> {
  const res = await fetch(`${shared.serverUrl()}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId: "ruined-hat" }),
  });
  const { code, trainerToken } = (await res.json()) as { code: string; trainerToken: string };
  const page = await p.open({ width: 1920, height: 1080 });
  await page.addInitScript(({ c, tk }) => localStorage.setItem(`hotseat.trainer.${c}`, tk), {
    c: code,
    tk: trainerToken,
  });
  await page.goto(`${shared.serverUrl()}/trainer/${code}`);
  await waitReady(page);
  await waitView<TrainerView>(page, (v) => v.role === "trainer");
  return { code, token: trainerToken, console: page };
}

// Options that keep the conversation going (the flagship's longest road), so the debrief has many decisions.
const longRoad = [
  "report-the-review",
  "apologise-and-take-it-private",
  "ask-what-happened",
  "ask-for-photos",
  "refund-in-full",
];

describe("the debrief on the wall, page by page", () => {
  it("lets the trainer walk eight voted decisions page by page while the wall follows, in every language", async () => {
    const p = pages();
    const { code, token, console } = await host(p);
    const trainer = await connect<TrainerView>(code, { role: "trainer", trainerToken: token });
    const send = (m: { type: string } & Record<string, unknown>) => trainer.room.send(m.type, m);
    const trainees = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        connect(code, { role: "trainee", name: `T${i + 1}`, reconnectKey: `debrief-${code}-${i}` }),
      ),
    );
    const wall = await p.open({ width: 1920, height: 1080 });
    await wall.goto(`${shared.serverUrl()}/projector/${code}`);
    await waitReady(wall);

    stage("The class votes its way through the scenario (8 trainees, splits at every decision).");
    send({ type: "trainer.start" });
    await until(() => trainer.view().phase === "deciding", "the first decision");
    const lastRevealed = () => trainer.view().controls.showEnding;
    for (let step = 0; !lastRevealed() && trainer.view().phase !== "debrief" && step < 12; step++) {
      const options = trainer.view().options.map((o) => o.id);
      const pick = options.find((o) => longRoad.includes(o)) ?? options[0] ?? "";
      send({ type: "trainer.openVote" });
      await until(() => trainer.view().phase === "voting", "the vote");
      trainees.forEach((x, i) => {
        const other = options[(i + step) % options.length] ?? pick;
        x.room.send("trainee.vote", { type: "trainee.vote", optionId: i < 5 ? pick : other });
      });
      await until(() => Object.keys(trainer.view().votes).length === 8, "8 votes");
      send({ type: "trainer.reveal" });
      await until(
        () => trainer.view().history.length === step + 1 || trainer.view().phase === "debrief",
        "the reveal",
      );
    }
    // The last decision is revealed like the others; Next shows the ending, and Next again the debrief.
    await until(lastRevealed, "the last decision's reveal");
    send({ type: "trainer.showEnding" });
    await until(() => trainer.view().phase === "ending", "the ending");
    send({ type: "trainer.end" });
    await until(() => trainer.view().phase === "debrief", "the debrief");
    const decisions = trainer.view().history.length;
    stage(`The debrief: ${decisions} decisions.`);
    expect(decisions).toBeGreaterThanOrEqual(5);
    await waitScene(wall, "debrief");
    await waitScene(console, "debrief");

    stage("The trainer turns the pages on the console; the wall follows.");
    const first = await waitModel<WallModel>(wall, (m) => m.page?.index === 0, "the wall's first page");
    const count = first.page?.count ?? 0;
    expect(count).toBeGreaterThanOrEqual(4);
    await shoot(console, "console-1920-page1");
    for (let i = 1; i < count; i++) {
      // By the console's button, then by a presentation clicker's Page Down.
      if (i % 2) await clickConsole(console, "debrief.nextPage");
      else await console.keyboard.press("PageDown");
      await waitModel<WallModel>(wall, (m) => m.page?.index === i, `the wall on page ${i + 1}`);
      await waitModel<WallModel>(console, (m) => m.page?.index === i, `the console on page ${i + 1}`);
      await shoot(console, `console-1920-page${i + 1}`);
    }
    // The wall's accessible layer carries the whole debrief, whatever page is shown, and says which page.
    const tree = await ariaOf(wall.locator("#a11y"));
    expect(tree).toContain(`Page ${count} of ${count}`);
    for (const d of trainer.view().history) expect(tree).toContain(d.label);
    expect(tree).toMatch(/How the class voted/);
    const kinds = [] as string[];
    for (const locale of ["en", "pl", "ro", "lt"]) {
      await wall.evaluate((l) => localStorage.setItem("hotseat.locale", l), locale);
      await wall.reload();
      await waitReady(wall);
      await waitScene(wall, "debrief");
      for (let i = 0; i < count; i++) {
        send({ type: "trainer.debriefPage", page: i });
        const m = await waitModel<WallModel>(wall, (x) => x.page?.index === i, `page ${i + 1} in ${locale}`);
        if (locale === "en") kinds.push(m.page?.kind ?? "");
        for (const size of [
          { width: 1920, height: 1080 },
          { width: 1280, height: 720 },
        ]) {
          await wall.setViewportSize(size);
          await shoot(wall, `wall-${locale}-${size.width}-page${i + 1}-${m.page?.kind ?? ""}`);
        }
        await wall.setViewportSize({ width: 1920, height: 1080 });
      }
    }
    expect(kinds.slice(0, 1)).toEqual(["path"]);
    expect(kinds).toContain("votes");
    expect(kinds).toContain("chart");

    stage("On a phone, the console's remote turns the wall's pages too.");
    send({ type: "trainer.debriefPage", page: 0 });
    await waitModel<WallModel>(wall, (m) => m.page?.index === 0, "the wall back on page 1");
    await console.setViewportSize({ width: 390, height: 844 });
    await console.waitForSelector("#trainer-remote #remote-debrief-nextPage:not([disabled])", {
      timeout: 20_000,
    });
    await console.click("#remote-debrief-nextPage");
    await waitModel<WallModel>(wall, (m) => m.page?.index === 1, "the wall on page 2 from the remote");
    await shoot(console, "console-remote-390");

    stage("A trainee's phone shows the whole debrief in its own layout.");
    const phone = await p.open({ width: 390, height: 844 }, { phone: true, locale: "en" });
    await phone.goto(`${shared.serverUrl()}/join/${code}`);
    await waitReady(phone);
    await phone.fill("#join-name", "Phone");
    await phone.click("#join-button");
    await waitScene(phone, "debrief");
    await shoot(phone, "phone-390-debrief");
    // Further down: the steps, the chart with its axes, the techniques and the votes.
    for (const n of [2, 3, 4]) {
      await phone.mouse.move(195, 400);
      await phone.mouse.wheel(0, 1400);
      await shoot(phone, `phone-390-debrief-${n}`);
    }
    for (const x of trainees) await x.room.leave(true).catch(() => undefined);
    await trainer.room.leave(true).catch(() => undefined);
  }, 300_000);

  it("shows each team on the wall with its customer's line and feeling, and a bad ending in red", async () => {
    const p = pages();
    const { code, token } = await host(p);
    const trainer = await connect<TrainerView>(code, { role: "trainer", trainerToken: token });
    const send = (m: { type: string } & Record<string, unknown>) => trainer.room.send(m.type, m);
    type Trainee = { options: { id: string }[]; stepIndex: number; can?: string; result?: unknown };
    const trainees: { room: Room; view: () => Trainee }[] = [];
    // One at a time, so the join order (and with it who captains which team) is known.
    for (let i = 0; i < 6; i++)
      trainees.push(
        await connect<Trainee>(code, {
          role: "trainee",
          name: `T${i + 1}`,
          reconnectKey: `teams-${code}-${i}`,
        }),
      );
    const wall = await p.open({ width: 1920, height: 1080 });
    await wall.goto(`${shared.serverUrl()}/projector/${code}`);
    await waitReady(wall);
    send({ type: "trainer.splitTeams", count: 3 });
    await until(() => trainer.view().teams.length === 3, "three teams");
    send({ type: "trainer.start" });
    await until(() => trainer.view().teams.every((t) => t.captainId), "captains");
    const captain = (team: number) => {
      const id = trainer.view().teams[team]?.captainId;
      const at = trainer.view().roster.findIndex((r) => r.id === id);
      const peer = trainees[at];
      if (!peer) throw new Error(`no captain for team ${team + 1}`);
      return peer;
    };
    // A team's end reaches its captain's phone before the console: a captain shown the ending is done.
    const ended = (team: number) => trainer.view().teams[team]?.ended === true;
    const choose = async (team: number, wanted?: string) => {
      const c = captain(team);
      const atEnding = () => c.view().options.length === 0 && c.view().result !== undefined;
      await until(
        () => c.view().can === "choose" || ended(team) || atEnding(),
        `team ${team + 1} may choose`,
      );
      if (c.view().can !== "choose") return;
      const step = c.view().stepIndex;
      const optionId = c.view().options.find((o) => o.id === wanted)?.id ?? c.view().options[0]?.id ?? "";
      c.room.send("trainee.choose", { type: "trainee.choose", optionId, stepIndex: step });
      await until(
        () => c.view().stepIndex === step + 1 || c.view().can !== "choose",
        `team ${team + 1} chose`,
      );
    };
    // Team 1 corrects her in public and stands by the facts: a public adversary.
    await choose(0, "correct-in-public");
    await choose(0, "stand-by-the-facts");
    await choose(1, "call-before-replying");
    await choose(2, "apologise-and-invite");
    await choose(2, "acknowledge-the-anger");
    // Teams 2 and 3 play on to an ending too: a team's ending is the class's moment once every team has one.
    for (const team of [1, 2]) for (let i = 0; i < 20 && !ended(team); i++) await choose(team);
    await until(() => trainer.view().controls.showEnding, "every team at its ending");
    send({ type: "trainer.showEnding" });
    await waitView<ProjectorView>(wall, (v) => v.teams.some((t) => t.outcome === "public-adversary"));
    await waitView<ProjectorView>(wall, (v) => v.teams.every((t) => t.says !== undefined));
    await shoot(wall, "teams-wall-1920");
    await wall.setViewportSize({ width: 1280, height: 720 });
    await shoot(wall, "teams-wall-1280");
    await wall.setViewportSize({ width: 1920, height: 1080 });
    send({ type: "trainer.end" });
    await waitScene(wall, "debrief");
    const first = await waitModel<WallModel>(wall, (m) => m.page?.index === 0, "the teams' debrief");
    for (let i = 0; i < (first.page?.count ?? 0); i++) {
      send({ type: "trainer.debriefPage", page: i });
      const m = await waitModel<WallModel>(wall, (x) => x.page?.index === i, `teams page ${i + 1}`);
      await shoot(wall, `teams-debrief-1920-page${i + 1}-${m.page?.kind ?? ""}`);
    }
    for (const x of trainees) await x.room.leave(true).catch(() => undefined);
    await trainer.room.leave(true).catch(() => undefined);
  }, 300_000);
});

/** Clicks a canvas button of the console by id. */
async function clickConsole(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => window.__hotseat?.targets().some((t) => t.id === wanted && t.enabled),
    id,
    { timeout: 20_000, polling: 100 },
  );
  const target = (await page.evaluate(() => window.__hotseat?.targets() ?? [])).find((t) => t.id === id);
  if (!target) throw new Error(`no target ${id}`);
  await page.mouse.click(target.x + target.w / 2, target.y + target.h / 2);
}
