import { describe, expect, it } from "vitest";
import type { LearnerRecord } from "./learnerDecision";
import { learner, ruinedHatRun } from "./learnerRecordFixtures";
import { lmsCsv, lmsCsvColumns } from "./lmsCsv";

// Apologises, then listens, then explains without blame: skills worked out by hand from the rubric in
// scoreSkills.ts (listening 1 of 3, acknowledging 2 of 3, solving 1 of 2, boundaries 1 of 1, informing
// 1 of 2, letting the customer win 2 of 2).
const goodPath: [string, string][] = [
  ["review-posted", "apologise-and-invite"],
  ["first-contact", "ask-what-happened"],
  ["wash-story", "explain-without-blame"],
];
const badPath: [string, string][] = [["review-posted", "correct-in-public"]];

const may = Date.UTC(2026, 4, 12, 22, 30); // 12 May, 22:30 UTC: already 13 May in Warsaw.

const records: LearnerRecord[] = [
  {
    learner: learner("l-anna", "Kowalska, Anna", { employeeId: "E-1001", email: "anna@example.com" }),
    runs: [
      ruinedHatRun("s-1", goodPath, { startedAt: may, scaledScore: 400 / 600 }),
      ruinedHatRun("s-2", badPath, { startedAt: may + 86_400_000, ended: false }),
    ],
  },
  {
    learner: learner("l-zoe", 'Zoë "Z" Łukasiewicz'),
    runs: [ruinedHatRun("s-1", badPath, { startedAt: may, scaledScore: 0 })],
  },
  {
    learner: learner("l-eve", '=HYPERLINK("http://x")'),
    runs: [ruinedHatRun("s-2", badPath, { startedAt: may + 86_400_000 })],
  },
];

function parse(csv: string): string[] {
  return csv.split("\r\n");
}

describe("lmsCsv", () => {
  it("gives one row per learner and scenario of a session, with the skill scores the choices imply", () => {
    const csv = lmsCsv({ records, groupName: "Sales, Kraków", trainerName: "Jan Nowak", sessionId: "s-1" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parse(csv.slice(1)).filter((line) => line !== "");
    expect(header).toBe(
      "Employee ID,Name,E-mail,Group,Scenario,Date,Completed,Score,Skill: listening,Skill: acknowledging," +
        "Skill: solving,Skill: boundaries,Skill: informing,Skill: letting-win,Trainer",
    );
    expect(lmsCsvColumns).toHaveLength(15);
    expect(rows).toEqual([
      'E-1001,"Kowalska, Anna",anna@example.com,"Sales, Kraków",The ruined hat,2026-05-12,yes,67,33,67,50,100,50,100,Jan Nowak',
      // correct-in-public: explains (informing used) and blames the customer (letting-win fallen into).
      ',"Zoë ""Z"" Łukasiewicz",,"Sales, Kraków",The ruined hat,2026-05-12,yes,0,0,0,,,100,0,Jan Nowak',
    ]);
  });

  it("gives the whole group's runs, dates in the trainer's time zone, unfinished runs as not completed", () => {
    const csv = lmsCsv({ records, groupName: "Sales", trainerName: "Jan", timeZone: "Europe/Warsaw" });
    const rows = parse(csv.slice(1)).slice(1, -1);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.split(",").at(-10))).toEqual([
      "2026-05-13",
      "2026-05-13",
      "2026-05-14",
      "2026-05-14",
    ]);
    const annaSecond = rows.find((r) => r.includes("Anna") && r.includes("2026-05-14"));
    expect(annaSecond).toContain(",no,,");
  });

  it("never lets a cell become a spreadsheet formula", () => {
    const csv = lmsCsv({ records, groupName: "@group", trainerName: "-Jan", sessionId: "s-2" });
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv).toContain(",'@group,");
    expect(csv).toMatch(/,'-Jan\r\n/);
  });

  it("has only the header for a session nobody in the records played", () => {
    expect(parse(lmsCsv({ records, groupName: "G", trainerName: "T", sessionId: "nope" }))).toHaveLength(2);
  });
});
