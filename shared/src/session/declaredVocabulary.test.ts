import { describe, expect, it } from "vitest";
import { scoreSkills } from "../learning/scoreSkills";
import { compileScenario } from "../scenario/compileScenario";
import type { Scenario } from "../scenario/scenarioSchema";
import { projectorViewSchema } from "../protocol/projectorView";
import { traineeViewSchema } from "../protocol/traineeView";
import { replaySession } from "./applySessionEvent";
import { projectProjector } from "./projectProjector";
import { projectTrainee } from "./projectTrainee";
import { parcelScenario, SessionDriver, trainer } from "./sessionFixtures";

/** The parcel scenario with its own tag and cost item, played by its "track" option. */
function withOwnWords(): Scenario {
  const s = parcelScenario();
  s.vocabulary = {
    tags: {
      "checks-tracking": {
        kind: "good",
        label: { en: "Checks the tracking", pl: "Sprawdza śledzenie" },
        skill: "informing",
      },
    },
    costItems: { courier: { label: { en: "Private courier", pl: "Kurier prywatny" } } },
  };
  s.machine.states["opening"]!.on!["track"] = {
    target: "middle",
    actions: [{ type: "effect", params: { mood: 10, cost: { courier: 30 } } }],
    meta: { label: "Let me look at the tracking.", tags: ["checks-tracking", "listens"] },
  };
  return s;
}

describe("a scenario's declared tags and cost items in a session", () => {
  it("are played, charged and named in each viewer's language at the reveal and the debrief", () => {
    const library = { "late-parcel": compileScenario(withOwnWords()) };
    const d = new SessionDriver(library);
    d.setUp(1);
    d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
    d.ok({ type: "trainer.start" }, trainer);
    d.ok({ type: "trainer.override", optionId: "track" }, trainer);
    d.ok({ type: "trainer.end" }, trainer);

    const wall = projectorViewSchema.parse(projectProjector(d.state));
    expect(wall.path[0]?.tags).toEqual(["checks-tracking", "listens"]);
    expect(wall.scenario?.tags).toEqual({ "checks-tracking": { good: true, label: "Checks the tracking" } });
    expect(wall.ledger).toContainEqual({ item: "courier", amount: 30 });
    expect(wall.scenario?.costItems).toEqual({ courier: "Private courier" });

    const phone = traineeViewSchema.parse(projectTrainee(d.state, "t1", "pl"));
    expect(phone.scenario?.tags?.["checks-tracking"]?.label).toBe("Sprawdza śledzenie");
    expect(phone.scenario?.costItems?.["courier"]).toBe("Kurier prywatny");

    // A restarted server replays the log into the same debrief.
    expect(projectProjector(replaySession(d.log, d.library)).path).toEqual(wall.path);
  });

  it("count for their declared skill in the rubric, and for none when they name no skill", () => {
    const declared = { "checks-tracking": { kind: "good" as const, skill: "informing" as const } };
    const report = scoreSkills(
      [{ available: [["checks-tracking"], ["denies-emotion"]], chosen: ["checks-tracking"] }],
      declared,
    );
    expect(report.skills.find((s) => s.skill === "informing")).toMatchObject({ score: 100 });
    const noSkill = scoreSkills([{ available: [["own-tag"]], chosen: ["own-tag"] }], {
      "own-tag": { kind: "good" },
    });
    expect(noSkill.skills).toEqual([]);
  });
});
