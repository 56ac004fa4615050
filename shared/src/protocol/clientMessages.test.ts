import { describe, expect, it } from "vitest";
import { clientMessageSchema, clientMessageTypes } from "./clientMessages";
import { joinOptionsSchema } from "./joinOptions";

describe("clientMessageSchema", () => {
  it("accepts each documented message shape", () => {
    const ok = [
      { type: "trainee.vote", optionId: "ask-what-happened" },
      { type: "trainee.vote", optionId: "ask-what-happened", stepIndex: 2 },
      { type: "trainee.mark", optionId: "a" },
      { type: "trainee.choose", optionId: "a" },
      { type: "trainee.pickTeam", teamId: "team-1" },
      { type: "trainer.selectScenario", scenarioId: "ruined-hat" },
      { type: "trainer.selectScenario", source: "formatVersion: 1" },
      { type: "trainer.setStyle", style: "hot-seat" },
      { type: "trainer.openVote" },
      { type: "trainer.openVote", seconds: 30 },
      { type: "trainer.breakTie", optionId: "a" },
      { type: "trainer.breakTie", draw: true },
      { type: "trainer.rewind", stepIndex: 0 },
      { type: "trainer.rename", traineeId: "t1", name: "Ana" },
      { type: "trainer.passSeat" },
      { type: "trainer.passSeat", traineeId: "t2" },
      { type: "trainer.splitTeams", count: 3 },
      { type: "trainer.next" },
      { type: "trainer.showNames", show: false },
      { type: "trainer.debriefPage", page: 2 },
    ];
    for (const m of ok) expect(clientMessageSchema.safeParse(m).success, JSON.stringify(m)).toBe(true);
  });

  it("refuses malformed messages a room must answer with message.malformed", () => {
    const bad = [
      { type: "trainee.vote" },
      { type: "trainee.vote", optionId: "a", extra: 1 },
      { type: "trainer.selectScenario" },
      { type: "trainer.selectScenario", scenarioId: "a", source: "b" },
      { type: "trainer.breakTie" },
      { type: "trainer.breakTie", optionId: "a", draw: true },
      { type: "trainer.setStyle", style: "battle-royale" },
      { type: "trainer.splitTeams", count: 1 },
      { type: "trainer.debriefPage", page: -1 },
      { type: "trainer.openVote", seconds: -5 },
      { type: "trainer.explode" },
      "trainee.vote",
    ];
    for (const m of bad) expect(clientMessageSchema.safeParse(m).success, JSON.stringify(m)).toBe(false);
  });

  it("lists every message type once, for registering room handlers", () => {
    expect(new Set(clientMessageTypes).size).toBe(clientMessageTypes.length);
    expect(clientMessageTypes).toContain("trainer.passSeat");
    expect(clientMessageTypes).toContain("trainer.debriefPage");
    expect(clientMessageTypes).toHaveLength(31);
  });

  it("reads join options for each role", () => {
    expect(joinOptionsSchema.parse({ role: "trainee", name: "Ana" }).role).toBe("trainee");
    expect(joinOptionsSchema.safeParse({ role: "janitor" }).success).toBe(false);
  });
});
