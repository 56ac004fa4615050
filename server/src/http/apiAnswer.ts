import type { ApiError, RefusalParams } from "@hotseat/shared";
import type { Response } from "express";
import type { z } from "zod";

/** The body of an API refusal: the stable code the client translates, its parameters, the English sentence. */
export function refusalBody(code: string, message: string, params?: RefusalParams): ApiError {
  return { error: { code, message, ...(params ? { params } : {}) } };
}

/** Answers a request with a refusal of the API (`{ error: { code, message, params? } }`) and its status. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  params?: RefusalParams,
): void {
  res.status(status).json(refusalBody(code, message, params));
}

/**
 * Answers with `body` parsed by its schema from shared/src/protocol/httpApi.ts, the one the client parses
 * it with: an answer the client would refuse is a server bug, and becomes a logged 500 here instead.
 */
export function sendBody<S extends z.ZodType>(
  res: Response,
  schema: S,
  body: z.output<S>,
  status = 200,
): void {
  res.status(status).json(schema.parse(body));
}
