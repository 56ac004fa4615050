import { hashTrainerToken } from "../sessions/trainerToken";

/** The most trainer tokens one `GET /api/sessions` may present. */
export const maxListedTokens = 50;

/** What the `Authorization` header of `GET /api/sessions` proves: the trainer of these sessions, or nothing. */
export type ListCredentials =
  { kind: "tokens"; hashes: Set<string> } | { kind: "refused"; code: string; message: string };

/**
 * Reads `Authorization: Bearer <token>[,<token>…]`: the trainer tokens a browser keeps, one per session it
 * hosted (up to {@link maxListedTokens}). Without them there is no list: the join codes of live sessions
 * are the keys to them.
 */
export function listCredentials(header: string | undefined): ListCredentials {
  if (!header?.startsWith("Bearer "))
    return {
      kind: "refused",
      code: "list.credentials",
      message:
        "Listing sessions needs the trainer password (X-Hotseat-Password) or your sessions' trainer tokens (Authorization: Bearer <token>,<token>).",
    };
  const tokens = header
    .slice("Bearer ".length)
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (tokens.length === 0 || tokens.length > maxListedTokens)
    return {
      kind: "refused",
      code: "list.credentials",
      message: `Present between 1 and ${maxListedTokens} trainer tokens, separated by commas.`,
    };
  return { kind: "tokens", hashes: new Set(tokens.map(hashTrainerToken)) };
}
