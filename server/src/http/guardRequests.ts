import type { IncomingMessage, Server, ServerResponse } from "node:http";

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts `guard` in front of every `request` listener `server` has now; when the guard has answered (it
 * returns true), the request goes no further. The way to reach routes Express never sees: Colyseus serves
 * `/matchmake/…` from its own listener, installed when the server starts listening.
 */
export function guardRequests(
  server: Server,
  guard: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (guard(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}
