import { describe, expect, it } from "vitest";
import { exposureWarning, isLoopback } from "./exposureWarning";

describe("exposureWarning", () => {
  it("warns for every address and public ones without a password, never for loopback or with one", () => {
    expect(exposureWarning(undefined, false)).toMatch(/every address.*HOTSEAT_TRAINER_PASSWORD/);
    expect(exposureWarning("::", false)).toMatch(/every address/);
    expect(exposureWarning("192.168.1.10", false)).toMatch(/192\.168\.1\.10/);
    for (const local of ["127.0.0.1", "127.0.0.2", "::1", "localhost", "::ffff:127.0.0.1"]) {
      expect(isLoopback(local), local).toBe(true);
      expect(exposureWarning(local, false), local).toBeUndefined();
    }
    expect(exposureWarning("0.0.0.0", true)).toBeUndefined();
  });
});
