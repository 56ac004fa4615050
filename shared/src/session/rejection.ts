import type { ErrorCode, RefusalParams } from "../protocol/serverMessages";

/**
 * Why the session refused an event: a stable code, a sentence for the person who sent it, and the values
 * the sentence names, so a client can say it in its own language.
 */
export type Rejection = { code: ErrorCode; message: string; params?: RefusalParams };

/** Builds a rejection. */
export function reject(code: ErrorCode, message: string, params?: RefusalParams): Rejection {
  return params === undefined ? { code, message } : { code, message, params };
}
