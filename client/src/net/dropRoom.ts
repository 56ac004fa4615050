import type { Room } from "@colyseus/sdk";

/**
 * Lets go of a room whose server is gone for good: the SDK's own resume is switched off (it may still have
 * an attempt scheduled at the dead address, which would open a second, unseen connection), its listeners
 * removed and its socket closed. The caller then joins again by code.
 */
export function dropRoom(room: Room): void {
  room.reconnection.enabled = false;
  room.removeAllListeners();
  const link = room.connection as { reconnect?: unknown; close: () => void } | undefined;
  if (link) {
    link.reconnect = () => undefined;
    try {
      link.close();
    } catch {
      // Already closed.
    }
  }
}
