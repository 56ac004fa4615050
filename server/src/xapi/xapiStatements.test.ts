import { describe, expect, it } from "vitest";
import { learner, ruinedHatRun } from "../../../shared/src/learning/learnerRecordFixtures";
import { uuidV5 } from "./deterministicUuid";
import { statementProblems } from "./validateStatement";
import { answeredIdOf, isoDuration, registrationOf, statementsOfRun } from "./xapiStatements";

const origin = "https://hotseat.example.org";
const anna = learner("l-anna", "Anna", { email: "anna@example.com" });
const run = ruinedHatRun(
  "s-1",
  [
    ["review-posted", "apologise-and-invite"],
    ["first-contact", "ask-what-happened"],
  ],
  { scaledScore: 0.5 },
);

describe("xAPI statements from a learner's run", () => {
  it("makes RFC 4122 version 5 UUIDs", () => {
    // The RFC's own example namespace (DNS) and a well-known name.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("answers each decision, then completes the scenario, all valid xAPI 1.0.3", () => {
    const statements = statementsOfRun(anna, run, { origin, groupName: "Sales", language: "en" });
    expect(statements.map((s) => s.verb.id)).toEqual([
      "http://adlnet.gov/expapi/verbs/answered",
      "http://adlnet.gov/expapi/verbs/answered",
      "http://adlnet.gov/expapi/verbs/completed",
    ]);
    for (const s of statements) expect(statementProblems(s)).toEqual([]);
    const [first, , completed] = statements;
    expect(first).toMatchObject({
      id: answeredIdOf("s-1", "l-anna", 10),
      actor: { objectType: "Agent", name: "Anna", account: { homePage: origin, name: "l-anna" } },
      object: { id: `${origin}/xapi/scenarios/ruined-hat/states/review-posted` },
      result: {
        response: "apologise-and-invite",
        extensions: {
          [`${origin}/xapi/extensions/tags`]: ["apologises", "acknowledges-emotion"],
          [`${origin}/xapi/extensions/effect`]: { mood: 10, cost: 5 },
        },
      },
      context: {
        registration: registrationOf("s-1"),
        contextActivities: {
          grouping: [{ id: `${origin}/xapi/groups/g-sales`, definition: { name: { en: "Sales" } } }],
          parent: [{ id: `${origin}/xapi/scenarios/ruined-hat` }],
        },
      },
    });
    // Privacy: the account identifies the learner; the e-mail address never leaves.
    expect(JSON.stringify(statements)).not.toContain("anna@example.com");
    expect(completed).toMatchObject({
      object: { id: `${origin}/xapi/scenarios/ruined-hat` },
      result: { completion: true, success: true, score: { scaled: 0.5 }, duration: "PT3M0S" },
    });
    expect(new Set(statements.map((s) => s.context?.registration)).size).toBe(1);
  });

  it("builds the same statements, ids included, every time", () => {
    const again = statementsOfRun(anna, structuredClone(run), { origin, groupName: "Sales", language: "en" });
    expect(again).toEqual(statementsOfRun(anna, run, { origin, groupName: "Sales", language: "en" }));
    const other = statementsOfRun(learner("l-bob", "Bob"), run, { origin });
    expect(other.map((s) => s.id)).not.toContain(again[0]!.id);
  });

  it("sends no completion for a run the session cut short, and handles unknown languages", () => {
    const cut = ruinedHatRun("s-1", [["review-posted", "report-the-review"]], { ended: false });
    const statements = statementsOfRun(anna, cut, { origin });
    expect(statements.map((s) => s.verb.display?.["en-US"])).toEqual(["answered"]);
    expect(statementProblems(statements[0])).toEqual([]);
  });

  it("writes durations as ISO 8601", () => {
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(3_723_450)).toBe("PT1H2M3.45S");
  });

  it("reports what is wrong with an invalid statement, by path", () => {
    const [bad] = statementsOfRun(anna, run, { origin: "not a url" });
    expect(statementProblems(bad).join("\n")).toMatch(/statement\.actor\.account\.homePage/);
    expect(statementProblems({ ...bad, surprise: 1 }).join("\n")).toMatch(/keys not allowed: surprise/);
  });
});
