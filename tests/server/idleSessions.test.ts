import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TrainerView } from "@hotseat/shared";
import { hostSession, Peer, startTestServer } from "./harness";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ idleFinishMs: 1500 });
});
afterAll(async () => {
  await server.stop();
});

type Status = { running: boolean; status: string };

it("finishes a session left empty and untouched, keeping its report for the trainer", async () => {
  const hosted = await hostSession(server.url);
  const status = async () =>
    (await (await fetch(`${server.url}/api/sessions/${hosted.code}`)).json()) as Status;
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  // While someone is connected the session stays, however quiet it is.
  await new Promise((r) => setTimeout(r, 3500));
  expect(await status()).toMatchObject({ running: true, status: "live" });

  await trainer.leave();
  let last = await status();
  for (let i = 0; i < 100 && last.status !== "finished"; i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await status();
  }
  expect(last).toMatchObject({ running: false, status: "finished" });
  const report = await fetch(`${server.url}/api/sessions/${hosted.code}/report.json`, {
    headers: { authorization: `Bearer ${hosted.trainerToken}` },
  });
  expect(report.status).toBe(200);
  expect(((await report.json()) as { joinCode: string }).joinCode).toBe(hosted.code);
});
