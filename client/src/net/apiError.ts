/** A refusal of the JSON API: its status, its stable code (`host.too-fast`, …) and the server's sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    /** From `Retry-After`, when the server said how long to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Reads a JSON answer of the API, turning `{ error: { code, message } }` into a thrown {@link ApiError}. */
export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!res.ok) {
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new ApiError(
      res.status,
      body.error?.code,
      body.error?.message ?? `${res.status} ${res.statusText}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body as T;
}
