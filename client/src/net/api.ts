import { refusalOfBody } from "./refusal";

/**
 * Reads a JSON answer of the API with its protocol schema (shared/src/protocol/httpApi.ts); a refusal
 * (`{ error: { code, params } }`) is thrown as a `Refusal`, whose text is in the page's language.
 */
export async function api<T>(
  schema: { parse: (body: unknown) => T },
  path: string,
  init?: RequestInit,
): Promise<T> {
  const res = await fetch(path, init);
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw refusalOfBody(res.status, body, Number(res.headers.get("retry-after")));
  return schema.parse(body);
}
