import { describe, expect, it } from "vitest";
import { isControlFrame, judgeFrame, maxMessageFrameBytes } from "./frameGate";

const ROOM_DATA = 13;
const ROOM_DATA_BYTES = 17;
const PING = 18;
const ROOM_REQUEST = 21;
const JOIN_ROOM = 10;
const LEAVE_ROOM = 12;

/** A data frame: the type as a msgpack string, then `payload` bytes. */
function dataFrame(type: string, payload: number[] = [], code = ROOM_DATA): Uint8Array {
  const bytes = new TextEncoder().encode(type);
  return new Uint8Array([code, 0xd9, bytes.length, ...bytes, ...payload]);
}

describe("judgeFrame", () => {
  it("decodes a small message and answers pings", () => {
    // { optionId: "a" }
    const vote = dataFrame("trainee.vote", [0x81, 0xa8, ...new TextEncoder().encode("optionId"), 0xa1, 0x61]);
    expect(judgeFrame(vote, "trainee", "accept")).toEqual({
      kind: "message",
      type: "trainee.vote",
      payload: { optionId: "a" },
    });
    expect(judgeFrame(dataFrame("trainer.reveal"), "trainer", "accept")).toEqual({
      kind: "message",
      type: "trainer.reveal",
      payload: undefined,
    });
    expect(judgeFrame(new Uint8Array([PING]), "trainee", "accept")).toEqual({ kind: "pass" });
  });

  it("applies the budget to every kind of frame before reading it", () => {
    for (const frame of [
      new Uint8Array([PING]),
      dataFrame("trainee.vote"),
      new Uint8Array([ROOM_REQUEST, 1]),
    ]) {
      expect(judgeFrame(frame, "trainee", "drop")).toEqual({ kind: "drop" });
      expect(judgeFrame(frame, "trainee", "cut-off")).toEqual({ kind: "cut-off" });
      expect(judgeFrame(frame, "trainee", "reject")).toMatchObject({ kind: "refuse", code: "rate.limited" });
    }
  });

  it("refuses large, binary and untyped frames without decoding them", () => {
    const big = dataFrame("trainee.vote", new Array<number>(maxMessageFrameBytes).fill(0xc0));
    expect(judgeFrame(big, "trainee", "accept")).toMatchObject({ kind: "refuse", code: "message.malformed" });
    // Only the trainer's upload may be large.
    expect(
      judgeFrame(dataFrame("trainer.selectScenario", [...big.slice(1)]), "trainee", "accept"),
    ).toMatchObject({
      kind: "refuse",
    });
    const upload = dataFrame("trainer.selectScenario", [
      0xda,
      0x27,
      0x10,
      ...new Array<number>(10_000).fill(0x61),
    ]);
    expect(judgeFrame(upload, "trainer", "accept")).toMatchObject({ kind: "message" });
    expect(judgeFrame(dataFrame("trainee.vote", [1, 2], ROOM_DATA_BYTES), "trainee", "accept")).toMatchObject(
      {
        kind: "refuse",
        code: "message.malformed",
      },
    );
    for (const frame of [[ROOM_DATA, 0xc0], [ROOM_DATA, 0x80], [ROOM_DATA, 7], [ROOM_DATA]]) {
      expect(judgeFrame(new Uint8Array(frame), "trainee", "accept")).toMatchObject({ kind: "refuse" });
    }
    expect(judgeFrame(dataFrame("trainee.vote", [0x81]), "trainee", "accept")).toMatchObject({
      kind: "refuse",
    });
  });

  it("answers a request with its id, and lets only the handshake and leaving bypass the budget", () => {
    expect(judgeFrame(new Uint8Array([ROOM_REQUEST, 5, 0xa1, 0x61]), "trainee", "accept")).toEqual({
      kind: "answer-request",
      requestId: 5,
    });
    expect(isControlFrame(new Uint8Array([LEAVE_ROOM]), false)).toBe(true);
    expect(isControlFrame(new Uint8Array([JOIN_ROOM]), true)).toBe(true);
    expect(isControlFrame(new Uint8Array([JOIN_ROOM]), false)).toBe(false);
    expect(isControlFrame(new Uint8Array([PING]), false)).toBe(false);
  });
});
