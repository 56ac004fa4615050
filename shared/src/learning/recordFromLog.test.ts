import { describe, expect, it } from "vitest";
import { SessionDriver, trainee, trainer } from "../session/sessionFixtures";
import { learnerRunSchema } from "./learnerDecision";
import { runsFromLog } from "./recordFromLog";

const pin = { "late-parcel": "a".repeat(64), "second-parcel": "b".repeat(64) };

function driver(style: "class-vote" | "hot-seat" | "solo", learners: Record<string, string>): SessionDriver {
  const d = new SessionDriver();
  d.ok({ type: "session.created", joinCode: "KXR7PQ", seed: 1, ...(style === "solo" ? { style } : {}) });
  d.ok({ type: "session.joined", role: "trainer" });
  for (const [id, learnerId] of Object.entries(learners))
    d.ok({
      type: "session.joined",
      role: "trainee",
      traineeId: id,
      name: id,
      ...(learnerId ? { learnerId } : {}),
    });
  if (style === "hot-seat") d.ok({ type: "trainer.setStyle", style }, trainer);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  return d;
}

function runsOf(d: SessionDriver) {
  return runsFromLog({
    sessionId: "s1",
    events: d.log.map((event, i) => ({ seq: i + 1, event })),
    library: d.library,
    pin,
  });
}

describe("runsFromLog", () => {
  it("credits each learner's own class votes, with the options open and the gap to the best", () => {
    const d = driver("class-vote", { t1: "L1", t2: "L2", t3: "" });
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
    d.ok({ type: "trainee.vote", optionId: "blame" }, trainee("t2"));
    d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t3"));
    d.ok({ type: "trainer.reveal" }, trainer);
    d.ok({ type: "trainer.openVote" }, trainer);
    d.ok({ type: "trainee.vote", optionId: "ship-express" }, trainee("t1"));
    d.ok({ type: "trainer.reveal" }, trainer);
    const runs = runsOf(d);
    expect([...runs.keys()].sort()).toEqual(["L1", "L2"]);
    const [l1] = runs.get("L1") ?? [];
    expect(learnerRunSchema.parse(l1)).toEqual(l1);
    expect(l1).toMatchObject({
      sessionId: "s1",
      scenarioId: "late-parcel",
      scenarioVersion: "a".repeat(64),
      scenarioTitle: "The late parcel",
      customerType: "anxious",
      role: "class-vote",
      ending: { endingId: "kept", outcome: "kept", title: "Kept" },
    });
    expect(l1?.decisions.map((x) => [x.optionId, x.role, x.stateId])).toEqual([
      ["listen", "class-vote", "opening"],
      ["ship-express", "class-vote", "middle"],
    ]);
    const first = l1?.decisions[0];
    expect(first).toMatchObject({
      optionLabel: "Tell me more.",
      tags: ["listens"],
      effect: { mood: 15, cost: 5 },
      feedback: "Good listening.",
      comparedWithBest: { moodGap: 0, costGap: 5, bestOptionId: "listen" },
    });
    expect(first?.open).toEqual([
      { optionId: "listen", tags: ["listens"], reachable: { bestMood: 65, leastCost: 5 } },
      { optionId: "blame", tags: ["blames-subcontractor"], reachable: { bestMood: 0, leastCost: 0 } },
      { optionId: "refund", tags: ["over-gives"], reachable: { bestMood: 55, leastCost: 40 } },
    ]);
    const l2 = runs.get("L2") ?? [];
    expect(l2[0]?.decisions.map((x) => x.optionId)).toEqual(["blame"]);
    expect(l2[0]?.decisions[0]?.comparedWithBest).toEqual({
      moodGap: 65,
      costGap: 0,
      bestOptionId: "listen",
    });
    expect(l1?.scaledScore).toBeGreaterThan(l2[0]?.scaledScore ?? 1);
  });

  it("credits the seat holder's answers and the observers' marks", () => {
    const d = driver("hot-seat", { t1: "L1", t2: "L2" });
    d.ok({ type: "trainee.mark", optionId: "refund" }, trainee("t2"));
    d.ok({ type: "trainee.choose", optionId: "listen" }, trainee("t1"));
    const runs = runsOf(d);
    expect(runs.get("L1")?.[0]?.decisions.map((x) => [x.optionId, x.role])).toEqual([["listen", "hot-seat"]]);
    expect(runs.get("L2")?.[0]?.decisions.map((x) => [x.optionId, x.role])).toEqual([["refund", "observer"]]);
    expect(runs.get("L1")?.[0]?.ending).toBeUndefined();
  });

  it("credits every step of solo practice and notes the ending", () => {
    const d = driver("solo", { me: "L9" });
    d.ok({ type: "trainee.choose", optionId: "refund" }, trainee("me"));
    d.ok({ type: "trainee.choose", optionId: "shrug" }, trainee("me"));
    const [run] = runsOf(d).get("L9") ?? [];
    expect(run?.role).toBe("solo");
    expect(run?.decisions.map((x) => x.optionId)).toEqual(["refund", "shrug"]);
    expect(run?.ending?.endingId).toBe("lost");
    expect(run?.endedAt).toBe(run?.decisions[1]?.at);
  });
});
