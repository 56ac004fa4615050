import type { ErrorCode } from "../protocol/serverMessages";

/** Why the session refused an event: a stable code and a sentence for the person who sent it. */
export type Rejection = { code: ErrorCode; message: string };

/** Builds a rejection. */
export function reject(code: ErrorCode, message: string): Rejection {
  return { code, message };
}
