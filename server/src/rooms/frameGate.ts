import { ClientState, Protocol } from "@colyseus/core";
import type { Client, Room } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import type { Role } from "@hotseat/shared";
import { unpack } from "msgpackr";
import type { RateDecision } from "./rateLimiter";

/**
 * The biggest frame of any message but an uploaded scenario. The largest is a rename (a name of up to 96
 * characters and an id), about 500 bytes; 2 KB also bounds what decoding a hostile frame can cost (a few
 * hundred keys, or nesting too shallow to exhaust the stack).
 */
export const maxMessageFrameBytes = 2 * 1024;

/** The one message allowed to be large (the trainer's upload, up to the transport's own limit). */
const uploadType = "trainer.selectScenario";

/** What the room does with one raw frame from a connection, decided before anything decodes its payload. */
export type FrameVerdict =
  /** Hand it to Colyseus (a ping, which it answers). */
  | { kind: "pass" }
  /** A data message, decoded: the room handles it as it handles every message. */
  | { kind: "message"; type: string; payload: unknown }
  /** Ignore it without a word (a throttled sender already told this second, an unused frame kind). */
  | { kind: "drop" }
  /** Answer with a small `error` message and ignore it. */
  | { kind: "refuse"; code: "message.malformed" | "rate.limited"; message: string }
  /** A request (which Hotseat does not use): answer it with a small error so the sender's promise settles. */
  | { kind: "answer-request"; requestId: number }
  /** The sender kept flooding after being told: close the connection. */
  | { kind: "cut-off" };

/** The protocol code of a frame (its first byte, without the modifier bits). */
function codeOf(frame: Uint8Array): number {
  return (frame[0] ?? 0) & 0x1f;
}

/** The message type in a data frame's header, read the way Colyseus does; `undefined` when it is not a string. */
function typeOf(frame: Uint8Array, it: { offset: number }): string | undefined {
  try {
    return decode.stringCheck(frame, it) ? decode.string(frame, it) : undefined;
  } catch {
    return undefined;
  }
}

/** Frames that pass whatever the budget: the join handshake's acknowledgement (once) and leaving. */
export function isControlFrame(frame: Uint8Array, joining: boolean): boolean {
  const code = codeOf(frame);
  return code === Protocol.LEAVE_ROOM || (code === Protocol.JOIN_ROOM && joining);
}

/**
 * Decides what happens to one frame, after the connection's rate limiter has counted it (`budget`). Every
 * kind of frame costs the same token, pings and requests included. The size and kind of a message are
 * checked from its header before its payload is decoded, so a hostile frame costs next to nothing; only a
 * data frame within its size limit is decoded (the trainer's upload may be large, the rest are small).
 */
export function judgeFrame(frame: Uint8Array, role: Role, budget: RateDecision): FrameVerdict {
  if (budget === "cut-off") return { kind: "cut-off" };
  if (budget === "drop") return { kind: "drop" };
  if (budget === "reject")
    return { kind: "refuse", code: "rate.limited", message: "Too many messages: slow down." };
  const code = codeOf(frame);
  if (code === Protocol.PING) return { kind: "pass" };
  if (code === Protocol.ROOM_REQUEST) {
    try {
      const requestId = decode.number(frame, { offset: 1 });
      return Number.isSafeInteger(requestId) ? { kind: "answer-request", requestId } : { kind: "drop" };
    } catch {
      return { kind: "drop" };
    }
  }
  if (code === Protocol.ROOM_DATA_BYTES)
    return {
      kind: "refuse",
      code: "message.malformed",
      message: "A message is an object with the fields of its type, not raw bytes.",
    };
  if (code !== Protocol.ROOM_DATA) return { kind: "drop" };
  const it = { offset: 1 };
  const type = typeOf(frame, it);
  if (type === undefined)
    return { kind: "refuse", code: "message.malformed", message: "A message's type is a string." };
  const limit = type === uploadType && role === "trainer" ? Number.POSITIVE_INFINITY : maxMessageFrameBytes;
  if (frame.byteLength > limit)
    return {
      kind: "refuse",
      code: "message.malformed",
      message: `This message is too large (${frame.byteLength} bytes; at most ${limit}).`,
    };
  try {
    // What Colyseus itself would decode, but a frame that does not decode gets an error reply instead of
    // Colyseus closing the connection (and printing a stack trace per frame).
    return {
      kind: "message",
      type,
      payload: frame.byteLength > it.offset ? unpack(frame.subarray(it.offset)) : undefined,
    };
  } catch {
    return { kind: "refuse", code: "message.malformed", message: "This message could not be decoded." };
  }
}

/**
 * Puts `admit` in front of the room's frame handling: Colyseus answers pings, requests and every data frame
 * itself (decoding the whole payload first), so a limit applied in a message handler comes too late. Only
 * frames `admit` returns true for reach Colyseus; `admit` handles the rest itself. Colyseus 0.18 reads a connection's frames through the
 * room's `_onMessage` (bound per connection when it joins), so the room's own copy is replaced once, when it
 * is created.
 */
export function gateFrames(room: Room, admit: (client: Client, frame: Uint8Array) => boolean): void {
  const internals = room as unknown as { _onMessage?: (client: Client, frame: Uint8Array) => void };
  const onMessage = internals._onMessage;
  if (typeof onMessage !== "function")
    throw new Error("Colyseus's Room._onMessage is gone: update the frame gate for this Colyseus version.");
  internals._onMessage = (client, frame) => {
    // Colyseus ignores these itself; they cost nothing and must not cost a token either.
    const ignored = !frame || client.state === ClientState.LEAVING;
    if (ignored || admit(client, frame)) onMessage.call(room, client, frame);
  };
}
