import { describe, expect, it } from "vitest";
import { readClientMessage } from "./readClientMessage";

describe("readClientMessage", () => {
  it("accepts a well-formed message of a known type", () => {
    expect(readClientMessage("trainee.vote", { optionId: "listen" })).toEqual({
      kind: "message",
      message: { type: "trainee.vote", optionId: "listen" },
    });
    expect(readClientMessage("trainer.reveal", undefined)).toEqual({
      kind: "message",
      message: { type: "trainer.reveal" },
    });
  });

  it("refuses a payload that is not an object, a numeric type, an unknown type and wrong fields", () => {
    expect(readClientMessage("trainee.vote", "listen")).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage("trainee.vote", [1])).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage(7, {})).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage("trainer.explode", {})).toMatchObject({
      code: "message.unknown",
      message: 'There is no message "trainer.explode".',
    });
    const wrong = readClientMessage("trainee.vote", { optionId: 42 });
    expect(wrong).toMatchObject({ kind: "refused", code: "message.malformed" });
    expect(wrong.kind === "refused" && wrong.message).toContain("optionId");
  });

  it("refuses bytes, dates and objects with too many fields before zod, with a short answer", () => {
    for (const payload of [Buffer.alloc(200 * 1024), new Uint8Array(10), new Date(), new Map()]) {
      expect(readClientMessage("trainee.vote", payload)).toMatchObject({ code: "message.malformed" });
    }
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    expect(readClientMessage("trainee.vote", many)).toEqual({
      kind: "refused",
      code: "message.malformed",
      message: "A message has at most 8 fields.",
    });
    const longKey = readClientMessage("trainee.vote", { optionId: "listen", ["k".repeat(5000)]: 1 });
    expect(longKey.kind === "refused" && longKey.message.length).toBeLessThanOrEqual(200);
    const unknown = readClientMessage("x".repeat(5000), {});
    expect(unknown.kind === "refused" && unknown.message.length).toBeLessThan(100);
    expect(readClientMessage(undefined, {})).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage({ a: 1 }, {})).toMatchObject({ code: "message.malformed" });
  });

  it("reads a language switch apart from the session's messages, refusing a bad locale", () => {
    expect(readClientMessage("client.setLocale", { locale: "pl" })).toEqual({
      kind: "setLocale",
      locale: "pl",
    });
    expect(readClientMessage("client.setLocale", { locale: "Polish!" })).toMatchObject({
      code: "message.malformed",
    });
  });
});
