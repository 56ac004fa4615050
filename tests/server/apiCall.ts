/** An HTTP API answer: its status and its JSON body. */
export type ApiAnswer = { status: number; body: unknown };

/**
 * Calls the API at `base` as a browser does: a JSON body makes it a POST unless `method` says otherwise,
 * `key` goes in as `Authorization: Bearer <key>` (a group key, a learner key).
 */
export async function apiCall(
  base: string,
  path: string,
  init: { method?: string; key?: string; body?: unknown } = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.key !== undefined ? { authorization: `Bearer ${init.key}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: await res.json() };
}
