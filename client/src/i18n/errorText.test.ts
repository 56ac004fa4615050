import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../net/apiError";
import { errorText } from "./errorText";
import { setLocale } from "./t";

afterEach(() => setLocale("en"));

describe("errorText", () => {
  it("says which hosting limit was met in the page's language, with the wait", () => {
    const tooFast = new ApiError(429, "host.too-fast", "Too many sessions hosted…", 7);
    expect(errorText(tooFast)).toBe(
      "Too many sessions were hosted from your network just now. Try again in 7 s.",
    );
    setLocale("pl");
    expect(errorText(tooFast)).toContain("za 7 s");
    setLocale("lt");
    expect(errorText(new ApiError(429, "host.address-full", "x"))).toContain("Jūsų tinklas");
    setLocale("ro");
    expect(errorText(new ApiError(503, "host.server-full", "x"))).toContain("Acest server");
  });

  it("translates a join the matchmaker throttled, and keeps the server's sentence for other refusals", () => {
    setLocale("pl");
    expect(errorText(Object.assign(new Error("Too many attempts"), { code: 429 }))).toContain(
      "Zbyt wiele prób",
    );
    expect(errorText(new ApiError(404, "scenario.unknown", 'There is no scenario "x".'))).toBe(
      'There is no scenario "x".',
    );
  });
});
