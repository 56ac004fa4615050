import { describe, expect, it } from "vitest";
import { pickEncoding } from "./pickEncoding";

describe("pickEncoding", () => {
  const both = ["br", "gzip"] as const;

  it("prefers brotli although browsers list gzip first", () => {
    expect(pickEncoding("gzip, deflate, br, zstd", both)).toBe("br");
  });

  it("falls back to gzip, then to the plain file", () => {
    expect(pickEncoding("gzip, deflate", both)).toBe("gzip");
    expect(pickEncoding("br", ["gzip"])).toBe("identity");
    expect(pickEncoding(undefined, both)).toBe("identity");
    expect(pickEncoding("", both)).toBe("identity");
  });

  it("honours weights: q=0 refuses, a higher q wins, * stands for the rest", () => {
    expect(pickEncoding("br;q=0, gzip", both)).toBe("gzip");
    expect(pickEncoding("br;q=0.5, gzip;q=0.9", both)).toBe("gzip");
    expect(pickEncoding("*", both)).toBe("br");
    expect(pickEncoding("*;q=0", both)).toBe("identity");
    expect(pickEncoding("BR ; Q=1", both)).toBe("br");
  });
});
