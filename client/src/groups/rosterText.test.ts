import { describe, expect, it } from "vitest";
import { parseRoster } from "./rosterText";

describe("a roster typed one learner a line", () => {
  it("reads names with an optional employee id and e-mail in either order, skipping blank lines", () => {
    const text = "Ann Nowak\n\nBob Lis; 4711; bob@example.com\nCat Ito\tcat@example.com\t88\nDaina, D-9\n";
    expect(parseRoster(text)).toEqual({
      ok: true,
      lines: [
        { displayName: "Ann Nowak" },
        { displayName: "Bob Lis", employeeId: "4711", email: "bob@example.com" },
        { displayName: "Cat Ito", employeeId: "88", email: "cat@example.com" },
        { displayName: "Daina", employeeId: "D-9" },
      ],
    });
  });

  it("names the first line the server would refuse and why, so the trainer can fix it", () => {
    expect(parseRoster("Ann\nBob; bob@nowhere\nCat")).toEqual({
      ok: false,
      line: 2,
      text: "Bob; bob@nowhere",
      problem: "email",
    });
    expect(parseRoster("Ann\n; 4711")).toMatchObject({ ok: false, line: 2, problem: "name" });
    expect(parseRoster(`${"x".repeat(200)}`)).toMatchObject({ ok: false, line: 1, problem: "too-long" });
  });

  it("reads an empty roster as no learners (an open roster fills itself)", () => {
    expect(parseRoster("  \n")).toEqual({ ok: true, lines: [] });
  });
});
