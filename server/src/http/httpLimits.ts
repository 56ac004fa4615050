import type { IncomingMessage, ServerResponse } from "node:http";
import { AddressThrottle } from "./addressThrottle";
import { refusalBody } from "./apiAnswer";
import type { ThrottleRule } from "./addressThrottle";
import { clientAddress } from "./clientAddress";

/** How much one client address may do over HTTP. */
export type HttpLimits = {
  /**
   * Requests that try a secret: a join code (`GET /api/sessions/:code`, the matchmaker's
   * `POST /matchmake/…`), the trainer password, a trainer token. Each costs 1; one that fails (any refusal
   * but 429) costs `failureCost` in all, so guessing runs dry while a class of phones that mostly type the
   * right code joins at once.
   */
  guesses: ThrottleRule & { failureCost: number };
  /** `POST /api/sessions`: hosting a session. */
  hosting: ThrottleRule;
  /** Live sessions hosted from one address at a time. */
  maxSessionsPerAddress: number;
  /** Live sessions on this server at a time. */
  maxSessions: number;
  /** Trusted reverse proxies in front of Hotseat (0: clients connect directly); see {@link clientAddress}. */
  proxyHops: number;
};

/**
 * Sized for a workshop behind one NAT address: 30 phones joining at once (and again after a restart) with a
 * few typos spend about a third of the guessing burst; a guesser gets ten tries, then one every ten seconds.
 * Hosting: 30 at once, then one every two seconds (30 a minute).
 */
export const defaultHttpLimits: HttpLimits = {
  guesses: { burst: 200, perSecond: 2, failureCost: 20 },
  hosting: { burst: 30, perSecond: 0.5 },
  maxSessionsPerAddress: 50,
  maxSessions: 500,
  proxyHops: 0,
};

/** How a refusal is written: the API's `{ error: { code, message } }`, or the matchmaker's `{ code, error }`. */
export type RefusalShape = "api" | "matchmaker";

/** Answers a request with a status and a JSON error in the given shape. */
export function sendRefusal(
  res: ServerResponse,
  shape: RefusalShape,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  // The matchmaker's client (the Colyseus SDK) reads `{ code, error }`; the API's clients read `{ error }`.
  const body = shape === "api" ? refusalBody(code, message) : { code: status, error: message, reason: code };
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The per-address throttles of the HTTP side. Each `guard…` answers 429 with `Retry-After` and returns true
 * when the address has spent its budget; otherwise it lets the request through and returns false.
 */
export class HttpThrottles {
  private readonly guesses: AddressThrottle;
  private readonly hosting: AddressThrottle;

  constructor(
    readonly limits: HttpLimits,
    now: () => number,
  ) {
    this.guesses = new AddressThrottle(limits.guesses, now);
    this.hosting = new AddressThrottle(limits.hosting, now);
  }

  /** The address a request counts against. */
  addressOf(req: IncomingMessage): string {
    return clientAddress(req, this.limits.proxyHops);
  }

  /** A request that tries a secret; a failed one is charged the rest of `failureCost` once answered. */
  guardGuess(req: IncomingMessage, res: ServerResponse, shape: RefusalShape): boolean {
    const address = this.addressOf(req);
    const verdict = this.guesses.take(address);
    if (!verdict.allowed) {
      const message = `Too many attempts from your address; try again in ${verdict.retryAfterSeconds} s.`;
      sendRefusal(res, shape, 429, "rate.too-many-tries", message, {
        "retry-after": String(verdict.retryAfterSeconds),
      });
      return true;
    }
    // A failure is any refusal but our own 429 (the matchmaker says "no such room" with 522), or a request
    // abandoned before its answer (a stalled body cut off by the request timeout).
    res.once("close", () => {
      const failed = !res.writableFinished || (res.statusCode >= 400 && res.statusCode !== 429);
      if (failed) this.guesses.charge(address, this.limits.guesses.failureCost - 1);
    });
    return false;
  }

  /** A hosting request (checked before the password, so a flood of them is cheap to refuse). */
  guardHosting(req: IncomingMessage, res: ServerResponse): boolean {
    const verdict = this.hosting.take(this.addressOf(req));
    if (verdict.allowed) return false;
    const message = `Too many sessions hosted from your address in a short time; try again in ${verdict.retryAfterSeconds} s.`;
    sendRefusal(res, "api", 429, "host.too-fast", message, {
      "retry-after": String(verdict.retryAfterSeconds),
    });
    return true;
  }
}
