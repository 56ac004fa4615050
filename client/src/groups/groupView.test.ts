import { describe, expect, it } from "vitest";
import { groupMatrix, learnerProfile } from "@hotseat/shared";
import type { GroupDetail, LearnerDecision, LearnerRecord, LearnerRun } from "@hotseat/shared";
import { setLocale } from "../i18n/t";
import { groupHtml } from "./groupView";
import { learnerHtml } from "./learnerView";

// The group and learner pages' markup from real aggregates (groupMatrix, learnerProfile) over a small
// record: accessible tables, the first score only where it changed, names escaped, gaps in words.

const decision = (
  at: number,
  chosen: "listens" | "rushes-to-fix",
  gap: { moodGap: number; costGap: number },
): LearnerDecision => ({
  sessionId: `s${at}`,
  scenarioId: "ruined-hat",
  scenarioVersion: "v",
  stateId: "opening",
  seq: at,
  at: Date.UTC(2026, 11, at),
  role: "class-vote",
  optionId: chosen,
  optionLabel: chosen === "listens" ? "Tell me what happened" : "I'll refund it <now>",
  tags: [chosen],
  effect: { mood: chosen === "listens" ? 5 : -3, cost: 0 },
  feedback: "Feedback",
  open: [
    { optionId: "listens", tags: ["listens"], reachable: { bestMood: 80, leastCost: 0 } },
    { optionId: "rushes-to-fix", tags: ["rushes-to-fix"], reachable: { bestMood: 40, leastCost: 10 } },
  ],
  comparedWithBest: { ...gap, bestOptionId: "listens" },
});

const run = (day: number, chosen: "listens" | "rushes-to-fix"): LearnerRun => ({
  sessionId: `s${day}`,
  scenarioId: "ruined-hat",
  scenarioVersion: "v",
  scenarioTitle: "The ruined hat",
  customerType: "disappointed",
  role: "class-vote",
  startedAt: Date.UTC(2026, 11, day),
  ending: { endingId: "calm", outcome: "kept", title: "Calmed down" },
  decisions: [
    decision(day, chosen, chosen === "listens" ? { moodGap: 0, costGap: 0 } : { moodGap: 40, costGap: 10 }),
  ],
});

const records: LearnerRecord[] = [
  {
    learner: { learnerId: "a", groupId: "g", displayName: "Ann <b>" },
    runs: [run(1, "rushes-to-fix"), run(2, "listens")],
  },
  {
    learner: { learnerId: "b", groupId: "g", displayName: "Bob" },
    runs: [run(1, "listens"), run(2, "listens")],
  },
  { learner: { learnerId: "c", groupId: "g", displayName: "Cat" }, runs: [] },
];

const detail: GroupDetail = {
  group: { groupId: "g", name: "Team", openRoster: false, learnerCount: 3, createdAt: Date.UTC(2026, 11, 1) },
  roster: records.map((r) => ({
    learnerId: r.learner.learnerId,
    displayName: r.learner.displayName,
    claimed: true,
  })),
};

describe("the group page's markup", () => {
  setLocale("en");
  const html = groupHtml(detail, groupMatrix(records), 1);

  it("is real tables: captions, column and row headers, one row per learner who played", () => {
    expect(html).toContain('<caption id="gp-skills-c">Learners × skills: latest score</caption>');
    expect(html).toContain('<th scope="col">Listening</th>');
    expect(html).toContain('<th scope="row"><a href="/groups/g/a">Ann &#60;b&#62;</a></th>');
    const heatmap = html.slice(html.indexOf("gp-skills-c"), html.indexOf("gp-types-h"));
    expect(heatmap).not.toContain("Cat");
    expect(html).toContain("1 run of a deleted learner, counted without a name");
  });

  it("gives a learner's first score only where the latest differs", () => {
    const row = (name: string) => html.slice(html.indexOf(name), html.indexOf("</tr>", html.indexOf(name)));
    expect(row("Ann &#60;b&#62;")).toContain("<strong>100</strong> <small>(first 0)</small>");
    expect(row("Bob")).not.toContain("first");
  });

  it("says so when nobody has played yet, and still lists the roster", () => {
    const empty = groupHtml(detail, groupMatrix(records.map((r) => ({ ...r, runs: [] }))), 0);
    expect(empty).toContain("No learner of this group has played a session yet.");
    expect(empty).toContain('<caption id="gp-roster-c">');
  });
});

describe("a learner's page markup", () => {
  setLocale("en");
  const ann = records[0]!;
  const html = learnerHtml("g", detail.roster[0]!, ann, learnerProfile(ann));

  it("has one captioned table per run and says how far a choice fell short, naming the best option", () => {
    expect(html.match(/<table class="gp-table gp-decisions">/g)).toHaveLength(2);
    expect(html).toContain("The ruined hat · ");
    expect(html).toContain("Customer kept: Calmed down · score 0/100");
    expect(html).toContain("mood −40, cost +10<br><small>best: <code>listens</code></small>");
    expect(html).toContain("the best open");
    expect(html).toContain("I&#39;ll refund it &#60;now&#62;");
  });
});
