import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rateLimiter";

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("rate limiter", () => {
  it("lets a fast but human sender through", () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 20, perSecond: 20, cutOffAfterSeconds: 5 }, c.now);
    for (let i = 0; i < 200; i++) {
      expect(limiter.take()).toBe("accept");
      c.advance(60); // ~16 taps a second, for 12 seconds
    }
  });

  it("tells a flooder once a second, then cuts it off when the flood goes on", () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 20, perSecond: 20, cutOffAfterSeconds: 5 }, c.now);
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) seen.push(limiter.take());
    expect(new Set(seen)).toEqual(new Set(["accept"]));
    expect(limiter.take()).toBe("reject");
    expect(limiter.take()).toBe("drop");
    let decision = "";
    let rejects = 1;
    // 1000 messages a second from here on.
    for (let ms = 0; ms < 6000 && decision !== "cut-off"; ms++) {
      c.advance(1);
      decision = limiter.take();
      if (decision === "reject") rejects++;
    }
    expect(decision).toBe("cut-off");
    expect(rejects).toBeGreaterThanOrEqual(4);
    expect(rejects).toBeLessThanOrEqual(6);
  });

  it("forgives a short burst once the sender calms down", () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 5, perSecond: 5, cutOffAfterSeconds: 2 }, c.now);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 5; i++) expect(limiter.take()).toBe("accept");
      expect(limiter.take()).toBe("reject");
      c.advance(1500);
    }
  });
});
