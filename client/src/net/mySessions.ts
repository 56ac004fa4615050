import { sessionListResponseSchema, type SessionListing } from "@hotseat/shared";
import { api } from "./api";

/** Where the console keeps the trainer token of a session this browser hosted. */
export const trainerTokenKeyPrefix = "hotseat.trainer.";

/** A session this browser hosted, as `GET /api/sessions` lists it for its trainer token. */
export type MySession = SessionListing & {
  /** The token, so the page can link to the report. */
  trainerToken: string;
};

/** The server sends at most this many tokens' sessions in one list. */
const maxTokens = 50;

/** The trainer tokens this browser kept, by join code. */
function storedTokens(storage: Storage): Map<string, string> {
  const tokens = new Map<string, string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(trainerTokenKeyPrefix)) continue;
    const token = storage.getItem(key);
    if (token) tokens.set(key.slice(trainerTokenKeyPrefix.length), token);
  }
  return tokens;
}

/**
 * The sessions this browser hosted, newest first, asked for with the trainer tokens it kept (the server
 * lists nothing else without the password). Tokens the server no longer knows are forgotten.
 */
export async function mySessions(storage: Storage = localStorage, server = ""): Promise<MySession[]> {
  const tokens = [...storedTokens(storage)].slice(-maxTokens);
  if (tokens.length === 0) return [];
  const body = await api(sessionListResponseSchema, `${server}/api/sessions`, {
    headers: { authorization: `Bearer ${tokens.map(([, token]) => token).join(",")}` },
  });
  const byCode = new Map(tokens);
  for (const [code] of tokens)
    if (!body.sessions.some((s) => s.code === code)) storage.removeItem(trainerTokenKeyPrefix + code);
  return body.sessions
    .filter((s) => byCode.has(s.code))
    .map((s) => ({ ...s, trainerToken: byCode.get(s.code) ?? "" }));
}

/**
 * The download link of a session's report with the trainer token this browser kept, so the export links
 * on the console's debrief and the phone remote work (the report names every trainee: it needs the token).
 */
export function reportUrl(code: string, format: "csv" | "json", storage: Storage = localStorage): string {
  const path = `/api/sessions/${encodeURIComponent(code)}/report.${format}`;
  let token: string | null = null;
  try {
    token = storage.getItem(trainerTokenKeyPrefix + code);
  } catch {
    // Storage can be blocked (private mode); the link then asks the server without a token and says why.
  }
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}
