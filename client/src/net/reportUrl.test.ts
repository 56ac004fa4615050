import { describe, expect, it } from "vitest";
import { reportUrl, trainerTokenKeyPrefix } from "./mySessions";

/** A Storage with just what the link needs. */
function storageWith(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe("the report's download link", () => {
  it("carries the trainer token this browser kept, so the export is not refused", () => {
    const storage = storageWith({ [`${trainerTokenKeyPrefix}ABC234`]: "tok en/1" });
    expect(reportUrl("ABC234", "csv", storage)).toBe("/api/sessions/ABC234/report.csv?token=tok%20en%2F1");
    expect(reportUrl("ABC234", "json", storage)).toBe("/api/sessions/ABC234/report.json?token=tok%20en%2F1");
  });

  it("is the bare route when this browser never hosted the session", () => {
    expect(reportUrl("XYZ789", "csv", storageWith({}))).toBe("/api/sessions/XYZ789/report.csv");
  });
});
