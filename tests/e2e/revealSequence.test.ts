import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Pages,
  repoRoot,
  shared,
  stageLogger,
  waitReady,
  waitScene,
  waitView,
  saveShot,
  waitCalm,
} from "./harness";
import type { ProjectorView, TraineeView } from "./harness";

/** Frames of the reveal, for a person to look at (issue 8: "screenshots of the reveal sequence"). */
const shotDir = join(repoRoot, "artifacts", "sequence");

let browser: Browser;
let pages: Pages;
const rooms: Room[] = [];

beforeAll(async () => {
  mkdirSync(shotDir, { recursive: true });
  browser = await shared.browser();
  pages = new Pages(browser);
}, 60_000);

afterAll(async () => {
  for (const r of rooms) await r.leave(true).catch(() => undefined);
  await pages?.close();
  await browser?.close();
});

async function host(): Promise<{ code: string; trainerToken: string }> {
  const res = await fetch(`${shared.serverUrl()}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId: "ruined-hat" }),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as { code: string; trainerToken: string };
}

async function joinRoom(code: string, options: Record<string, unknown>) {
  const room = await new Client(shared.serverUrl().replace(/^http/, "ws")).joinById(code, options);
  rooms.push(room);
  let view: TraineeView | undefined;
  room.onMessage("view", (v: TraineeView) => (view = v));
  room.onMessage("welcome", () => undefined);
  room.onMessage("error", () => undefined);
  return { room, view: () => view };
}

const settled = (page: Page) => page.evaluate(() => window.__hotseat?.settled() ?? true);

/** The right-hand panel (chosen answer, tags, feedback) and the meters: the parts a reveal moves. */
const clips = {
  panel: { x: 950, y: 600, width: 940, height: 470 },
  meters: { x: 50, y: 620, width: 840, height: 450 },
  bubble: { x: 460, y: 150, width: 1420, height: 300 },
};

describe("the reveal on the wall", () => {
  it("plays as a sequence to the frame a reloaded wall draws, skips on a click, and shows pause and rewind", async () => {
    const stage = stageLogger("reveal sequence");
    const { code, trainerToken } = await host();
    const trainer = await joinRoom(code, { role: "trainer", trainerToken });
    const projector = await pages.open({ width: 1920, height: 1080 });
    await projector.goto(`${shared.serverUrl()}/projector/${code}`);
    await waitReady(projector);
    const phone = await pages.open({ width: 390, height: 844 }, { phone: true });
    await phone.goto(`${shared.serverUrl()}/join/${code}`);
    await waitReady(phone);
    await phone.fill("#join-name", "Ana");
    await phone.click("#join-button");
    await waitScene(phone, "trainee");
    const sims = await Promise.all(
      ["Ben", "Cleo", "Dan"].map((name, i) =>
        joinRoom(code, { role: "trainee", name, reconnectKey: `seq-${i}` }),
      ),
    );
    await waitView<ProjectorView>(projector, (v) => v.traineeCount === 4);
    trainer.room.send("trainer.start", { type: "trainer.start" });
    stage("started");

    // Decision 1: a class vote, 2 to 1 for the first option; the wall watches the tally, then the reveal.
    trainer.room.send("trainer.openVote", { type: "trainer.openVote" });
    const voting = await waitView<ProjectorView>(projector, (v) => v.phase === "voting");
    const [first, second] = voting.options.map((o) => o.id);
    await expect.poll(() => sims.every((s) => s.view()?.can === "vote")).toBe(true);
    const vote = (i: number, optionId: string) =>
      sims[i]!.room.send("trainee.vote", { type: "trainee.vote", optionId, stepIndex: voting.stepIndex });
    vote(0, first!);
    vote(1, first!);
    vote(2, second!);
    await waitView<ProjectorView>(projector, (v) => v.votesCast === 3);
    await saveShot(projector, join(shotDir, "reveal-0-tally-1920.png"));
    trainer.room.send("trainer.reveal", { type: "trainer.reveal" });
    await waitView<ProjectorView>(projector, (v) => v.phase === "revealed");
    stage("revealed: recording frames");
    // Frames while it plays, named by the time since the reveal reached the page.
    const t0 = Date.now();
    const frames: string[] = [];
    while (!(await settled(projector)) || frames.length === 0) {
      const name = `reveal-1-at-${String(Date.now() - t0).padStart(4, "0")}ms-1920.png`;
      await saveShot(projector, join(shotDir, name));
      frames.push(name);
      if (Date.now() - t0 > 15_000) throw new Error("the reveal never finished");
    }
    const playedMs = Date.now() - t0;
    stage(`sequence over after ${playedMs} ms, ${frames.length} frames`);
    // It is a sequence (several frames differ over seconds), not one frame.
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(playedMs).toBeGreaterThan(2500);
    await waitCalm(projector);
    await saveShot(projector, join(shotDir, "reveal-1-final-1920.png"));
    const played = {
      panel: await projector.screenshot({ clip: clips.panel }),
      meters: await projector.screenshot({ clip: clips.meters }),
      bubble: await projector.screenshot({ clip: clips.bubble }),
    };
    // A wall that reloads now shows the final frame at once, not a replay, and the same one.
    await projector.reload();
    await waitReady(projector);
    await waitView<ProjectorView>(projector, (v) => v.phase === "revealed");
    await expect.poll(() => settled(projector), { timeout: 5000 }).toBe(true);
    await waitCalm(projector);
    const reloaded = {
      panel: await projector.screenshot({ clip: clips.panel }),
      meters: await projector.screenshot({ clip: clips.meters }),
      bubble: await projector.screenshot({ clip: clips.bubble }),
    };
    expect(reloaded.panel.equals(played.panel)).toBe(true);
    expect(reloaded.meters.equals(played.meters)).toBe(true);
    expect(reloaded.bubble.equals(played.bubble)).toBe(true);
    stage("final frame equals a reloaded wall's");

    // Decision 2: a click on the wall finishes the reveal at once.
    trainer.room.send("trainer.openVote", { type: "trainer.openVote" });
    const next = await waitView<ProjectorView>(projector, (v) => v.phase === "voting");
    await expect.poll(() => sims.every((s) => s.view()?.can === "vote")).toBe(true);
    for (let i = 0; i < 3; i++)
      sims[i]!.room.send("trainee.vote", {
        type: "trainee.vote",
        // The second answer leads on (the first ends the scenario), so pause and rewind can follow.
        optionId: next.options[1]!.id,
        stepIndex: next.stepIndex,
      });
    await waitView<ProjectorView>(projector, (v) => v.votesCast === 3);
    trainer.room.send("trainer.reveal", { type: "trainer.reveal" });
    const revealed = await waitView<ProjectorView>(
      projector,
      (v) => v.phase === "revealed" || v.phase === "debrief",
    );
    if (revealed.phase === "revealed") {
      // The sequence starts on the wall's next frame after the view arrives.
      await expect.poll(() => settled(projector), { timeout: 2000, interval: 20 }).toBe(false);
      const clickAt = Date.now();
      await projector.mouse.click(960, 540);
      await expect.poll(() => settled(projector), { timeout: 5000, interval: 50 }).toBe(true);
      const skippedMs = Date.now() - clickAt;
      stage(`skipped by a click in ${skippedMs} ms`);
      expect(skippedMs).toBeLessThan(1500);
      await saveShot(projector, join(shotDir, "reveal-2-skipped-1920.png"));
    }

    // Sound from the console's switch: the wall follows, and asks for the gesture a browser needs first.
    trainer.room.send("trainer.setSound", { type: "trainer.setSound", on: true });
    await waitView<ProjectorView>(projector, (v) => v.sound === true);
    await saveShot(projector, join(shotDir, "sound-on-1920.png"));

    // Pause: the wall and the phone dim under a large "Paused".
    trainer.room.send("trainer.pause", { type: "trainer.pause" });
    await waitView<ProjectorView>(projector, (v) => v.paused);
    await waitView<TraineeView>(phone, (v) => v.paused);
    await expect.poll(() => settled(projector)).toBe(true);
    await saveShot(projector, join(shotDir, "paused-1920.png"));
    await saveShot(phone, join(shotDir, "paused-390.png"));
    trainer.room.send("trainer.resume", { type: "trainer.resume" });
    await waitView<ProjectorView>(projector, (v) => !v.paused);

    // Rewind to step 1: a brief cue on the wall and the phone, and said to a screen reader.
    trainer.room.send("trainer.rewind", { type: "trainer.rewind", stepIndex: 0 });
    await waitScene(projector, "projector");
    await waitView<ProjectorView>(projector, (v) => v.stepIndex === 0 && v.phase === "deciding");
    await waitView<TraineeView>(phone, (v) => v.stepIndex === 0 && v.phase === "deciding");
    await expect.poll(() => projector.evaluate(() => window.__hotseat?.state().rewound?.cue.step)).toBe(1);
    await expect.poll(() => settled(phone)).toBe(true);
    await saveShot(projector, join(shotDir, "rewound-1920.png"));
    await saveShot(phone, join(shotDir, "rewound-390.png"));
    await expect.poll(() => phone.locator("#a11y-alert").textContent()).toContain("Rewound to step 1");
    stage("pause and rewind shown");
  });
});
