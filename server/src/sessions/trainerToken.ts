import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh trainer token: 192 random bits, URL-safe, shown once to the host. */
export function newTrainerToken(): string {
  return randomBytes(24).toString("base64url");
}

/** What the store keeps instead of the token, so a copied database does not hand out control of live sessions. */
export function hashTrainerToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether `token` is the one whose hash was stored; constant-time. */
export function trainerTokenMatches(token: string | undefined, storedHash: string): boolean {
  if (token === undefined) return false;
  const given = Buffer.from(hashTrainerToken(token), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
