import { createHash } from "node:crypto";

/** The id of a scenario version: the sha-256 of its text, so equal texts share a version and ids never lie. */
export function scenarioVersionId(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex");
}
