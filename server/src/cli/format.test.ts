import { describe, expect, it } from "vitest";
import { formatLedger, meterBar, meterLines, plural, wrap } from "./format";

describe("meter and ledger formatting", () => {
  it("draws a mood bar proportional to the value with the number beside it", () => {
    expect(meterBar(50)).toBe(`${"█".repeat(10)}${"░".repeat(10)}  50/100`);
    expect(meterBar(0)).toBe(`${"░".repeat(20)}   0/100`);
    expect(meterBar(140)).toContain("100/100");
  });

  it("itemises the ledger with its currency and leaves out zero items", () => {
    expect(formatLedger({ replacement: 40, staffTime: 3.5, discount: 0 }, "EUR")).toBe(
      "43.50 EUR = replacement 40 EUR + staff time 3.50 EUR",
    );
    expect(formatLedger({}, "PLN")).toBe("0 PLN");
  });

  it("shows only the meters a scenario uses, with the change since the last step", () => {
    const before = { mood: 20, ledger: {} };
    const now = { mood: 35, ledger: { refund: 10 } };
    const lines = meterLines(now, "EUR", before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Mood .* 35\/100 {2}\(\+15\)$/);
    expect(lines[1]).toContain("Cost");
    expect(lines[1]).toContain("refund 10 EUR");
    const withAll = meterLines({ mood: 35, reputation: 60, strain: 40, ledger: {} }, "EUR");
    expect(withAll.map((l) => l.trim().split(/\s{2,}| [█░]/)[0])).toEqual([
      "Mood",
      "Reputation",
      "Staff strain",
      "Cost",
    ]);
  });

  it("says 1 error but 2 errors", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(2, "error")).toBe("2 errors");
    expect(plural(0, "warning")).toBe("0 warnings");
  });
});

describe("wrap", () => {
  it("breaks long text on spaces within the width", () => {
    const lines = wrap("one two three four five six", 12, "  ");
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines.join(" ").replace(/\s+/g, " ").trim()).toBe("one two three four five six");
  });
});
