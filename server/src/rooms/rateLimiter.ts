/** What the limiter decides for one incoming message. */
export type RateDecision =
  /** Handle it. */
  | "accept"
  /** Drop it and tell the sender (first drop of a throttled second). */
  | "reject"
  /** Drop it silently: the sender was already told this second, answering every flood message would amplify it. */
  | "drop"
  /** The sender kept flooding after being told: disconnect it. */
  | "cut-off";

/** Tuning of a {@link RateLimiter}. */
export type RateLimitOptions = {
  /** Messages a client may send in a burst. */
  burst: number;
  /** Messages per second a client may keep sending. */
  perSecond: number;
  /** Consecutive seconds of being throttled after which a client is cut off. */
  cutOffAfterSeconds: number;
};

/** 20 messages a second, a burst of 20, cut off after 5 seconds of sustained flooding. */
export const defaultRateLimit: RateLimitOptions = { burst: 20, perSecond: 20, cutOffAfterSeconds: 5 };

/**
 * A token bucket per client. A phone tapping fast never notices it; a script flooding the room gets one
 * `error` a second while it floods, then is cut off if it keeps going. The clock is injected so tests are exact.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private throttledSince: number | undefined;
  private lastToldAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: RateLimitOptions = defaultRateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = options.burst;
    this.last = now();
  }

  /** Decides what to do with the next message from this client. */
  take(): RateDecision {
    const now = this.now();
    this.tokens = Math.min(
      this.options.burst,
      this.tokens + ((now - this.last) / 1000) * this.options.perSecond,
    );
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      // A full second of calm forgives earlier flooding.
      if (this.throttledSince !== undefined && now - this.lastToldAt > 1000) this.throttledSince = undefined;
      return "accept";
    }
    this.throttledSince ??= now;
    if (now - this.throttledSince >= this.options.cutOffAfterSeconds * 1000) return "cut-off";
    if (now - this.lastToldAt >= 1000) {
      this.lastToldAt = now;
      return "reject";
    }
    return "drop";
  }
}
