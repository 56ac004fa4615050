import { describe, expect, it } from "vitest";
import { replaySession } from "./applySessionEvent";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";
import { parseSessionEvent } from "./sessionEvent";

describe("replaySession", () => {
  it("rebuilds exactly the live state from the stored log, draws and timers included", () => {
    const d = new SessionDriver();
    d.setUp(6, 777);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainer.openVote", seconds: 20 }, trainer, 5_000_000);
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"), 5_001_000);
    d.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t2"), 5_002_000);
    d.ok({ type: "trainer.pause" }, trainer, 5_003_000);
    d.ok({ type: "trainer.resume" }, trainer, 5_050_000);
    d.ok({ type: "timer.expired" }, undefined, 5_067_000);
    d.ok({ type: "trainer.breakTie", draw: true }, trainer, 5_068_000);
    d.ok({ type: "trainer.rename", traineeId: "t3", name: "Kasia" }, trainer, 5_069_000);
    d.ok({ type: "trainer.remove", traineeId: "t4" }, trainer, 5_070_000);
    d.ok({ type: "trainer.override", optionId: "shrug" }, trainer, 5_071_000);
    d.ok({ type: "trainer.rewind", stepIndex: 1 }, trainer, 5_072_000);
    // A refused event is never logged, so it cannot make a replay differ.
    expect(d.send({ type: "trainee.vote", optionId: "ship-express" }, trainee("t1"))?.code).toBe(
      "vote.closed",
    );

    const stored = JSON.parse(JSON.stringify(d.log)) as unknown[];
    const events = stored.map(parseSessionEvent);
    expect(events.every((e) => e !== undefined)).toBe(true);
    const replayed = replaySession(
      events.flatMap((e) => (e ? [e] : [])),
      d.library,
    );
    expect(replayed).toEqual(d.state);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(d.state));
  });

  it("refuses to read a log entry without time, sender or a known type", () => {
    expect(parseSessionEvent({ type: "trainer.start", by: { role: "trainer" } })).toBeUndefined();
    expect(parseSessionEvent({ type: "trainer.start", at: 1 })).toBeUndefined();
    expect(parseSessionEvent({ type: "trainer.dance", at: 1, by: { role: "trainer" } })).toBeUndefined();
    expect(parseSessionEvent({ type: "trainer.start", at: 1, by: { role: "trainer" } })?.type).toBe(
      "trainer.start",
    );
  });
});
