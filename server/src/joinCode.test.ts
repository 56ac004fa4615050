import { describe, expect, it } from "vitest";
import { isJoinCode, joinCodeAlphabet, newJoinCode, normalizeJoinCode } from "./joinCode";

describe("join codes", () => {
  it("never use characters that look like others on a projector", () => {
    for (const c of "0O1IL5S2Z8B") expect(joinCodeAlphabet).not.toContain(c);
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode(() => false);
      expect(code).toHaveLength(6);
      expect(isJoinCode(code)).toBe(true);
    }
  });

  it("skip codes already used by a live session", () => {
    const live = new Set<string>();
    for (let i = 0; i < 300; i++) live.add(newJoinCode((c) => live.has(c)));
    expect(live.size).toBe(300);
    // A generator that keeps proposing a taken code gets past it on the next different draw.
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    let i = 0;
    const code = newJoinCode(
      (c) => c === "AAAAAA",
      () => draws[i++ % draws.length] ?? 0,
    );
    expect(code).toBe("AAAAAC");
  });

  it("accept what a trainee types with spaces, dashes and lower case", () => {
    expect(normalizeJoinCode(" kqw-xyr ")).toBe("KQWXYR");
    expect(isJoinCode(normalizeJoinCode("kqw xyr"))).toBe(true);
    expect(isJoinCode("KQWXY0")).toBe(false);
    expect(isJoinCode("KQWXY")).toBe(false);
  });
});
