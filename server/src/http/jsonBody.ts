import express from "express";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { sendError } from "./apiAnswer";

/** The largest JSON body the API reads. */
export const maxJsonBody = "512kb";

/**
 * Reads a JSON body. A body of another type is refused with 415 instead of being ignored (a form or a
 * `text/plain` post is never what the API meant); parse failures go on to {@link apiErrorHandler}.
 */
export function jsonBody(): RequestHandler[] {
  const json = express.json({ limit: maxJsonBody });
  const onlyJson: RequestHandler = (req, res, next) => {
    const hasBody =
      req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0;
    if (hasBody && !req.is("application/json")) {
      sendError(res, 415, "request.not-json", "The body must be JSON (Content-Type: application/json).");
      return;
    }
    next();
  };
  return [onlyJson, json];
}

/** What the body reader and the router throw, mapped to a status, a stable code and a plain sentence. */
const knownErrors: Record<string, { status: number; code: string; message: string }> = {
  "entity.too.large": {
    status: 413,
    code: "request.too-large",
    message: `The body is larger than the ${maxJsonBody} the API accepts.`,
  },
  "entity.parse.failed": {
    status: 400,
    code: "request.bad-json",
    message: "The body is not a JSON object or array.",
  },
  "charset.unsupported": {
    status: 415,
    code: "request.unsupported-charset",
    message: "The body's charset is not supported; send UTF-8.",
  },
  "encoding.unsupported": {
    status: 415,
    code: "request.unsupported-encoding",
    message: "The body's Content-Encoding is not supported; send it plain, gzip, deflate or br.",
  },
  "request.aborted": {
    status: 400,
    code: "request.aborted",
    message: "The body ended before it was complete.",
  },
  "request.size.invalid": {
    status: 400,
    code: "request.bad-length",
    message: "The body's length does not match its Content-Length.",
  },
};

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status = typeof e?.status === "number" ? e.status : e?.statusCode;
  return typeof status === "number" && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Every error under `/api` answered in the API's own shape, `{ error: { code, message } }`: a bad request
 * (too large, not JSON, wrong charset or encoding, a malformed `%` escape in the address) with its 4xx and a
 * sentence that says what to fix; anything else with 500, logged.
 */
export function apiErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === "string" ? knownErrors[type] : undefined;
  const status = known?.status ?? statusOf(error);
  if (known) {
    sendError(res, known.status, known.code, known.message);
  } else if (
    error instanceof URIError ||
    (status === 400 && /decode/i.test(String((error as Error).message)))
  ) {
    sendError(res, 400, "request.bad-url", `The address has a malformed % escape: ${req.path.slice(0, 200)}`);
  } else if (status !== undefined) {
    const expose = (error as { expose?: unknown }).expose === true;
    sendError(res, status, "request.invalid", expose ? String((error as Error).message) : "Bad request.");
  } else {
    console.error(error);
    sendError(res, 500, "server.error", "Something went wrong on the server; try again.");
  }
}
