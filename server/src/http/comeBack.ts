import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Response } from "express";
import { isJoinCode, normalizeJoinCode } from "../joinCode";
import { conflictRejection } from "../sessions/SessionRuntime";
import type { SessionHost } from "../sessions/SessionHost";
import { SessionOwnedElsewhereError } from "../store/SessionLeases";
import { sendError } from "./apiAnswer";

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Brings a live session back from its log when someone comes back to it: whether it runs now (here, or in
 * a cluster on another live process). Undefined, answered with a 409 `session.conflict`, while another
 * Hotseat process holds it without running it. Other failures propagate to the error handler.
 */
export async function comeBackOrRefuse(
  host: Pick<SessionHost, "comeBack">,
  code: string,
  res: Response,
): Promise<boolean | undefined> {
  try {
    return await host.comeBack(code);
  } catch (e) {
    if (!(e instanceof SessionOwnedElsewhereError)) throw e;
    sendError(res, 409, conflictRejection.code, conflictRejection.message);
    return undefined;
  }
}

const joinById = /^\/matchmake\/joinById\/([^/?]+)/;

/**
 * Sessions are resumed lazily: the room of a session the store has live starts when a client joins it by
 * code (a trainee by code and device key, the trainer by token), before Colyseus's matchmaker looks for the
 * room. Colyseus serves `/matchmake/…` from its own request listener, so this wraps the listeners the
 * server has now; the request body stays unread (paused) until the matchmaker reads it. In a cluster `host`
 * is the cluster's come-back (`ClusterComeBack`), which leaves a session running on a live process to it.
 */
export function resumeOnJoin(
  server: Server,
  host: Pick<SessionHost, "comeBack">,
  log?: (line: string) => void,
): void {
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of listeners) listener.call(server, req, res);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const match = req.method === "POST" ? joinById.exec(req.url ?? "") : null;
    if (!match) return pass(req, res);
    let code = "";
    try {
      code = normalizeJoinCode(decodeURIComponent(match[1]!));
    } catch {
      // A malformed escape: not a code; the matchmaker refuses it as it would.
    }
    if (!isJoinCode(code)) return pass(req, res);
    host.comeBack(code).then(
      () => pass(req, res),
      (e: unknown) => {
        if (e instanceof SessionOwnedElsewhereError) return refuse(res);
        // Not a refusal: the matchmaker answers as for any room that is not running here.
        log?.(`[${code}] could not be resumed: ${(e as Error).message}`);
        pass(req, res);
      },
    );
  });
}

/**
 * Answers a join the way the matchmaker answers one it cannot seat (`{ code, error }`; the SDK reads the
 * status): 409, not a final 44xx, so a client keeps coming back by code and finds the session once its
 * owner is gone or a proxy sends it to the owner.
 */
function refuse(res: ServerResponse): void {
  const status = 409;
  const body = JSON.stringify({
    code: status,
    error: `${conflictRejection.code}: ${conflictRejection.message}`,
  });
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
  res.end(body);
}
