import { describe, expect, it } from "vitest";
import { AddressThrottle } from "./addressThrottle";

function clocked() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("AddressThrottle", () => {
  it("lets a burst through, then refuses with the seconds until the next request fits", () => {
    const clock = clocked();
    const throttle = new AddressThrottle({ burst: 30, perSecond: 0.5 }, clock.now);
    for (let i = 0; i < 30; i++) expect(throttle.take("10.0.0.1")).toEqual({ allowed: true });
    expect(throttle.take("10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // Another address has its own budget.
    expect(throttle.take("10.0.0.2")).toEqual({ allowed: true });
    clock.advance(2000);
    expect(throttle.take("10.0.0.1")).toEqual({ allowed: true });
    expect(throttle.take("10.0.0.1").allowed).toBe(false);
  });

  it("makes failures expensive: a guesser runs dry while successes keep flowing for others", () => {
    const clock = clocked();
    const throttle = new AddressThrottle({ burst: 200, perSecond: 2 }, clock.now);
    let guesses = 0;
    while (throttle.take("guesser").allowed) {
      throttle.charge("guesser", 19);
      guesses++;
    }
    expect(guesses).toBe(10);
    // A minute later the guesser has had about six more tries, not 120.
    clock.advance(60_000);
    let later = 0;
    while (throttle.take("guesser").allowed) {
      throttle.charge("guesser", 19);
      later++;
    }
    expect(later).toBe(6);
  });

  it("keeps a debt at most one burst deep, so a flood does not lock an address out for ever", () => {
    const clock = clocked();
    const throttle = new AddressThrottle({ burst: 10, perSecond: 1 }, clock.now);
    for (let i = 0; i < 1000; i++) throttle.charge("a", 100);
    expect(throttle.take("a")).toEqual({ allowed: false, retryAfterSeconds: 11 });
    clock.advance(11_000);
    expect(throttle.take("a")).toEqual({ allowed: true });
  });

  it("remembers a bounded number of addresses, forgetting refilled ones first", () => {
    const clock = clocked();
    const throttle = new AddressThrottle({ burst: 2, perSecond: 1 }, clock.now, 100);
    for (let i = 0; i < 100; i++) throttle.take(`full-${i}`);
    throttle.take("busy");
    throttle.take("busy");
    clock.advance(1000);
    for (let i = 0; i < 500; i++) throttle.take(`new-${i}`);
    expect(throttle.size).toBeLessThanOrEqual(100);
  });
});
