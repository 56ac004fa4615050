import { randomInt } from "node:crypto";

/**
 * The characters of a join code. Left out: every character that reads like another on a projector
 * or a phone keyboard (0/O, 1/I/L, 5/S, 2/Z, 8/B), so a code read from across the room is typed right.
 */
export const joinCodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";

/** How many characters a join code has. */
export const joinCodeLength = 6;

const joinCodePattern = new RegExp(`^[${joinCodeAlphabet}]{${joinCodeLength}}$`);

/** Turns what a trainee typed ("kq wx-yr") into the canonical code ("KQWXYR"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** Whether a (normalized) string has the shape of a join code. */
export function isJoinCode(code: string): boolean {
  return joinCodePattern.test(code);
}

/**
 * A fresh join code that `isTaken` does not know (unique among live sessions).
 * With 25^6 ≈ 244 million codes a clash is rare; the bounded loop only guards against a full space.
 */
export function newJoinCode(
  isTaken: (code: string) => boolean,
  random: (max: number) => number = randomInt,
): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let code = "";
    for (let i = 0; i < joinCodeLength; i++) code += joinCodeAlphabet[random(joinCodeAlphabet.length)];
    if (!isTaken(code)) return code;
  }
  throw new Error("could not find a free join code after 1000 attempts");
}
