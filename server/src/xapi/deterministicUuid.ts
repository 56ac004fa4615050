import { createHash } from "node:crypto";

/**
 * Hotseat's namespace for name-based UUIDs (itself the RFC 4122 v5 UUID of the name "hotseat" in the URL
 * namespace); fixed forever, or every statement id and registration would change.
 */
export const hotseatUuidNamespace = "d586b629-526d-5377-a880-78d44371bf0a";

function bytesOf(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll("-", ""), "hex");
}

/**
 * An RFC 4122 version 5 (SHA-1, name-based) UUID: the same name always gives the same id, so a statement
 * built again from the same decision carries the id it had, and the LRS recognises a resend.
 */
export function uuidV5(name: string, namespace: string = hotseatUuidNamespace): string {
  const hash = createHash("sha1").update(bytesOf(namespace)).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
