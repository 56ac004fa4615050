import { describe, expect, it } from "vitest";
import { decideRejoin, isFinalCode, maxRoomUnknown, rejoinDelayMs, roomUnknownCode } from "./rejoinPolicy";

describe("rejoin policy", () => {
  it("gives the SDK a moment to resume a dropped socket before rejoining itself", () => {
    expect(decideRejoin({ kind: "drop" })).toEqual({ action: "wait", ms: 2_000 });
  });

  it("rejoins at once after a server shutdown (4001), a failed resume (4003) or a codeless SDK error", () => {
    expect(decideRejoin({ kind: "leave", code: 4001 })).toEqual({ action: "rejoin", ms: 0 });
    expect(decideRejoin({ kind: "leave", code: 4003 })).toEqual({ action: "rejoin", ms: 0 });
    expect(decideRejoin({ kind: "leave", code: 1006 })).toEqual({ action: "rejoin", ms: 0 });
    expect(decideRejoin({ kind: "error" })).toEqual({ action: "rejoin", ms: 0 });
  });

  it("stops for good when removed, replaced by another tab, cut off for flooding or refused", () => {
    for (const code of [4004, 4005, 4100, 4400, 4401, 4403, 4404, 4409]) {
      expect(isFinalCode(code)).toBe(true);
      expect(decideRejoin({ kind: "leave", code })).toEqual({ action: "stop", status: "kicked" });
      expect(decideRejoin({ kind: "rejoin-failed", code, attempt: 3 })).toEqual({
        action: "stop",
        status: "kicked",
      });
    }
    expect(isFinalCode(4001)).toBe(false);
    expect(isFinalCode(undefined)).toBe(false);
  });

  it("keeps retrying while the server is down, backing off from 0.5 s to at most 5 s", () => {
    const delays = Array.from({ length: 8 }, (_, attempt) => {
      const d = decideRejoin({ kind: "rejoin-failed", attempt });
      expect(d.action).toBe("rejoin");
      return d.action === "rejoin" ? d.ms : -1;
    });
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000, 5_000]);
    expect(rejoinDelayMs(1_000)).toBe(5_000);
  });

  it("tolerates a restarting server not knowing the room for a while, then calls the session lost", () => {
    const unknown = { kind: "rejoin-failed", code: roomUnknownCode, attempt: 2 } as const;
    expect(decideRejoin(unknown, maxRoomUnknown - 1).action).toBe("rejoin");
    expect(decideRejoin(unknown, maxRoomUnknown)).toEqual({ action: "stop", status: "lost" });
  });
});
