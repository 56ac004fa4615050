import { clientMessageSchema, clientMessageTypes, setLocaleMessageSchema } from "@hotseat/shared";
import type { ClientMessage, ClientMessageType } from "@hotseat/shared";
import { z } from "zod";

/** What a raw message from a connection turned out to be. */
export type ReadMessage =
  | { kind: "message"; message: ClientMessage }
  | { kind: "setLocale"; locale: string }
  | { kind: "refused"; code: "message.malformed" | "message.unknown"; message: string };

/**
 * Checks a raw message's shape against the protocol before anything acts on it. Colyseus's own
 * validation would disconnect the sender; this gives a refusal the room can answer with instead.
 */
export function readClientMessage(type: string | number, payload: unknown): ReadMessage {
  const body =
    payload === undefined
      ? {}
      : typeof payload === "object" && payload !== null && !Array.isArray(payload)
        ? payload
        : null;
  if (body === null || typeof type !== "string")
    return {
      kind: "refused",
      code: "message.malformed",
      message: "A message is an object with the fields of its type.",
    };
  if (type === "client.setLocale") {
    const parsed = setLocaleMessageSchema.safeParse({ ...body, type });
    return parsed.success
      ? { kind: "setLocale", locale: parsed.data.locale }
      : { kind: "refused", code: "message.malformed", message: z.prettifyError(parsed.error) };
  }
  if (!clientMessageTypes.includes(type as ClientMessageType))
    return {
      kind: "refused",
      code: "message.unknown",
      message: `There is no message "${type.slice(0, 60)}".`,
    };
  const parsed = clientMessageSchema.safeParse({ ...body, type });
  return parsed.success
    ? { kind: "message", message: parsed.data }
    : { kind: "refused", code: "message.malformed", message: z.prettifyError(parsed.error) };
}
