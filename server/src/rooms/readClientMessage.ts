import { clientMessageSchema, clientMessageTypes, setLocaleMessageSchema } from "@hotseat/shared";
import type { ClientMessage, ClientMessageType } from "@hotseat/shared";
import type { z } from "zod";

/** What a raw message from a connection turned out to be. */
export type ReadMessage =
  | { kind: "message"; message: ClientMessage }
  | { kind: "setLocale"; locale: string }
  | { kind: "refused"; code: "message.malformed" | "message.unknown"; message: string };

/** More fields than any message has (the most is four, with `type`); counting stops here. */
const maxFields = 8;
/** The longest refusal text sent back: a reply must never grow with what the sender sent. */
const maxReplyChars = 200;

const notAnObject = "A message is an object with the fields of its type.";

/** A plain object (what msgpack decodes a map to), not bytes, an array, a date or a class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Whether an object has more than `max` own fields, found without listing them all. */
function hasMoreFieldsThan(body: Record<string, unknown>, max: number): boolean {
  let count = 0;
  for (const key in body) if (Object.hasOwn(body, key) && ++count > max) return true;
  return false;
}

/** A short, printable form of a client-chosen string (a type, a field name) for replies and logs. */
export function shortText(value: unknown, max = 40): string {
  const text =
    typeof value === "string"
      ? value
      : typeof value === "object" && value !== null
        ? Object.prototype.toString.call(value)
        : String(value);
  // Control characters would break a log line; they are replaced, not interpreted.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The first problem zod found, in one bounded sentence: never the list of every unknown key. */
function firstIssue(error: z.ZodError): string {
  const issues = error.issues;
  const first = issues[0];
  if (first === undefined) return "The message does not match its type.";
  const path = first.path.slice(0, 3).map((p) => shortText(String(p), 30));
  const where = path.length > 0 ? ` at ${path.join(".")}` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${shortText(first.message, 120)}${where}${more}`.slice(0, maxReplyChars);
}

/**
 * Checks a raw message's shape against the protocol before anything acts on it. Colyseus's own
 * validation would disconnect the sender; this gives a refusal the room can answer with instead. The
 * payload's kind and size are checked before zod sees it, and a refusal is a short sentence whatever the
 * payload was, so a hostile message costs little to refuse (the frame's byte size is checked earlier still,
 * see `frameGate.ts`).
 */
export function readClientMessage(type: unknown, payload: unknown): ReadMessage {
  const body = payload === undefined ? {} : isPlainObject(payload) ? payload : null;
  if (body === null || typeof type !== "string")
    return { kind: "refused", code: "message.malformed", message: notAnObject };
  if (hasMoreFieldsThan(body, maxFields))
    return {
      kind: "refused",
      code: "message.malformed",
      message: `A message has at most ${maxFields} fields.`,
    };
  if (type === "client.setLocale") {
    const parsed = setLocaleMessageSchema.safeParse({ ...body, type });
    return parsed.success
      ? { kind: "setLocale", locale: parsed.data.locale }
      : { kind: "refused", code: "message.malformed", message: firstIssue(parsed.error) };
  }
  if (!clientMessageTypes.includes(type as ClientMessageType))
    return {
      kind: "refused",
      code: "message.unknown",
      message: `There is no message "${shortText(type, 60)}".`,
    };
  const parsed = clientMessageSchema.safeParse({ ...body, type });
  return parsed.success
    ? { kind: "message", message: parsed.data }
    : { kind: "refused", code: "message.malformed", message: firstIssue(parsed.error) };
}
