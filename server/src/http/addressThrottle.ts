/** How fast one address may go: a burst, then a steady rate. */
export type ThrottleRule = {
  /** What an address may spend at once (a bucket's size). */
  burst: number;
  /** What it gets back per second. */
  perSecond: number;
};

/** What {@link AddressThrottle.take} decides. */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

/**
 * A token bucket per client address. Each request takes from its address's bucket; a request that
 * failed (a wrong code, a wrong password) can be charged extra afterwards, so guessing runs dry fast
 * while a class of phones behind one address, who mostly succeed, never notices. The clock is injected
 * so tests are exact; the number of remembered addresses is bounded so a flood of addresses costs
 * memory only up to `maxAddresses`.
 */
export class AddressThrottle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rule: ThrottleRule,
    private readonly now: () => number,
    private readonly maxAddresses = 50_000,
  ) {}

  /** Takes `cost` from the address's budget when it has that much; else says how long to wait. */
  take(address: string, cost = 1): ThrottleVerdict {
    const bucket = this.bucket(address);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true };
    }
    const missing = cost - bucket.tokens;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.rule.perSecond)) };
  }

  /** Charges an address after the fact (a failed attempt); the debt is at most one burst deep. */
  charge(address: string, cost: number): void {
    const bucket = this.bucket(address);
    bucket.tokens = Math.max(-this.rule.burst, bucket.tokens - cost);
  }

  /** How many addresses are remembered now (for tests and the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  private bucket(address: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(address);
    if (bucket) {
      const refill = ((now - bucket.at) / 1000) * this.rule.perSecond;
      bucket.tokens = Math.min(this.rule.burst, bucket.tokens + Math.max(0, refill));
      bucket.at = now;
      // Most recently used last, so the oldest entries are the first to forget.
      this.buckets.delete(address);
    } else {
      if (this.buckets.size >= this.maxAddresses) this.forget(now);
      bucket = { tokens: this.rule.burst, at: now };
    }
    this.buckets.set(address, bucket);
    return bucket;
  }

  /** Drops buckets that have refilled (they hold nothing a fresh one would not); else the oldest tenth. */
  private forget(now: number): void {
    for (const [address, bucket] of this.buckets) {
      const full = bucket.tokens + ((now - bucket.at) / 1000) * this.rule.perSecond >= this.rule.burst;
      if (full) this.buckets.delete(address);
    }
    if (this.buckets.size < this.maxAddresses) return;
    let drop = Math.ceil(this.maxAddresses / 10);
    for (const address of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(address);
    }
  }
}
