import { ClientState, getMessageBytes, Protocol, ResponseStatus } from "@colyseus/core";
import type { Room } from "@colyseus/core";
import { gateFrames, isControlFrame, judgeFrame } from "./frameGate";
import { roomCloseCodes } from "./roomCodes";
import type { SeatClient } from "./ViewFlusher";

/** What the frame gate does through its room: handle a decoded message, answer `error`, log. */
export type SeatFrameHandlers = {
  message: (client: SeatClient, type: string, payload: unknown) => void;
  reply: (client: SeatClient, code: string, message: string) => void;
  log: (line: string) => void;
};

/**
 * Counts every frame a connection sends (pings and requests too) against its seat's rate limit, and
 * refuses oversized, binary and untyped frames before anything decodes them (see `frameGate.ts`). Messages
 * are handed to `handlers.message`; only what Colyseus must answer itself (a ping, the join handshake,
 * leaving) goes on to it.
 */
export function gateSeatFrames(room: Room<{ client: SeatClient }>, handlers: SeatFrameHandlers): void {
  // The room's clients are all SeatClients; gateFrames is written for any room.
  gateFrames(room, (client, frame) => admitFrame(client as SeatClient, frame, handlers));
}

/** Whether one frame goes on to Colyseus; every other frame is dealt with here. */
export function admitFrame(client: SeatClient, frame: Uint8Array, handlers: SeatFrameHandlers): boolean {
  const seat = client.userData;
  if (isControlFrame(frame, client.state === ClientState.JOINING)) return true;
  if (!seat || seat.closing) return false;
  const verdict = judgeFrame(frame, seat.role, seat.limiter.take());
  switch (verdict.kind) {
    case "pass":
      return true;
    case "message":
      handlers.message(client, verdict.type, verdict.payload);
      return false;
    case "drop":
      return false;
    case "refuse":
      if (verdict.code === "rate.limited") handlers.log(`rate limit: ${seat.role} ${seat.traineeId ?? ""}`);
      handlers.reply(client, verdict.code, verdict.message);
      return false;
    case "answer-request":
      client.raw(
        getMessageBytes[Protocol.ROOM_RESPONSE](verdict.requestId, ResponseStatus.ERROR, {
          name: "no_handler",
          message: "Hotseat answers no requests; send messages.",
        }),
      );
      return false;
    case "cut-off":
      handlers.log(`cut off a flooding ${seat.role} ${seat.traineeId ?? ""}`);
      seat.closing = true;
      seat.closeCode = roomCloseCodes.flooding;
      client.leave(roomCloseCodes.flooding);
      return false;
  }
}
