import { describe, expect, it } from "vitest";
import { catalogs, uiLocales } from "../i18n/t";
import { closeReasonKey } from "./closeReason";
import { isFinalCode } from "./rejoinPolicy";

describe("closeReasonKey", () => {
  it("says why the server closed the connection, not 'removed' for every code", () => {
    expect(catalogs.en[closeReasonKey(4004)]).toBe("The trainer removed you from this session.");
    expect(closeReasonKey(4404)).toBe("conn.kicked");
    expect(catalogs.en[closeReasonKey(4005)]).toMatch(/another tab/);
    expect(catalogs.en[closeReasonKey(4100)]).toMatch(/Too many messages/);
    expect(closeReasonKey(4401)).toBe("conn.badToken");
    expect(closeReasonKey(4403)).toBe("conn.locked");
    expect(closeReasonKey(4409)).toBe("conn.soloFull");
    expect(closeReasonKey(4400)).toBe("conn.refused");
    expect(closeReasonKey(undefined)).toBe("conn.refused");
  });

  it("has a sentence in every language for every code that stops the page", () => {
    const finalCodes = [4004, 4005, 4100, ...Array.from({ length: 100 }, (_, i) => 4400 + i)];
    expect(finalCodes.every((c) => isFinalCode(c))).toBe(true);
    for (const locale of uiLocales)
      for (const code of finalCodes)
        expect(JSON.stringify(catalogs[locale][closeReasonKey(code)]).length).toBeGreaterThan(10);
    expect(new Set(finalCodes.map((c) => catalogs.pl[closeReasonKey(c)])).size).toBe(7);
  });
});
