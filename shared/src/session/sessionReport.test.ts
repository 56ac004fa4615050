import { describe, expect, it } from "vitest";
import { reportToCsv } from "./reportToCsv";
import { SessionDriver, trainee, trainer } from "./sessionFixtures";
import { sessionReport } from "./sessionReport";

function playedSession(): SessionDriver {
  const d = new SessionDriver();
  d.setUp(3);
  d.ok({ type: "trainer.rename", traineeId: "t3", name: '=HYPERLINK("x"), "Ola"' }, trainer);
  d.ok({ type: "trainer.selectScenario", scenarioId: "late-parcel" }, trainer);
  d.ok({ type: "trainer.start" }, trainer);
  d.ok({ type: "trainer.openVote" }, trainer, 7_000_000);
  d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t1"));
  d.ok({ type: "trainee.vote", optionId: "listen" }, trainee("t2"));
  d.ok({ type: "trainee.vote", optionId: "refund" }, trainee("t3"));
  d.ok({ type: "trainer.reveal" }, trainer, 7_010_000);
  d.ok({ type: "trainer.override", optionId: "shrug" }, trainer, 7_020_000);
  d.ok({ type: "trainer.rewind", stepIndex: 1 }, trainer);
  d.ok({ type: "trainer.override", optionId: "ship-express" }, trainer, 7_030_000);
  return d;
}

describe("sessionReport", () => {
  it("lists the path with meters after each step, every vote and each trainee's choices", () => {
    const report = sessionReport(playedSession().state);
    expect(report.scenarios).toHaveLength(1);
    const [scenario] = report.scenarios;
    expect(scenario).toMatchObject({
      scenarioId: "late-parcel",
      title: "The late parcel",
      status: "debrief",
    });
    const run = scenario?.runs[0];
    expect(run?.ending).toEqual({ id: "kept", outcome: "kept" });
    expect(run?.path.map((s) => [s.optionId, s.decidedBy, s.meters.mood, s.cost])).toEqual([
      ["listen", "majority", 45, 5],
      ["ship-express", "override", 65, 20],
    ]);
    expect(run?.path[0]?.tally).toEqual({ listen: 2, blame: 0, refund: 1 });
    expect(run?.branches).toEqual([
      expect.objectContaining({ fromStep: 1, ending: { id: "lost", outcome: "lost-quietly" } }),
    ]);
    expect(report.choices.filter((c) => c.traineeId === "t3")).toEqual([
      expect.objectContaining({ kind: "vote", optionId: "refund", played: false, stepIndex: 0 }),
    ]);
  });

  it("exports CSV a spreadsheet opens safely: quoted fields, no formulas", () => {
    const csv = reportToCsv(sessionReport(playedSession().state));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "scenario,run,branch_from,step,record,option,label,decided_by,trainee,mood_after,reputation_after,strain_after,cost_after,at",
    );
    expect(lines[1]).toBe("late-parcel,main,,0,decision,listen,Tell me more.,majority,,45,50,,5,7010000");
    expect(lines).toContain("late-parcel,main,,0,vote,listen,,,Trainee 1,,,,,");
    expect(lines).toContain(`late-parcel,main,,0,vote,refund,,,"'=HYPERLINK(""x""), ""Ola""",,,,,`);
    expect(lines).toContain(
      "late-parcel,main,1,1,decision,shrug,Nothing I can do.,override,,35,50,,5,7020000",
    );
  });
});
