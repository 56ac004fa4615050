import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import type { TrainerView } from "@hotseat/shared";
import { hostSession, Peer, startTestServer, until } from "./harness";
import { ManualClock } from "./manualClock";

const minute = 60_000;
const hour = 60 * minute;
const clock = new ManualClock();
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.stop();
});

type Status = { running: boolean; status: string };

async function statusOf(code: string): Promise<Status> {
  return (await (await fetch(`${server.url}/api/sessions/${code}`)).json()) as Status;
}

async function reportStatus(code: string, token: string): Promise<number> {
  const report = await fetch(`${server.url}/api/sessions/${code}/report.json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return report.status;
}

it("finishes a session nobody joined an hour after hosting, keeping its report", async () => {
  const hosted = await hostSession(server.url);
  clock.advance(59 * minute);
  expect(await statusOf(hosted.code)).toMatchObject({ running: true, status: "live" });

  clock.advance(2 * minute);
  expect(await statusOf(hosted.code)).toMatchObject({ running: false, status: "finished" });
  expect(await reportStatus(hosted.code, hosted.trainerToken)).toBe(200);
});

it("keeps a session someone joined past the hour, and while someone is connected however quiet it is", async () => {
  const hosted = await hostSession(server.url);
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  clock.advance(2 * hour);
  clock.advance(25 * hour);
  expect(await statusOf(hosted.code)).toMatchObject({ running: true, status: "live" });

  // Left alone: a day after the last thing happened it is finished, report kept.
  await trainer.leave();
  await until(() => server.host.runtime(hosted.code)?.state.context.trainerConnected === false, "the leave");
  clock.advance(23 * hour);
  expect(await statusOf(hosted.code)).toMatchObject({ running: true, status: "live" });
  clock.advance(2 * hour);
  expect(await statusOf(hosted.code)).toMatchObject({ running: false, status: "finished" });
  expect(await reportStatus(hosted.code, hosted.trainerToken)).toBe(200);
});
