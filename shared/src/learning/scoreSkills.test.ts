import { describe, expect, it } from "vitest";
import { techniqueTags } from "../scenario/vocabulary";
import { scoreSkills } from "./scoreSkills";
import { skillOfTag, skills } from "./skillRubric";

describe("the skill rubric", () => {
  it("gives every technique tag one skill, and every skill something to do", () => {
    for (const tag of techniqueTags) expect(skills).toContain(skillOfTag[tag].skill);
    for (const skill of skills) {
      const good = Object.values(skillOfTag).filter((e) => e.skill === skill && e.good);
      expect(good.length, skill).toBeGreaterThan(0);
    }
  });
});

describe("scoreSkills", () => {
  it("counts a skill used, missed, fallen into or a trap avoided, and scores the share done right", () => {
    const report = scoreSkills([
      // Listening offered beside a rushed fix: the learner listened.
      { available: [["listens"], ["rushes-to-fix", "offers-solution"]], chosen: ["listens"] },
      // The same choice later: the learner rushed to fix it (listening fell in, solving used).
      {
        available: [["listens"], ["rushes-to-fix", "offers-solution"]],
        chosen: ["rushes-to-fix", "offers-solution"],
      },
      // Only a trap for boundaries on offer, and the learner did not take it.
      { available: [["over-gives"], ["explains"]], chosen: ["explains"] },
    ]);
    const byName = Object.fromEntries(report.skills.map((s) => [s.skill, s]));
    expect(byName["listening"]).toEqual({
      skill: "listening",
      score: 50,
      evidence: [
        { decision: 0, credit: "used" },
        { decision: 1, credit: "fell-in" },
      ],
    });
    expect(byName["solving"]).toEqual({
      skill: "solving",
      score: 50,
      evidence: [
        { decision: 0, credit: "missed" },
        { decision: 1, credit: "used" },
      ],
    });
    expect(byName["boundaries"]).toMatchObject({
      score: 100,
      evidence: [{ decision: 2, credit: "avoided-trap" }],
    });
    expect(byName["informing"]).toMatchObject({ score: 100, evidence: [{ decision: 2, credit: "used" }] });
    // Never in play: no score at all rather than a misleading zero.
    expect(byName["acknowledging"]).toBeUndefined();
    expect(byName["letting-win"]).toBeUndefined();
  });

  it("counts each of the four defence mechanisms the learner chose, once per decision", () => {
    const report = scoreSkills([
      {
        available: [["blames-customer", "humiliates"], ["lets-customer-win"]],
        chosen: ["blames-customer", "humiliates"],
      },
      { available: [["denies-emotion"], ["acknowledges-emotion"]], chosen: ["denies-emotion"] },
      { available: [["over-gives"], ["sets-boundary"]], chosen: ["sets-boundary"] },
    ]);
    expect(report.defences).toEqual({
      "denies-emotion": 1,
      "over-gives": 0,
      "blames-subcontractor": 0,
      "blames-customer": 1,
    });
    expect(report.skills.find((s) => s.skill === "letting-win")?.score).toBe(0);
    expect(report.skills.find((s) => s.skill === "boundaries")?.score).toBe(100);
  });

  it("scores nothing for a session with no decisions", () => {
    expect(scoreSkills([]).skills).toEqual([]);
  });
});
