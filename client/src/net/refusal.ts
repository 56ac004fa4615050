import { apiErrorSchema, errorCodes, type RefusalParams } from "@hotseat/shared";
import { refusalText } from "../i18n/refusalText";
import { roomUnknownCode } from "./rejoinPolicy";

/** A refusal the server gave (HTTP error body, join refusal), carried as an Error whose text is translated. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly params: RefusalParams | undefined,
    /** The server's own English sentence, kept for the console. */
    readonly serverMessage: string,
  ) {
    super(serverMessage);
    this.name = "Refusal";
  }

  /** The sentence to show, in the page's language now. */
  get text(): string {
    return refusalText(this);
  }
}

/**
 * The refusal in an HTTP API answer body, or a `server.error` one when the body is not the API's shape;
 * a `Retry-After` becomes the `seconds` its sentence names ("try again in 7 s").
 */
export function refusalOfBody(status: number, body: unknown, retryAfter?: number): Refusal {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, params } = parsed.data.error;
    const wait = retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60;
    return new Refusal(code, { seconds: wait, ...params }, message);
  }
  return new Refusal("server.error", undefined, `HTTP ${status}`);
}

const knownCodes = new Set<string>(errorCodes);

/**
 * The refusal behind a failed room join. The matchmaker answers an unknown code with its own English
 * (`room "ZZZZZZ" not found`, code 522); the room's own refusals lead with the stable code
 * (`join.locked: The trainer has closed ...`). No code at all means the server could not be reached.
 */
export function refusalOfJoinError(e: unknown): Refusal {
  if (e instanceof Refusal) return e;
  const number = (e as { code?: unknown } | null)?.code;
  // The matchmaker throttling joins from one address.
  if (number === 429)
    return new Refusal("rate.too-many-tries", undefined, e instanceof Error ? e.message : "");
  const message = e instanceof Error ? e.message : String(e);
  if (number === roomUnknownCode) return new Refusal("join.bad-code", undefined, message);
  const lead = /^([a-z]+(?:\.[a-z-]+)+):\s/.exec(message)?.[1];
  if (lead !== undefined && knownCodes.has(lead)) return new Refusal(lead, undefined, message);
  if (typeof number !== "number") return new Refusal("unreachable", undefined, message);
  return new Refusal("server.error", undefined, message);
}

/** Any failure as a sentence in the page's language. */
export function failureText(e: unknown): string {
  return refusalOfJoinError(e).text;
}
