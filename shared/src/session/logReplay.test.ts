import { describe, expect, it } from "vitest";
import type { ClientMessage } from "../protocol/clientMessages";
import { applySessionEvent } from "./applySessionEvent";
import { LogReplay } from "./logReplay";
import { seededRandom } from "./prng";
import { SessionDriver, server, trainee, trainer } from "./sessionFixtures";
import type { Actor, SessionEvent } from "./sessionEvent";

// Events a room could be sent in any phase, many of them refused there (by the checks or the machine).
const pool: [ClientMessage | SessionEvent, Actor][] = [
  [{ type: "trainer.openVote" }, trainer],
  [{ type: "trainer.closeVote" }, trainer],
  [{ type: "trainer.reveal" }, trainer],
  [{ type: "trainer.breakTie", draw: true }, trainer],
  [{ type: "trainer.override", optionId: "shrug" }, trainer],
  [{ type: "trainer.start" }, trainer],
  [{ type: "trainer.selectScenario", scenarioId: "second-parcel" }, trainer],
  [{ type: "trainer.pause" }, trainer],
  [{ type: "trainer.resume" }, trainer],
  [{ type: "trainer.rewind", stepIndex: 0 }, trainer],
  [{ type: "trainee.vote", optionId: "listen" }, trainee("t1")],
  [{ type: "trainee.vote", optionId: "refund" }, trainee("t2")],
  [{ type: "trainee.vote", optionId: "ship-express" }, trainee("t3")],
  [{ type: "trainee.vote", optionId: "nope" }, trainee("t1")],
  [{ type: "trainee.choose", optionId: "listen" }, trainee("t1")],
  [{ type: "timer.expired" } as SessionEvent, server],
];

describe("LogReplay", () => {
  it("accepts and refuses exactly what applySessionEvent does, and reaches the same state", () => {
    const d = new SessionDriver();
    d.setUp(3, 5);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    const replay = new LogReplay(d.library);
    for (const event of d.log) expect(replay.apply(event)).toBe(true);
    const random = seededRandom(9);
    let state = d.state;
    let accepted = 0;
    const refusedBy = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const [message, by] = pool[Math.floor(random() * pool.length)]!;
      const event = { ...message, at: 2_000_000 + i * 1000, by };
      const outcome = applySessionEvent(state, event, d.library);
      expect(replay.apply(event), `${i}: ${event.type}`).toBe(outcome.rejection === undefined);
      state = outcome.state;
      if (!outcome.rejection) accepted++;
      else refusedBy.add(outcome.rejection.code);
      expect(replay.state).toEqual(state);
    }
    expect(accepted).toBeGreaterThan(40);
    // Refused by the checks (with their own codes) and by the machine itself (phase.wrong).
    expect(refusedBy).toContain("phase.wrong");
    expect(refusedBy.size).toBeGreaterThan(2);
    replay.stop();
  });
});
