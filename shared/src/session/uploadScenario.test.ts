import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { hostileTexts } from "../scenario/hostileTexts";
import { projectTrainer } from "./projectTrainer";
import { replaySession } from "./applySessionEvent";
import { parcelScenario, SessionDriver, trainer } from "./sessionFixtures";

describe("uploaded scenarios", () => {
  it("checks an upload, plays it, and replays it from the log", () => {
    const d = new SessionDriver();
    d.setUp(1);
    const broken = stringify({ ...parcelScenario("broken"), machine: { initial: "nowhere", states: {} } });
    const refused = d.send({ type: "trainer.selectScenario", source: broken }, trainer);
    expect(refused?.code).toBe("scenario.invalid");
    expect(refused?.message).toMatch(/HS0\d\d/);
    d.ok({ type: "trainer.selectScenario", source: stringify(parcelScenario("my-upload")) }, trainer);
    expect(projectTrainer(d.state).scenario).toMatchObject({ id: "my-upload", uploaded: true });
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainer.override", optionId: "blame" }, trainer);
    expect(projectTrainer(d.state).ending?.id).toBe("public");
    expect(replaySession(d.log, d.library)).toEqual(d.state);
  });

  it("refuses a library id that does not exist", () => {
    const d = new SessionDriver();
    d.setUp(0);
    expect(d.send({ type: "trainer.selectScenario", scenarioId: "nope" }, trainer)?.code).toBe(
      "scenario.unknown",
    );
  });

  it(
    "refuses hostile uploads of the largest allowed size with a short, readable reason",
    { timeout: 60_000 },
    () => {
      const d = new SessionDriver();
      d.setUp(0);
      const texts = hostileTexts(200_000);
      for (const name of ['lines of a: ["]', "deep brackets", "unknown top-level fields"]) {
        const source = texts[name] ?? "";
        const refused = d.send({ type: "trainer.selectScenario", source }, trainer);
        expect(refused?.code, name).toBe("scenario.invalid");
        expect(refused?.message.length, name).toBeLessThan(20_000);
      }
      expect(projectTrainer(d.state).scenario).toBeUndefined();
    },
  );
});
