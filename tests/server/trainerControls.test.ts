import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@hotseat/server";
import { trainerControlIds, type PlayStyle, type TraineeView, type TrainerControlId } from "@hotseat/shared";
import type { ClientMessage, TrainerView } from "@hotseat/shared";
import { hostSession, joinTrainees, Peer, startTestServer } from "./harness";

// The console enables a control exactly when the room accepts its command: a seeded random walk through
// sessions of every play style, where at each step the trainer presses one control and the answer
// (accepted, or an `error`) must match what the view said beforehand.

let server: RunningServer;
beforeAll(async () => {
  // The walk sends many messages quickly; the rate limit is not what this test is about.
  server = await startTestServer({ rateLimit: { burst: 10_000, perSecond: 10_000, cutOffAfterSeconds: 60 } });
});
afterAll(async () => {
  await server.stop();
});

/** mulberry32: the same seed gives the same walk, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The message a console button sends for a control, built from the trainer's view as the client does. */
function messageFor(id: TrainerControlId, view: TrainerView): ClientMessage | undefined {
  switch (id) {
    case "breakTie":
      return { type: "trainer.breakTie", draw: true };
    case "override":
      return view.options[0] ? { type: "trainer.override", optionId: view.options[0].id } : undefined;
    case "passSeat":
      return { type: "trainer.passSeat" };
    case "splitTeams":
      return { type: "trainer.splitTeams", count: 2 };
    case "rewind": {
      if (view.style !== "teams")
        return view.history.length > 0 ? { type: "trainer.rewind", stepIndex: 0 } : undefined;
      const team = view.teams.find((t) => t.history.length > 0);
      return team ? { type: "trainer.rewind", stepIndex: 0, teamId: team.id } : undefined;
    }
    case "openVote":
    case "closeVote":
    case "reveal":
    case "pause":
    case "resume":
    case "start":
    case "skip":
    case "end":
    case "lock":
    case "unlock":
    case "nextScenario":
    case "skipReveal":
      return { type: `trainer.${id}` };
  }
}

/** Something a trainee might do now, to move the session along between the trainer's presses. */
function traineeMove(
  view: TraineeView,
  pick: <T>(items: readonly T[]) => T | undefined,
): ClientMessage | undefined {
  const option = pick(view.options)?.id;
  if (view.phase === "lobby") {
    const team = pick(view.teams)?.id;
    return team ? { type: "trainee.pickTeam", teamId: team } : undefined;
  }
  if (option === undefined) return undefined;
  if (view.can === "vote") return { type: "trainee.vote", optionId: option, stepIndex: view.stepIndex };
  if (view.can === "mark") return { type: "trainee.mark", optionId: option, stepIndex: view.stepIndex };
  if (view.can === "choose") return { type: "trainee.choose", optionId: option, stepIndex: view.stepIndex };
  return undefined;
}

async function walk(style: PlayStyle, seed: number, steps: number): Promise<Record<string, number>> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const hosted = await hostSession(server.url);
  const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
    role: "trainer",
    trainerToken: hosted.trainerToken,
  });
  const trainees = await joinTrainees(server.url, hosted.code, style === "solo" ? 1 : 4);
  await trainer.viewWhere((v) => v.roster.length === trainees.length);
  let fence = 0;
  // A rename the core always accepts: once the trainer's view shows it, every earlier message is in it.
  const settle = async () => {
    fence++;
    const name = `Fence ${fence}`;
    trainer.send({ type: "trainer.rename", traineeId: trainer.view.roster[0]!.id, name });
    await trainer.viewWhere((v) => v.roster[0]?.name === name, `fence ${fence}`);
  };
  trainer.send({ type: "trainer.setStyle", style });
  await settle();
  const pressed: Record<string, number> = {};
  for (let step = 0; step < steps; step++) {
    if (random() < 0.5) {
      const trainee = pick(trainees)!;
      const move = traineeMove(trainee.view, pick);
      if (move) {
        // A trainee's message is in the state before the trainer's next one only once the room has
        // answered it: a bad team pick always gets an `error`, and messages are handled in order.
        const seen = trainee.errors.length;
        trainee.send(move);
        trainee.send({ type: "trainee.pickTeam", teamId: "no-such-team" });
        await trainee.viewWhere(() => trainee.errors.length > seen, "the trainee's fence");
        await settle();
      }
    }
    if (trainer.view.phase === "lobby" && trainer.view.scenario === undefined) {
      // The fixture library has one playable scenario: pick it again, as a trainer would, to play on.
      trainer.send({ type: "trainer.selectScenario", scenarioId: "short-call" });
      await settle();
    }
    const view = trainer.view;
    const id = pick(trainerControlIds)!;
    const key = `${id}:${view.controls[id] ? "on" : "off"}`;
    pressed[key] = (pressed[key] ?? 0) + 1;
    const message = messageFor(id, view);
    const context = `${style} step ${step}: ${id} in ${view.phase}${view.paused ? " (paused)" : ""}`;
    if (message === undefined) {
      expect(view.controls[id], context).toBe(false);
      continue;
    }
    const seen = trainer.errors.length;
    trainer.send(message);
    await settle();
    const refusal = trainer.errors.slice(seen)[0];
    expect({ enabled: view.controls[id], refusal: refusal?.code }, context).toEqual(
      view.controls[id]
        ? { enabled: true, refusal: undefined }
        : { enabled: false, refusal: expect.any(String) },
    );
  }
  await Promise.all([trainer.leave(), ...trainees.map((t) => t.leave())]);
  return pressed;
}

describe("the trainer view's controls", () => {
  it.each([
    ["class-vote", 1],
    ["hot-seat", 2],
    ["teams", 3],
    ["solo", 4],
  ] as const)("match what the room accepts, press by press (%s)", async (style, seed) => {
    const pressed = await walk(style, seed, 120);
    // The walk must have seen controls both enabled and disabled, or it proved little.
    const on = Object.keys(pressed).filter((k) => k.endsWith(":on")).length;
    const off = Object.keys(pressed).filter((k) => k.endsWith(":off")).length;
    expect(on).toBeGreaterThanOrEqual(6);
    expect(off).toBeGreaterThanOrEqual(4);
  });
});
