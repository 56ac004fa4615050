import type { Request, RequestHandler } from "express";
import { z } from "zod";
import { HostError } from "../sessions/SessionHost";
import { sendBody, sendError } from "./apiAnswer";
import type { HostingLimits } from "./hostingLimits";
import type { HttpThrottles } from "./httpLimits";
import { samePassword } from "./trainerAccess";

/** What a hosting route needs from the server: the trainer password and the bounds on hosting. */
export type HostingDeps = {
  trainerPassword?: string | undefined;
  throttles?: HttpThrottles | undefined;
  hostingLimits?: HostingLimits | undefined;
};

/**
 * A route that hosts a session (`POST /api/sessions`, `POST /api/practice`): the body checked with its
 * schema, the trainer password when the server has one (the `x-hotseat-password` header or the body's
 * `password`), the bounds on live sessions, then `hostIt`, whose answer goes out as 201 checked with its
 * schema and counts towards the caller's address. A `HostError` becomes its refusal.
 */
export function hostingRoute<Body extends { password?: string | undefined }, Answer extends { code: string }>(
  deps: HostingDeps,
  requestSchema: z.ZodType<Body>,
  answerSchema: z.ZodType<Answer>,
  hostIt: (body: Body, req: Request) => Promise<Answer>,
): RequestHandler {
  return async (req, res) => {
    const body = requestSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, "message.malformed", z.prettifyError(body.error));
    if (deps.trainerPassword !== undefined) {
      const given = req.get("x-hotseat-password") ?? body.data.password;
      if (!samePassword(given, deps.trainerPassword))
        return sendError(res, 401, "host.password", "Hosting a session needs the trainer password.");
    }
    const address = deps.throttles?.addressOf(req) ?? "";
    const limit = deps.hostingLimits?.refusal(address);
    if (limit) return sendError(res, limit.status, limit.code, limit.message);
    try {
      const hosted = await hostIt(body.data, req);
      deps.hostingLimits?.record(address, hosted.code);
      sendBody(res, answerSchema, hosted, 201);
    } catch (e) {
      if (e instanceof HostError) return sendError(res, e.status, e.code, e.message);
      throw e;
    }
  };
}
